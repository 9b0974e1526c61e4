// Import checks every row with the shared schemas before writing: a damaged row is named (table,
// place, id, field) and left out, and every valid row around it is imported.
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { PatrolDb } from '../../../src/app/db/db';
import { saveHazard } from '../../../src/app/db/saveHazard';
import { exportBackup, importBackup, parseBackup } from '../../../src/app/features/settings/backup';
import { skippedReport } from '../../../src/app/features/settings/importReport';
import { createI18n } from '../../../src/app/i18n';
import { draftWith } from '../../fixtures/hazards';

const session = { member: { id: 'm-a-03', name: '王芳', teamId: 'team-a', role: 'member' as const } };
const dbs: PatrolDb[] = [];
const freshDb = () => {
  const db = new PatrolDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

it('imports the valid rows of a backup with one bad outbox mutation and one bad hazard, and names the two', async () => {
  const db = freshDb();
  const [a, b, c] = [draftWith(), draftWith(), draftWith()];
  for (const [i, draft] of [a, b, c].entries()) await saveHazard(db, session, draft, new Date(Date.UTC(2026, 10, 27, 8, i)));
  const file = JSON.parse(JSON.stringify(await exportBackup(db)));
  const badMutation = file.outbox.find((row: { entityId: string }) => row.entityId === b.id);
  badMutation.mutation.data.severity = 'extreme';
  const badHazard = file.hazards.find((row: { id: string }) => row.id === c.id);
  badHazard.description = 42;

  const other = freshDb();
  const { backup, skipped } = parseBackup(JSON.stringify(file));
  expect(skipped).toEqual([
    { table: 'outbox', row: 2, id: badMutation.id, problem: 'mutation.data.severity: Invalid input' },
    { table: 'hazards', row: 3, id: c.id, problem: 'description: Invalid input' },
  ]);
  expect(await importBackup(other, backup)).toEqual({ records: 2, photos: 0 });
  expect((await other.outbox.toArray()).map((r) => r.entityId)).toEqual([a.id, c.id]);
  expect((await other.hazards.toArray()).map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
  expect(await other.hazards.get(a.id)).toEqual(await db.hazards.get(a.id));
});

it('names a row with no readable id by its place, and one whose mutation is not its own', async () => {
  const db = freshDb();
  await saveHazard(db, session, draftWith());
  const file = JSON.parse(JSON.stringify(await exportBackup(db)));
  file.outbox.push({ ...file.outbox[0], id: crypto.randomUUID() });
  file.trackPoints.push({ at: 'noon', lat: 30, lng: 104, accuracy: 5, segment: 0, roundId: crypto.randomUUID(), batchId: '' });
  const { backup, skipped } = parseBackup(JSON.stringify(file));
  expect(skipped).toEqual([
    { table: 'outbox', row: 2, id: file.outbox[1].id, problem: 'mutation.id: not the row’s id' },
    { table: 'trackPoints', row: 1, id: '', problem: 'at: Invalid input' },
  ]);
  expect(backup.outbox).toHaveLength(1);
});

it('reports the skipped rows in words, in both languages', () => {
  const skipped = [
    { table: 'outbox' as const, row: 2, id: '0b7c2d4e-1111-4222-8333-444455556666', problem: 'mutation.data.severity: Invalid input' },
    { table: 'trackPoints' as const, row: 1, id: '', problem: 'at: Invalid input' },
  ];
  expect(skippedReport([], createI18n('en'))).toBeNull();
  expect(skippedReport(skipped, createI18n('en'))).toEqual({
    summary: '2 damaged rows were not imported (they stay in the file):',
    rows: ['Waiting change no. 2 (…55556666): mutation.data.severity: Invalid input', 'Route point no. 1: at: Invalid input'],
    next: expect.stringContaining('Everything else was imported'),
  });
  expect(skippedReport(skipped, createI18n('zh-CN'))?.rows).toEqual([
    '待发送的更改 第 2 条（…55556666）：mutation.data.severity: Invalid input',
    '轨迹点 第 1 条：at: Invalid input',
  ]);
});
