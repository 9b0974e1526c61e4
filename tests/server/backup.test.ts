// Backup and restore, as an operator runs them: `npm run backup` against a running server under
// write load, `npm run restore` into an empty DATA_DIR, then a server on the restored folder
// answers pulls with every hazard acknowledged before the backup began.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '../../src/shared/protocol/sync';
import { enroll, hazardCreate, push } from './helpers/api';
import { serverProcess, type ServerProcess } from './helpers/serverProcess';

const root = fileURLToPath(new URL('../..', import.meta.url));
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const server of running) await server.signal('SIGTERM');
});

function npmRun(script: 'backup' | 'restore', file: string, dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, '--', file], { cwd: root, env: { ...process.env, DATA_DIR: dataDir } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function pulledHazardIds(url: string, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor = '';
  for (let page = 0; page < 100; page++) {
    const response = await fetch(`${url}/api/v1/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    const body = pullResponseSchema.parse(await response.json());
    for (const change of body.changes) if (change.entity === 'hazard') ids.add(change.id);
    cursor = body.cursor;
    if (!body.hasMore) return ids;
  }
  throw new Error('pull did not end within 100 pages');
}

describe('backup and restore', () => {
  it('backs up under write load; the restored server answers pulls with every acknowledged hazard', { timeout: 90_000 }, async () => {
    const server = await serverProcess();
    running.push(server);
    await server.start();
    const { token } = await enroll(server.url, 'DEMO-A-01');
    // The photo folder as the endpoint keeps it: files named by hash, and an upload still being
    // written (a temp file), which is not state and must not be restored.
    const photoId = 'ab'.repeat(32);
    mkdirSync(join(server.dataDir, 'photos'), { recursive: true });
    writeFileSync(join(server.dataDir, 'photos', photoId), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    writeFileSync(join(server.dataDir, 'photos', '.tmp-0123456789abcdef'), Buffer.from([0xff, 0xd8]));

    // The write load: batches of 50 back to back until told to stop (bounded either way).
    const acked: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let batch = 0; batch < 400 && !stop; batch++) {
        const mutations = Array.from({ length: 50 }, () => hazardCreate());
        const result = await push(server.url, token, mutations);
        expect(result.status).toBe(200);
        const outcome = pushResponseSchema.parse(result.body);
        acked.push(...mutations.filter((m) => outcome.acked.includes(m.id)).map((m) => m.data.id));
      }
    })();
    const deadline = Date.now() + 30_000;
    while (acked.length < 1_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const ackedBefore = [...acked];
    expect(ackedBefore.length).toBeGreaterThanOrEqual(1_000);

    const file = join(mkdtempSync(join(tmpdir(), 'patrol-backup-')), 'patrol-backup.tar');
    const backup = await npmRun('backup', file, server.dataDir);
    const ackedDuring = acked.length - ackedBefore.length;
    stop = true;
    await writer;
    expect(backup.code, backup.output).toBe(0);

    // Restore refuses a folder that holds anything.
    const busy = mkdtempSync(join(tmpdir(), 'patrol-busy-'));
    writeFileSync(join(busy, 'keep.txt'), 'do not overwrite');
    const refused = await npmRun('restore', file, busy);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('not empty');
    expect(readFileSync(join(busy, 'keep.txt'), 'utf8')).toBe('do not overwrite');

    const restoredDir = join(mkdtempSync(join(tmpdir(), 'patrol-restored-')), 'data');
    const restore = await npmRun('restore', file, restoredDir);
    expect(restore.code, restore.output).toBe(0);
    expect(readFileSync(join(restoredDir, 'photos', photoId))).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect(readdirSync(join(restoredDir, 'photos'))).toEqual([photoId]);

    // The snapshot is consistent: every stored hazard has its acked mutation and pull-log entry.
    const db = new Database(join(restoredDir, 'patrol.db'), { readonly: true });
    const count = (sql: string) => Number(db.prepare(sql).pluck().get());
    const hazards = count('SELECT count(*) FROM hazards');
    expect(count("SELECT count(*) FROM applied_mutations WHERE outcome = 'acked'")).toBe(hazards);
    expect(count("SELECT count(*) FROM changes WHERE entity = 'hazard'")).toBe(hazards);
    db.close();

    const restored = await serverProcess({ dataDir: restoredDir });
    running.push(restored);
    await restored.start();
    // The device token was backed up too: the same phone pulls from the restored server.
    const ids = await pulledHazardIds(restored.url, token);
    expect(ackedBefore.filter((id) => !ids.has(id))).toEqual([]);
    const everAcked = new Set(acked);
    expect([...ids].filter((id) => !everAcked.has(id))).toEqual([]);
    console.log(`backup under load: ${ackedBefore.length} acked before, ${ackedDuring} during; restored ${ids.size}`);
  });
});
