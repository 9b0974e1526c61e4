// Every kind of refused record reads as its kind and a label the member knows it by, with why
// and what to do in both languages; Dismiss removes only a refused row, undoing only an event.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PatrolDb, type OutboxRow } from '../../../src/app/db/db';
import { saveHazard } from '../../../src/app/db/saveHazard';
import { createI18n } from '../../../src/app/i18n';
import { refusedKind, refusedLabel, refusedNext, refusedWhy, type RefusedLookups } from '../../../src/app/features/home/refusedWords';
import { dismissRefused } from '../../../src/app/features/home/dismissRefused';
import { checkpointScan, roundEnd, roundStart, trackAppend } from '../../server/helpers/rounds';
import { hazardCreate } from '../../server/helpers/api';
import { draftWith } from '../../fixtures/hazards';
import type { Mutation } from '../../../src/shared/protocol/sync';

const en = createI18n('en');
const zh = createI18n('zh-CN');
const ROUND = crypto.randomUUID();
const HAZARD = crypto.randomUUID();
const known: RefusedLookups = {
  hazards: new Map([[HAZARD, '5 栋楼道电线裸露，靠近配电箱，需要尽快处理以免触电']]),
  rounds: new Map([[ROUND, '2026-03-02T08:00:00.000Z']]),
  checkpoints: new Map([[ 'cp-01', { id: 'cp-01', compoundId: 'c01', name: { zh: '东门', en: 'East gate' }, lat: 0, lng: 0, code: 'CP-0001' } ]]),
  companies: new Map([['pc-01', { zh: '锦城物业', en: 'Jincheng Property' }]]),
};
const refusedRow = (mutation: unknown, code = 'invalid', message = 'data.severity: Invalid option'): OutboxRow => ({
  seq: 1,
  id: (mutation as { id?: string }).id ?? '',
  mutation: mutation as Mutation,
  entityId: 'x',
  queuedAt: 0,
  state: 'rejected',
  // Any string: a row restored from a backup may carry a code this app does not know.
  rejection: { code, message } as OutboxRow['rejection'],
});
const event: Mutation = {
  id: crypto.randomUUID(),
  at: '2026-03-02T09:00:00.000Z',
  type: 'hazard.event',
  data: { id: crypto.randomUUID(), hazardId: HAZARD, at: '2026-03-02T09:00:00.000Z', type: 'assign', data: { propertyCompanyId: 'pc-01' } },
};

describe('refused record words', () => {
  it.each([
    [hazardCreate({ description: '3 栋消防通道被自行车堵塞' }), 'Hazard', '“3 栋消防通道被自行车堵塞”'],
    [event, 'Hazard change', 'Assigned to Jincheng Property · “5 栋楼道电线裸露，靠近配电箱，需要尽快处理以免触电”'],
    [roundStart('team-a', ['m-a-01'], ROUND), 'Round start', `started ${en.dateTime('2026-03-02T08:00:00.000Z')}`],
    [roundEnd(ROUND), 'Round end', `started ${en.dateTime('2026-03-02T08:00:00.000Z')} · ended ${en.dateTime('2026-03-02T09:00:00.000Z')}`],
    [trackAppend(ROUND, 3), 'Route points', `3 points from ${en.dateTime('2026-03-02T08:00:00.000Z')}`],
    [checkpointScan(ROUND, 'cp-01', null), 'Checkpoint scan', `East gate, ${en.dateTime('2026-03-02T08:10:00.000Z')}`],
  ])('%#: names a %s', (mutation, kind, label) => {
    const row = refusedRow(mutation);
    expect(refusedKind(row, en)).toBe(kind);
    expect(refusedLabel(row, known, en)).toBe(label);
    expect(refusedKind(row, zh)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('cuts a long description and still names a record it cannot read', () => {
    const long = refusedRow(hazardCreate({ description: '很'.repeat(60) }));
    expect(refusedLabel(long, known, en)).toBe(`“${'很'.repeat(40)}…”`);
    const damaged = refusedRow({ type: 'hazard.create', data: 7 });
    expect(refusedKind(damaged, en)).toBe('Hazard');
    expect(refusedLabel(damaged, known, zh)).toBe('无法读取的记录');
    // Refused `invalid` means the schema cannot read it: the label is read field by field.
    const spoiled = hazardCreate({ description: '井盖缺失' });
    expect(refusedLabel(refusedRow({ ...spoiled, data: { ...spoiled.data, severity: 'catastrophic' } }), known, en)).toBe('“井盖缺失”');
    const badEnd = roundEnd(ROUND);
    expect(refusedLabel(refusedRow({ ...badEnd, data: { ...badEnd.data, autoClosed: 'yes' } }), known, en)).toContain('ended');
    expect(refusedKind(refusedRow(42), en)).toBe('unreadable record');
  });

  it('says why and what to do, from the code', () => {
    const row = refusedRow(hazardCreate(), 'invalid');
    expect(refusedWhy(row, en)).toBe('Why: the endpoint does not accept this record.');
    expect(refusedNext(row, en)).toContain('Update the app');
    expect(refusedWhy(row, zh)).toBe('原因：服务器不接受此记录。');
    expect(refusedNext(refusedRow(event, 'stale_status'), zh)).toContain('状态');
    // A newer endpoint's code reads 'unknown': still refused, and the member learns what to do.
    for (const code of ['unknown', 'teapot']) {
      expect(refusedWhy(refusedRow(event, code), en)).toBe('Why: the endpoint gave a reason this version of the app does not know.');
      expect(refusedNext(refusedRow(event, code), en)).toBe('The endpoint is newer than this app. Update the app; if it is still refused, show this to the community office.');
      expect(refusedWhy(refusedRow(event, code), zh)).toBe('原因：服务器给出了本版本应用无法识别的理由。');
      expect(refusedNext(refusedRow(event, code), zh)).toContain('请更新应用');
    }
  });
});

describe('dismissRefused', () => {
  let db: PatrolDb;
  beforeEach(() => {
    db = new PatrolDb(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });
  const session = { member: { id: 'm-a-01', name: '张伟', teamId: 'team-a', role: 'member' as const } };

  it('removes a refused row and keeps its record; leaves a pending row alone', async () => {
    const refused = await saveHazard(db, session, draftWith());
    const pending = await saveHazard(db, session, draftWith());
    const [first, second] = await db.outbox.orderBy(':id').toArray();
    await db.outbox.update(first!.seq!, { state: 'rejected', rejection: { code: 'invalid', message: 'x' } });
    await dismissRefused(db, first!.seq!);
    await dismissRefused(db, second!.seq!);
    expect((await db.outbox.toArray()).map((r) => r.entityId)).toEqual([pending.id]);
    expect(await db.hazards.get(refused.id)).toBeDefined();
  });
});
