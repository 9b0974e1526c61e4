// A real community starts without the public demo codes: the first admin comes from the
// server's console, the database remembers it is real, and a demo database can be converted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { call, countRows, enroll, errorCode, hazardCreate } from './helpers/api';
import { freshDatabaseUrl } from './helpers/backend';
import { startTestServer, type TestServer } from './helpers/testServer';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where a community's data lives: DATA_DIR, and DATABASE_URL on PostgreSQL. */
interface Data {
  dataDir: string;
  databaseUrl: string | undefined;
}
const freshData = async (prefix: string): Promise<Data> => ({ dataDir: mkdtempSync(join(tmpdir(), prefix)), databaseUrl: await freshDatabaseUrl() });

/** `npm run admin -- …` as the operator runs it (tsx from node_modules, DATA_DIR and DATABASE_URL in the env). */
function adminCommand(data: Data, ...args: string[]) {
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/server/bin/admin.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: data.dataDir, DATABASE_URL: data.databaseUrl ?? '' },
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

const open: TestServer[] = [];
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});
async function start(demo: boolean, data: Data) {
  const server = await startTestServer({ demo, ...data });
  open.push(server);
  return server;
}
const stop = async () => open.pop()!.close();

describe('a real start', () => {
  it('DEMO=0 on an empty DATA_DIR: no demo codes; the console creates the first admin with a single-use code', async () => {
    const data = await freshData('patrol-real-');
    const server = await start(false, data);
    expect(await countRows(server.sql, 'members')).toBe(0);
    expect(errorCode(await call(server.url, '/api/v1/enroll', { body: { code: 'DEMO-ADMIN', deviceName: 'x' } }))).toBe('enroll_invalid');

    const created = adminCommand(data, 'create', '--name', '社区办 陈主任');
    expect(created.status, created.out).toBe(0);
    const code = /Enrollment code \(single use, expires [^)]+\): (\S+)/.exec(created.out)?.[1];
    expect(code, created.out).toBeTruthy();
    const admin = await enroll(server.url, code!);
    expect(admin.member).toMatchObject({ name: '社区办 陈主任', role: 'admin', teamId: null });
    expect((await call(server.url, '/api/v1/admin/members', { token: admin.token, method: 'GET' })).status).toBe(200);
    // Single use.
    expect(errorCode(await call(server.url, '/api/v1/enroll', { body: { code, deviceName: 'again' } }))).toBe('enroll_invalid');
  });

  it('a database created with DEMO=0 never accepts demo codes, whatever a later start says', async () => {
    const data = await freshData('patrol-real-');
    await start(false, data);
    await stop();
    const again = await start(true, data);
    expect(await countRows(again.sql, 'members')).toBe(0);
    const tried = await call(again.url, '/api/v1/enroll', { body: { code: 'DEMO-ADMIN', deviceName: 'x' } });
    expect([tried.status, errorCode(tried)]).toEqual([401, 'enroll_invalid']);
  });

  it('a demo database converts to real use: demo codes gone, demo devices signed out, history dropped on request', async () => {
    const data = await freshData('patrol-demo-');
    const demo = await start(true, data);
    const phone = await enroll(demo.url, 'DEMO-A-01');
    const pushed = await call(demo.url, '/api/v1/sync/push', { token: phone.token, body: { mutations: [hazardCreate()] } });
    expect((pushed.body as { acked: string[] }).acked).toHaveLength(1);

    const converted = adminCommand(data, 'convert', '--drop-history');
    expect(converted.status, converted.out).toBe(0);
    expect(converted.out).toMatch(/35 demo codes removed, 1 devices signed out, 1 hazards/);

    const pull = await call(demo.url, '/api/v1/sync/pull', { token: phone.token, method: 'GET' });
    expect(pull.status).toBe(401);
    expect(await countRows(demo.sql, 'hazards')).toBe(0);
    await stop();
    // A plain `npm start` (DEMO=1) afterwards: still a real community.
    const later = await start(true, data);
    expect(errorCode(await call(later.url, '/api/v1/enroll', { body: { code: 'DEMO-ADMIN', deviceName: 'x' } }))).toBe('enroll_invalid');
    expect(await countRows(later.sql, 'members')).toBe(35);
  });
});
