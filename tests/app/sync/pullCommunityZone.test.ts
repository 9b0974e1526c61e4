// The phone keeps the community's zone as the endpoint gives it (the network edge is a stub).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PatrolDb } from '../../../src/app/db/db';
import { getMeta, setMeta, type Session } from '../../../src/app/db/meta';
import { pullCommunityZone as pullZone } from '../../../src/app/sync/pullCommunityZone';
import { isTimeZone } from '../../../src/shared/report/isoWeek';

let db: PatrolDb;
beforeEach(() => {
  db = new PatrolDb(`zone-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const endpointAnswering = (body: unknown) => ({
  baseUrl: 'http://127.0.0.1:1',
  token: 't',
  fetch: (async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch,
});

describe('the community zone on the phone', () => {
  it('has none stored until one is pulled, then keeps it for offline use', async () => {
    expect(await getMeta(db, 'communityTimeZone')).toBeUndefined();
    expect(await pullZone(db, endpointAnswering({ protocol: 'patrol-sync/1', timeZone: 'Asia/Urumqi' }))).toBe('Asia/Urumqi');
    expect(await getMeta(db, 'communityTimeZone')).toBe('Asia/Urumqi');
  });

  it('refuses a zone it cannot count in, and keeps the one it had', async () => {
    await pullZone(db, endpointAnswering({ protocol: 'patrol-sync/1', timeZone: 'Asia/Shanghai' }));
    await expect(pullZone(db, endpointAnswering({ protocol: 'patrol-sync/1', timeZone: 'Mars/Olympus' }))).rejects.toThrow(/unknown time zone/);
    expect(await getMeta(db, 'communityTimeZone')).toBe('Asia/Shanghai');
  });

  const session: Session = { token: 't', member: { id: 'm-1', name: '王芳', teamId: null, role: 'member' }, deviceName: 'Phone', enrolledAt: '2026-01-05T08:00:00.000Z' };
  const place = { communityId: 'community-2', community: { zh: '双林社区', en: 'Shuanglin' }, street: { zh: '跳蹬河街道', en: 'Tiaodenghe Street' }, propertyCompanyId: null };

  it('gives a session from before streets its place, and follows a renamed community', async () => {
    await setMeta(db, 'session', session);
    await pullZone(db, endpointAnswering({ protocol: 'patrol-sync/1', timeZone: 'Asia/Shanghai', place }));
    expect(await getMeta(db, 'session')).toEqual({ ...session, place });
    const renamed = { ...place, community: { zh: '双林新村', en: 'Shuanglin New Village' } };
    await pullZone(db, endpointAnswering({ protocol: 'patrol-sync/1', timeZone: 'Asia/Shanghai', place: renamed }));
    expect((await getMeta(db, 'session'))?.place).toEqual(renamed);
  });

  it('leaves the place alone when an older endpoint names none, and another token’s session untouched', async () => {
    await setMeta(db, 'session', { ...session, place });
    await pullZone(db, endpointAnswering({ protocol: 'patrol-sync/1', timeZone: 'Asia/Shanghai' }));
    expect((await getMeta(db, 'session'))?.place).toEqual(place);
    // The phone enrolled again (a new token) while the old one's answer was on its way.
    await setMeta(db, 'session', { ...session, token: 'new' });
    await pullZone(db, endpointAnswering({ protocol: 'patrol-sync/1', timeZone: 'Asia/Shanghai', place }));
    expect(await getMeta(db, 'session')).toEqual({ ...session, token: 'new' });
  });

  it('knows a zone from a typo', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Shangai')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
