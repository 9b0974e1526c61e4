// What is at rest: tokens only as SHA-256 in the SQLite file, and migrations that are
// idempotent when the database is opened again.
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/server/store/sqlite/migrations';
import { openSqlite } from '../../src/server/store/sqlite/openSqlite';
import { sqliteSql } from '../../src/server/store/sqlite/sqliteSql';
import { countRows, enroll } from './helpers/api';
import { startTestServer } from './helpers/testServer';

function databaseBytes(dataDir: string): string {
  return ['patrol.db', 'patrol.db-wal']
    .map((f) => join(dataDir, f))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
}

describe('at rest', () => {
  it('stores the token only as its SHA-256', async () => {
    const server = await startTestServer();
    try {
      const { token } = await enroll(server.url, 'DEMO-B-02');
      const bytes = databaseBytes(server.dataDir);
      expect(bytes).not.toContain(token);
      expect(bytes).toContain(createHash('sha256').update(token).digest('hex'));
      expect(bytes).not.toContain('DEMO-B-02');
    } finally {
      await server.close();
    }
  });

  it('runs migrations once: reopening a database changes nothing', async () => {
    const server = await startTestServer();
    const dataDir = server.dataDir;
    await server.close();

    const db = openSqlite(dataDir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      const sql = sqliteSql(db);
      const before = await Promise.all(['members', 'compounds', 'changes'].map((t) => countRows(sql, t)));
      // The demo street: Jianxinglu's 25 people and 23 compounds, two smaller communities, the street's own people.
      expect(before).toEqual([35, 28, expect.any(Number)]);
      db.close();

      const again = await startTestServer({ dataDir });
      const after = await Promise.all(['members', 'compounds', 'changes'].map((t) => countRows(again.sql, t)));
      await again.close();
      expect(after).toEqual(before);
    } finally {
      if (db.open) db.close();
    }
  });
});
