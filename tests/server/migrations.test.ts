// Server migrations: a database left at any earlier schema version (today: the empty file at
// user_version 0), and one at the current version holding data, both opened by the current
// code. Data stays, each migration runs once, and user_version ends at the current version.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/server/store/sqlite/migrations';
import { pullResponseSchema } from '../../src/shared/protocol/sync';
import { DB_FILE, openSqlite } from '../../src/server/store/sqlite/openSqlite';
import type { Sql } from '../../src/server/store/sql/sql';
import { enroll, hazardCreate, push } from './helpers/api';
import { startTestServer } from './helpers/testServer';

const CURRENT = MIGRATIONS.length;

/** A data dir whose database the first `version` migrations made, as that release left it. */
function databaseAt(version: number): string {
  const dataDir = mkdtempSync(join(tmpdir(), `patrol-v${version}-`));
  const db = new Database(join(dataDir, DB_FILE));
  db.pragma('journal_mode = WAL');
  MIGRATIONS.slice(0, version).forEach((sql, i) => {
    db.exec(sql);
    db.pragma(`user_version = ${i + 1}`);
  });
  if (version >= 1) {
    // Rows in version 1's columns; every later migration must carry them.
    db.exec(`
      INSERT INTO teams VALUES ('team-x', '试验队', 'Test team');
      INSERT INTO categories VALUES ('fire', '消防安全', 'Fire safety', 1);
      INSERT INTO members (id, name, team_id, role) VALUES ('m-x', '试验', 'team-x', 'member');
      INSERT INTO hazards (id, category_id, severity, description, created_at, reporter_id, team_id, status, received_at)
        VALUES ('h-old', 'fire', 'high', '旧记录 kept across upgrades', '2026-01-01T00:00:00.000Z', 'm-x', 'team-x', 'open', '2026-01-01T00:00:01.000Z');`);
  }
  db.close();
  return dataDir;
}

const rowCounts = (sql: Sql, tables: string[]) =>
  Promise.all(tables.map(async (t) => (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))!.n));
const userVersion = async (sql: Sql) => (await sql.get<{ v: number }>('SELECT user_version AS v FROM pragma_user_version'))!.v;
const schemaOf = (sql: Sql) => sql.all('SELECT sql FROM sqlite_master ORDER BY name');

const earlier = Array.from({ length: CURRENT }, (_, v) => v);

describe('server schema migrations', () => {
  it.each(earlier)('upgrades a database at user_version %i to the current version', (version) => {
    const dataDir = databaseAt(version);
    const db = openSqlite(dataDir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(CURRENT);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      if (version >= 1) {
        expect(db.prepare("SELECT description FROM hazards WHERE id = 'h-old'").get()).toEqual({ description: '旧记录 kept across upgrades' });
      } else {
        expect(db.prepare('SELECT count(*) AS n FROM hazards').get()).toEqual({ n: 0 });
      }
    } finally {
      db.close();
    }
  });

  it('reopens a current database holding data without running anything again', async () => {
    const server = await startTestServer();
    const { token } = await enroll(server.url, 'DEMO-A-01');
    const mutations = Array.from({ length: 20 }, () => hazardCreate());
    expect((await push(server.url, token, mutations)).status).toBe(200);
    const tables = ['hazards', 'changes', 'applied_mutations', 'devices', 'members'];
    const before = await rowCounts(server.sql, tables);
    const schema = await schemaOf(server.sql);
    await server.close();

    const again = await startTestServer({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
    try {
      expect(await userVersion(again.sql)).toBe(CURRENT);
      expect(await rowCounts(again.sql, tables)).toEqual(before);
      expect(await schemaOf(again.sql)).toEqual(schema);
      // The old token still works and the data answers pulls.
      const pulled = await fetch(`${again.url}/api/v1/sync/pull?limit=1000`, { headers: { authorization: `Bearer ${token}` } });
      expect(pulled.status).toBe(200);
      const body = pullResponseSchema.parse(await pulled.json());
      expect(body.changes.filter((c) => c.entity === 'hazard')).toHaveLength(20);
    } finally {
      await again.close();
    }
  });
});
