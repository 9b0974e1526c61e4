// A demo database left by the release before rounds (server schema v1, seeded, with a device and
// hazards) opened by today's server: its data stays, every later schema is added (rounds, then
// streets: it becomes Jianxinglu of Tiaodenghe street), the demo checkpoints are seeded into it and
// published to members once, however often the server restarts, and the old phone's pull and its
// pending outbox go through with no action: the same ids, no duplicate.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/server/store/sqlite/migrations';
import { DB_FILE } from '../../src/server/store/sqlite/openSqlite';
import { sqliteSql } from '../../src/server/store/sqlite/sqliteSql';
import { createDemoEnrollmentCode } from '../../src/server/store/enrollment';
import { DEMO_COMPOUNDS } from '../../src/server/seed/compounds';
import { DEMO_CHECKPOINTS } from '../../src/server/seed/checkpoints';
import { DEMO_ENROLLMENTS, DEMO_PROPERTY_COMPANIES, DEMO_TEAMS } from '../../src/server/seed/demoCommunity';
import { STANDARD_CATEGORIES } from '../../src/shared/domain/categories';
import { newToken, sha256Hex } from '../../src/server/auth/secrets';
import type { Sql } from '../../src/server/store/sql/sql';
import { draftWith } from '../fixtures/hazards';
import { countRows, hazardCreate } from './helpers/api';
import { encodeCursor } from '../../src/server/http/cursor';
import { pullAll, pushOutcomes, roundStart } from './helpers/rounds';
import { startTestServer } from './helpers/testServer';

const OLD_TOKEN = newToken();
// One of the five hazards the old phone logged, whose ack it never received.
let draftOfOld: ReturnType<typeof draftWith>;
let lastSeqV1 = 0;

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
    // v1's rows and v1's pull log (one scope 'all' for everyone), written as v1 wrote them.
    const change = (entity: string, id: string, data: unknown, scope = 'all') =>
      tx.run('INSERT INTO changes (entity, entity_id, scope, data) VALUES (?, ?, ?, ?)', [entity, id, scope, JSON.stringify(data)]);
    for (const c of STANDARD_CATEGORIES) {
      await tx.run('INSERT INTO categories (id, name_zh, name_en, sort) VALUES (?, ?, ?, ?)', [c.id, c.name.zh, c.name.en, c.sort]);
      await change('category', c.id, c);
    }
    for (const t of DEMO_TEAMS) {
      await tx.run('INSERT INTO teams (id, name_zh, name_en) VALUES (?, ?, ?)', [t.id, t.name.zh, t.name.en]);
      await change('team', t.id, t);
    }
    for (const pc of DEMO_PROPERTY_COMPANIES) {
      await tx.run('INSERT INTO property_companies (id, name_zh, name_en) VALUES (?, ?, ?)', [pc.id, pc.name.zh, pc.name.en]);
      await change('propertyCompany', pc.id, pc);
    }
    for (const c of DEMO_COMPOUNDS) {
      await tx.run('INSERT INTO compounds (id, name_zh, name_en, polygon, property_company_id) VALUES (?, ?, ?, ?, ?)', [c.id, c.name.zh, c.name.en, JSON.stringify(c.polygon), c.propertyCompanyId]);
      await change('compound', c.id, c);
    }
    for (const { code, member } of DEMO_ENROLLMENTS) {
      await tx.run('INSERT INTO members (id, name, team_id, role, property_company_id, active) VALUES (?, ?, ?, ?, ?, 1)', [member.id, member.name, member.teamId, member.role, member.propertyCompanyId]);
      await change('member', member.id, member);
      await createDemoEnrollmentCode(tx, code, member.id, new Date());
    }
    const at = '2026-02-01T08:00:00.000Z';
    await tx.run('INSERT INTO devices (id, member_id, name, token_hash, enrolled_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)', [
      'dev-old', 'm-a-01', 'old phone', sha256Hex(OLD_TOKEN), at, at,
    ]);
    for (let i = 0; i < 5; i++) {
      // The v1 columns only: today's insertHazard writes columns v1 did not have.
      const h = draftWith();
      if (i === 0) draftOfOld = h;
      await tx.run(
        `INSERT INTO hazards (id, category_id, severity, description, lat, lng, accuracy, position_at,
           compound_id, round_id, created_at, reporter_id, team_id, status, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [h.id, h.categoryId, h.severity, h.description, h.position!.lat, h.position!.lng, h.position!.accuracy,
          h.position!.at, h.compoundId, h.roundId, h.createdAt, 'm-a-01', 'team-a', 'open', at],
      );
      const { photoIds: _absentInV1, ...v1Hazard } = h;
      await change('hazard', h.id, { ...v1Hazard, reporterId: 'm-a-01', teamId: 'team-a', status: 'open', receivedAt: at });
    }
  });
  lastSeqV1 = Number(db.prepare('SELECT max(seq) AS s FROM changes').pluck().get());
  db.close();
  return dataDir;
}

const userVersion = async (sql: Sql) => (await sql.get<{ user_version: number }>('PRAGMA user_version'))!.user_version;

describe('a v1 demo database opened by the rounds release', () => {
  it('keeps its devices and hazards, gains the checkpoints once, and takes rounds', async () => {
    const dataDir = await seededV1Database();
    const token = OLD_TOKEN;
    const reopened = await startTestServer({ dataDir, demo: true });
    // The cursor the old phone holds: the last seq of the v1 pull log.
    const cursorBefore = encodeCursor(lastSeqV1);
    try {
      expect(await userVersion(reopened.sql)).toBe(MIGRATIONS.length);
      expect(await countRows(reopened.sql, 'hazards')).toBe(5);
      expect(await countRows(reopened.sql, 'checkpoints')).toBe(DEMO_CHECKPOINTS.length);
      const { changes } = await pullAll(reopened.url, token);
      expect(changes.filter((c) => c.entity === 'hazard')).toHaveLength(5);
      expect(changes.flatMap((c) => (c.entity === 'checkpoint' ? [c.data] : []))).toEqual(DEMO_CHECKPOINTS);
      const start = roundStart('team-a', ['m-a-01']);
      // The phone's outbox from before: a hazard it logged offline, sent after the migration, and
      // one of the old five sent again (its ack was lost): stored once each.
      const pending = hazardCreate({ compoundId: 'c01' });
      const resent = { ...hazardCreate(), data: { ...draftOfOld } };
      expect(await pushOutcomes(reopened.url, token, [start, pending, resent])).toEqual({ [start.id]: 'acked', [pending.id]: 'acked', [resent.id]: 'acked' });
      expect(await countRows(reopened.sql, 'hazards')).toBe(6);
      expect((await reopened.sql.get<{ community_id: string }>('SELECT community_id FROM hazards WHERE id = ?', [pending.data.id]))!.community_id).toBe('community-1');
      // A cursor from before the migration still pulls exactly what is new since.
      const after = await pullAll(reopened.url, token, cursorBefore);
      expect(after.changes.filter((c) => c.entity === 'hazard').map((c) => c.id)).toEqual([pending.data.id]);
      expect((await reopened.sql.get<{ name_zh: string }>("SELECT name_zh FROM communities WHERE id = 'community-1'"))!.name_zh).toBe('建兴路社区');
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
