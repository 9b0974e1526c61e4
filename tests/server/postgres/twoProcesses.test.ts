// Any number of endpoint processes serve one PostgreSQL database. Two real processes on two ports
// share one schema: a phone enrolled on one pushes and pulls through both in turn, replaying
// batches, and the same batch sent to both at once. Every record is stored once, and a pull from
// either process gives the same changes. Failed enrollments count across both.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshPostgresUrl } from '../helpers/backend';
import { serverProcess, type ServerProcess } from '../helpers/serverProcess';
import { call, enroll, hazardCreate, push } from '../helpers/api';
import { pullAll } from '../helpers/rounds';
import { pushResponseSchema } from '../../../src/shared/protocol/sync';
import { ENROLL_MAX_FAILURES } from '../../../src/server/routes/enroll';

const processes: ServerProcess[] = [];
afterAll(async () => {
  for (const p of processes) await p.signal('SIGTERM');
});

async function count(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe('two endpoint processes on one PostgreSQL database', () => {
  it('apply every mutation exactly once and pull the same changes', async () => {
    const databaseUrl = await freshPostgresUrl();
    for (let i = 0; i < 2; i++) {
      const p = await serverProcess({ databaseUrl });
      processes.push(p);
      await p.start();
    }
    const [a, b] = processes as [ServerProcess, ServerProcess];
    const phone = await enroll(a.url, 'DEMO-A-01');
    const batches = Array.from({ length: 6 }, () => Array.from({ length: 20 }, () => hazardCreate()));
    for (const [i, batch] of batches.entries()) {
      // Alternate processes, and send every batch a second time to the other one (a retry after
      // a lost answer lands wherever the balancer sends it).
      const first = i % 2 === 0 ? a : b;
      const other = first === a ? b : a;
      for (const target of [first, other]) {
        const result = await push(target.url, phone.token, batch);
        expect(result.status, JSON.stringify(result.body)).toBe(200);
        expect(pushResponseSchema.parse(result.body).acked).toHaveLength(batch.length);
      }
    }
    // The same new batch to both processes at the same moment: one connection each.
    const racing = Array.from({ length: 50 }, () => hazardCreate());
    const raced = await Promise.all([push(a.url, phone.token, racing), push(b.url, phone.token, racing)]);
    for (const r of raced) expect(pushResponseSchema.parse(r.body).acked.sort()).toEqual(racing.map((m) => m.id).sort());

    const stored = 6 * 20 + 50;
    expect(await count(databaseUrl, 'hazards')).toBe(stored);
    expect(await count(databaseUrl, 'applied_mutations')).toBe(stored);
    const lead = await enroll(b.url, 'DEMO-A-LEAD');
    const fromA = await pullAll(a.url, lead.token);
    const fromB = await pullAll(b.url, lead.token);
    expect(fromA.changes.filter((c) => c.entity === 'hazard')).toHaveLength(stored);
    expect(fromB.changes).toEqual(fromA.changes);
    expect(fromB.cursor).toBe(fromA.cursor);
  });

  it('count failed enrollments across both processes', async () => {
    const [a, b] = processes as [ServerProcess, ServerProcess];
    for (let i = 0; i < ENROLL_MAX_FAILURES; i++) {
      const target = i % 2 === 0 ? a : b;
      const result = await call(target.url, '/api/v1/enroll', { body: { code: `WRONG-${i}`, deviceName: 'guesser' } });
      expect(result.status).toBe(401);
    }
    // Each process alone saw only half the failures; the limit still holds on both.
    for (const target of [a, b]) {
      const result = await call(target.url, '/api/v1/enroll', { body: { code: 'DEMO-A-02', deviceName: 'guesser' } });
      expect(result.status).toBe(429);
    }
  });
});
