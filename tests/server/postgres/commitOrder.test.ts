// The pull log is commit-safe on PostgreSQL: a writer that took seq 41 and commits after a
// writer that took 42 must never be skipped by a pull that has already returned 42. Here the
// first writer is held open between taking its seq and COMMIT, a second writer runs meanwhile,
// and pulls in between see neither; once both commit, one pull after the old cursor sees both.
import { afterAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { postgresSql } from '../../../src/server/store/postgres/postgresSql';
import { readChanges } from '../../../src/server/store/changes';
import type { Change } from '../../../src/shared/protocol/sync';
import { freshPool } from './pgStore';

const team = (id: string): Change => ({ entity: 'team', op: 'put', id, data: { id, name: { zh: id, en: id } } });

let pool: pg.Pool | undefined;
afterAll(() => pool?.end());

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('pull after concurrent writers on PostgreSQL', () => {
  it('never skips a change whose writer commits after a later seq was taken', async () => {
    ({ pool } = await freshPool());
    const reader = postgresSql(pool);
    await reader.transaction(async (tx) => tx.publish(team('t-before'), 'c:community-1'));
    const cursor = (await readChanges(reader, 0, 100, ['c:community-1'])).at(-1)!.seq;

    const held = gate();
    const tookSeq = gate();
    let holdNext = true;
    const holding = postgresSql(pool, {
      beforeCommit: async () => {
        if (!holdNext) return;
        holdNext = false;
        tookSeq.open();
        await held.opened;
      },
    });
    // Writer 1 takes the next seq, then waits before COMMIT.
    const first = holding.transaction(async (tx) => tx.publish(team('t-first'), 'c:community-1'));
    await tookSeq.opened;
    // Writer 2 starts after it, and must not be able to commit a later seq before writer 1.
    let secondDone = false;
    const second = postgresSql(pool)
      .transaction(async (tx) => tx.publish(team('t-second'), 'c:community-1'))
      .then(() => void (secondDone = true));
    // Writer 2 waits on writer 1's lock of the counter: visible to PostgreSQL as a lock wait.
    await expect
      .poll(async () => (await pool!.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%change_counter%'")).rows[0].n, { timeout: 5000 })
      .toBeGreaterThan(0);
    expect(secondDone).toBe(false);
    // A pull in between sees neither writer's change, so its cursor cannot pass writer 1's seq.
    expect((await readChanges(reader, cursor, 100, ['c:community-1'])).map((r) => r.entity_id)).toEqual([]);

    held.open();
    await Promise.all([first, second]);
    const after = await readChanges(reader, cursor, 100, ['c:community-1']);
    expect(after.map((r) => r.entity_id)).toEqual(['t-first', 't-second']);
    expect(after[1]!.seq).toBe(after[0]!.seq + 1);
  });

  it('gives a re-written entity a new, higher seq so a cursor past its old one sees it again', async () => {
    const sql = postgresSql(pool!);
    await sql.transaction(async (tx) => tx.publish(team('t-again'), 'c:community-1'));
    const [firstRow] = (await readChanges(sql, 0, 1000, ['c:community-1'])).filter((r) => r.entity_id === 't-again');
    const renamed: Change = { entity: 'team', op: 'put', id: 't-again', data: { id: 't-again', name: { zh: '新', en: 'new' } } };
    await sql.transaction(async (tx) => tx.publish(renamed, 'c:community-1'));
    const later = await readChanges(sql, firstRow!.seq, 1000, ['c:community-1']);
    expect(later.map((r) => r.entity_id)).toEqual(['t-again']);
    expect(later[0]!.data).toContain('new');
  });
});
