// A demo database left by the release before rounds (server schema v1, seeded, with a device and
// hazards) opened by today's server: its data stays, schema v2 is added, and the demo checkpoints
// are seeded into it and published to members once, however often the server restarts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/server/store/sqlite/migrations';
import { DB_FILE } from '../../src/server/store/sqlite/openSqlite';
import { sqliteSql } from '../../src/server/store/sqlite/sqliteSql';
import { createDemoEnrollmentCode } from '../../src/server/store/enrollment';
import { putCategory, putCompound, putMember, putPropertyCompany, putTeam } from '../../src/server/store/reference';
import { DEMO_COMPOUNDS } from '../../src/server/seed/compounds';
import { DEMO_CHECKPOINTS } from '../../src/server/seed/checkpoints';
import { DEMO_ENROLLMENTS, DEMO_PROPERTY_COMPANIES, DEMO_TEAMS } from '../../src/server/seed/demoCommunity';
import { STANDARD_CATEGORIES } from '../../src/shared/domain/categories';
import { newToken, sha256Hex } from '../../src/server/auth/secrets';
import type { Sql } from '../../src/server/store/sql/sql';
import { draftWith } from '../fixtures/hazards';
import { countRows } from './helpers/api';
import { pullAll, pushOutcomes, roundStart } from './helpers/rounds';
import { startTestServer } from './helpers/testServer';

const OLD_TOKEN = newToken();

/**
 * The v1 demo seed, written with v1's tables only, as that release left it after some use: a
 * device enrolled for DEMO-A-01 (bearer OLD_TOKEN) that logged five hazards.
 */
async function seededV1Database(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'patrol-demo-v1-'));
  const db = new Database(join(dataDir, DB_FILE));
  db.pragma('journal_mode = WAL');
  db.exec(MIGRATIONS[0]!);
  db.pragma('user_version = 1');
  await sqliteSql(db).transaction(async (tx) => {
    for (const c of STANDARD_CATEGORIES) await putCategory(tx, c);
    for (const t of DEMO_TEAMS) await putTeam(tx, t);
    for (const pc of DEMO_PROPERTY_COMPANIES) await putPropertyCompany(tx, pc);
    for (const c of DEMO_COMPOUNDS) await putCompound(tx, c);
    for (const { code, member } of DEMO_ENROLLMENTS) {
      await putMember(tx, member);
      await createDemoEnrollmentCode(tx, code, member.id, new Date());
    }
    const at = '2026-02-01T08:00:00.000Z';
    await tx.run('INSERT INTO devices (id, member_id, name, token_hash, enrolled_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)', [
      'dev-old', 'm-a-01', 'old phone', sha256Hex(OLD_TOKEN), at, at,
    ]);
    for (let i = 0; i < 5; i++) {
      // The v1 columns only: today's insertHazard writes columns v1 did not have.
      const h = draftWith();
      await tx.run(
        `INSERT INTO hazards (id, category_id, severity, description, lat, lng, accuracy, position_at,
           compound_id, round_id, created_at, reporter_id, team_id, status, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [h.id, h.categoryId, h.severity, h.description, h.position!.lat, h.position!.lng, h.position!.accuracy,
          h.position!.at, h.compoundId, h.roundId, h.createdAt, 'm-a-01', 'team-a', 'open', at],
      );
      const { photoIds: _absentInV1, ...v1Hazard } = h;
      tx.publish({ entity: 'hazard', op: 'put', id: h.id, data: { ...v1Hazard, reporterId: 'm-a-01', teamId: 'team-a', status: 'open', receivedAt: at } as never }, 'all');
    }
  });
  db.close();
  return dataDir;
}

const userVersion = async (sql: Sql) => (await sql.get<{ user_version: number }>('PRAGMA user_version'))!.user_version;

describe('a v1 demo database opened by the rounds release', () => {
  it('keeps its devices and hazards, gains the checkpoints once, and takes rounds', async () => {
    const dataDir = await seededV1Database();
    const token = OLD_TOKEN;
    const reopened = await startTestServer({ dataDir, demo: true });
    try {
      expect(await userVersion(reopened.sql)).toBe(MIGRATIONS.length);
      expect(await countRows(reopened.sql, 'hazards')).toBe(5);
      expect(await countRows(reopened.sql, 'checkpoints')).toBe(DEMO_CHECKPOINTS.length);
      const { changes } = await pullAll(reopened.url, token);
      expect(changes.filter((c) => c.entity === 'hazard')).toHaveLength(5);
      expect(changes.flatMap((c) => (c.entity === 'checkpoint' ? [c.data] : []))).toEqual(DEMO_CHECKPOINTS);
      const start = roundStart('team-a', ['m-a-01']);
      expect(await pushOutcomes(reopened.url, token, [start])).toEqual({ [start.id]: 'acked' });
    } finally {
      await reopened.close();
    }

    const again = await startTestServer({ dataDir, demo: true });
    try {
      expect(await countRows(again.sql, 'checkpoints')).toBe(DEMO_CHECKPOINTS.length);
      expect((await again.sql.get<{ n: number }>("SELECT count(*) AS n FROM changes WHERE entity = 'checkpoint'"))!.n).toBe(DEMO_CHECKPOINTS.length);
      expect(await countRows(again.sql, 'rounds')).toBe(1);
    } finally {
      await again.close();
    }
  });
});
