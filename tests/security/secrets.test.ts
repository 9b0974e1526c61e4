// Probe 14 and the request log: after an enroll (demo code and a random single-use code), a
// push and a pull, the raw token and code appear nowhere — not in any stored row (on SQLite, not
// in the file or its WAL either), not in a log line — while their SHA-256 is there (so the scan
// looked in the right place).
// Each log line is one JSON object with method, path (no query), status, ms and deviceId.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createEnrollmentCode } from '../../src/server/store/enrollment';
import { DB_FILE } from '../../src/server/store/sqlite/openSqlite';
import { sha256Hex } from '../../src/server/auth/secrets';
import { call, enroll, hazardCreate, push } from '../server/helpers/api';
import { startSecurityServer, type SecurityServer } from './helpers/securityServer';
import { tableRows } from './helpers/snapshot';

let server: SecurityServer;
const secrets: string[] = [];
const deviceIds: string[] = [];
beforeAll(async () => {
  server = await startSecurityServer();
  const { code } = await createEnrollmentCode(server.sql, 'm-b-03', server.clock.now());
  const first = await enroll(server.url, code, 'first phone');
  const second = await enroll(server.url, 'DEMO-A-09', 'second phone');
  secrets.push(code, first.token, 'DEMO-A-09', second.token);
  for (const token of [first.token, second.token]) {
    expect((await push(server.url, token, [hazardCreate({ description: 'logged push' })])).status).toBe(200);
    expect((await call(server.url, '/api/v1/sync/pull?cursor=&limit=50', { token })).status).toBe(200);
    expect((await call(server.url, `/api/v1/sync/pull?token=${token}`, { token })).status).toBe(200);
  }
  for (const token of [first.token, second.token]) {
    deviceIds.push((await server.sql.get<{ id: string }>('SELECT id FROM devices WHERE token_hash = ?', [sha256Hex(token)]))!.id);
  }
});
afterAll(() => server.close());

// Every stored row as text; on SQLite also the file and its WAL, where an overwritten row's old
// bytes may linger.
async function dbBytes(): Promise<Buffer> {
  const rows = Buffer.from(JSON.stringify(await tableRows(server.sql)), 'utf8');
  if (server.sql.dialect !== 'sqlite') return rows;
  const files = [DB_FILE, `${DB_FILE}-wal`].map((f) => join(server.dataDir, f)).filter(existsSync).map((f) => readFileSync(f));
  return Buffer.concat([rows, ...files]);
}

it('probe 14: the raw token and enrollment code are stored nowhere (rows, DB file, WAL)', async () => {
  const bytes = await dbBytes();
  expect(bytes.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    expect(bytes.includes(Buffer.from(secret, 'utf8')), 'raw secret in the database').toBe(false);
    expect(bytes.includes(Buffer.from(secret.toLowerCase(), 'utf8'))).toBe(false);
  }
  // Tokens are stored as their hash; the random code too (demo codes are seeded upper-case).
  for (const secret of [secrets[0], secrets[1], secrets[3]]) {
    expect(bytes.includes(Buffer.from(sha256Hex(secret ?? ''), 'utf8')), 'the hash is where the scan looked').toBe(true);
  }
});

const logLine = z.object({
  t: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number(),
  ms: z.number(),
  deviceId: z.optional(z.string()),
});

it('probe 14: one JSON log line per request, with method, path without query, status, ms, deviceId — never a secret', () => {
  const lines = server.logs.map((l) => logLine.parse(JSON.parse(l)));
  expect(server.logs.every((l) => l.endsWith('\n') && l.indexOf('\n') === l.length - 1)).toBe(true);
  expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
    ['POST', '/api/v1/enroll', 201],
    ['POST', '/api/v1/enroll', 201],
    ...[0, 1].flatMap(() => [
      ['POST', '/api/v1/sync/push', 200],
      ['GET', '/api/v1/sync/pull', 200],
      ['GET', '/api/v1/sync/pull', 200],
    ]),
  ]);
  expect(lines.map((l) => l.deviceId)).toEqual([deviceIds[0], deviceIds[1], ...Array(3).fill(deviceIds[0]), ...Array(3).fill(deviceIds[1])]);
  const all = server.logs.join('');
  for (const secret of secrets) expect(all).not.toContain(secret);
});
