// A newer endpoint may answer with codes this app does not know. A refused mutation stays refused
// (never sent again, never lost), an error stays an error that is retried, and both are said in
// the member's language with what happens next. The network edge is a fetch stand-in.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PatrolDb } from '../../../src/app/db/db';
import { saveHazard } from '../../../src/app/db/saveHazard';
import { inState } from '../../../src/app/db/outboxQueries';
import { pushOutbox } from '../../../src/app/sync/pushOutbox';
import { SyncError } from '../../../src/app/sync/SyncError';
import { createI18n } from '../../../src/app/i18n';
import { refusedNext, refusedWhy } from '../../../src/app/features/home/refusedWords';
import { syncErrorKey } from '../../../src/app/features/home/syncErrorKey';
import { PROTOCOL, type PushRequest } from '../../../src/shared/protocol/sync';
import { draftWith } from '../../fixtures/hazards';

const session = { member: { id: 'm-a-01', name: '张伟', teamId: 'team-a', role: 'member' as const } };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const endpoint = (answer: (body: PushRequest) => Response) => ({
  baseUrl: 'http://127.0.0.1:1',
  token: 't',
  fetch: (async (_url: URL | RequestInfo, init?: RequestInit) => answer(JSON.parse(String(init?.body)) as PushRequest)) as typeof fetch,
});
const en = createI18n('en');
const zh = createI18n('zh-CN');

let db: PatrolDb;
beforeEach(() => {
  db = new PatrolDb(`unknown-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('a rejection code this app does not know', () => {
  it('marks the record refused, keeps the endpoint\'s message and says what to do', async () => {
    await saveHazard(db, session, draftWith());
    const answer = (body: PushRequest) =>
      json({ protocol: PROTOCOL, acked: [], rejected: [{ id: body.mutations[0]!.id, code: 'quarantined', message: 'held for review by the office' }] });
    expect(await pushOutbox(db, endpoint(answer))).toEqual({ acked: 0, rejected: 1 });

    const [row] = await inState(db, 'rejected').toArray();
    expect(row?.rejection).toEqual({ code: 'unknown', message: 'held for review by the office' });
    expect(await inState(db, 'pending').count()).toBe(0);
    expect(refusedWhy(row!, en)).toBe('Why: the endpoint gave a reason this version of the app does not know.');
    expect(refusedNext(row!, en)).toContain('Update the app');
    expect(refusedWhy(row!, zh)).toMatch(/^原因：.*无法识别/);
    expect(refusedNext(row!, zh)).toContain('请更新应用');
  });
});

describe('an error code this app does not know', () => {
  it('is the endpoint\'s error, retried, and worded as such in both languages', async () => {
    await saveHazard(db, session, draftWith());
    const error = await pushOutbox(db, endpoint(() => json({ error: { code: 'maintenance', message: 'back at 06:00' } }, 503))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code: 'server', status: 503, serverCode: 'unknown', message: 'back at 06:00' });
    expect(await inState(db, 'pending').count()).toBe(1);

    const key = syncErrorKey(error as SyncError);
    expect(key).toBe('sync.error.unknown');
    expect(en.t(key)).toMatch(/does not know.*safe on this phone.*retry.*update the app/);
    expect(zh.t(key)).toMatch(/无法识别.*保存在本机.*重试.*更新应用/);
  });

  it('leaves the known failures their own words', () => {
    expect(syncErrorKey({ code: 'server', serverCode: 'internal' })).toBe('sync.error.server');
    expect(syncErrorKey({ code: 'quota', serverCode: 'quota_exceeded' })).toBe('sync.error.quota');
    expect(syncErrorKey({ code: 'unauthorized', serverCode: 'unknown' })).toBe('sync.error.unauthorized');
    expect(syncErrorKey({ code: 'network', serverCode: null })).toBe('sync.error.network');
  });
});
