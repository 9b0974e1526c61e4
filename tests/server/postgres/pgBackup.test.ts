// Backup and restore on PostgreSQL as an operator runs them: `npm run backup` (pg_dump plus the
// photos folder) against a running server under write load, `npm run restore` into an empty
// database and DATA_DIR, then a server on the restored pair answers pulls with every hazard
// acknowledged before the backup began, and holds the photo.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../../src/shared/protocol/sync';
import { enroll, hazardCreate, push } from '../helpers/api';
import { pullAll } from '../helpers/rounds';
import { serverProcess, type ServerProcess } from '../helpers/serverProcess';
import { TEST_PG_URL } from '../helpers/backend';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const running: ServerProcess[] = [];
const databases: string[] = [];

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of its own (a backup covers a whole database), dropped after the test. */
async function newDatabase(): Promise<string> {
  const name = `patrol_bk_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  databases.push(name);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  for (const server of running) await server.signal('SIGTERM');
  for (const name of databases) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

function npmRun(script: 'backup' | 'restore', file: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, '--', file], { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('backup and restore on PostgreSQL', () => {
  it('restores every hazard acknowledged before the backup, and the photos', { timeout: 90_000 }, async () => {
    const databaseUrl = await newDatabase();
    const server = await serverProcess({ databaseUrl });
    running.push(server);
    await server.start();
    const { token } = await enroll(server.url, 'DEMO-A-01');
    const photoId = 'cd'.repeat(32);
    mkdirSync(join(server.dataDir, 'photos'), { recursive: true });
    writeFileSync(join(server.dataDir, 'photos', photoId), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const before = Array.from({ length: 40 }, () => hazardCreate());
    expect(pushResponseSchema.parse((await push(server.url, token, before)).body).acked).toHaveLength(40);

    let stop = false;
    const writer = (async () => {
      for (let i = 0; i < 200 && !stop; i++) await push(server.url, token, Array.from({ length: 20 }, () => hazardCreate()));
    })();
    const file = join(mkdtempSync(join(tmpdir(), 'patrol-pgbackup-')), 'backup.tar');
    const backup = await npmRun('backup', file, { DATA_DIR: server.dataDir, DATABASE_URL: databaseUrl });
    stop = true;
    await writer;
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain('1 photos');

    const restoredUrl = await newDatabase();
    const restoredDir = join(mkdtempSync(join(tmpdir(), 'patrol-pgrestore-')), 'data');
    const restore = await npmRun('restore', file, { DATA_DIR: restoredDir, DATABASE_URL: restoredUrl });
    expect(restore.code, restore.output).toBe(0);
    expect(existsSync(join(restoredDir, 'photos', photoId))).toBe(true);
    // Restoring over a database that holds a schema is refused, and changes nothing.
    const again = await npmRun('restore', file, { DATA_DIR: join(restoredDir, '..', 'other'), DATABASE_URL: restoredUrl });
    expect(again.code).toBe(1);
    expect(again.output).toContain('already holds a Patrol Log schema');

    const restored = await serverProcess({ dataDir: restoredDir, databaseUrl: restoredUrl });
    running.push(restored);
    await restored.start();
    const lead = await enroll(restored.url, 'DEMO-A-LEAD');
    const ids = new Set((await pullAll(restored.url, lead.token)).changes.filter((c) => c.entity === 'hazard').map((c) => c.id));
    for (const m of before) expect(ids.has(m.data.id)).toBe(true);
  });
});
