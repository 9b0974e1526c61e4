// Meta values are parsed on read: what this version wrote reads back, and a row an older version
// wrote that no longer parses reads as undefined instead of breaking the screen.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PatrolDb } from '../../../src/app/db/db';
import { getMeta, setMeta, type Session } from '../../../src/app/db/meta';
import { DEFAULT_BASEMAP } from '../../../src/shared/map/basemap';

let db: PatrolDb;
beforeEach(() => {
  db = new PatrolDb(`meta-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const session: Session = {
  token: 'tok',
  member: { id: 'm1', name: '王芳', teamId: null, role: 'member' },
  deviceName: 'Phone',
  enrolledAt: '2026-01-05T08:00:00.000Z',
};

describe('meta', () => {
  it('reads back what was written, key by key', async () => {
    await setMeta(db, 'session', session);
    await setMeta(db, 'mapConfig', DEFAULT_BASEMAP);
    await setMeta(db, 'communityTimeZone', 'Asia/Urumqi');
    expect(await getMeta(db, 'session')).toEqual(session);
    expect(await getMeta(db, 'mapConfig')).toEqual(DEFAULT_BASEMAP);
    expect(await getMeta(db, 'communityTimeZone')).toBe('Asia/Urumqi');
    expect(await getMeta(db, 'lastSyncAt')).toBeUndefined();
  });

  it('keeps where the member belongs, and still reads a session from before streets', async () => {
    const place = { communityId: null, community: null, street: { zh: '跳蹬河街道', en: 'Tiaodenghe Street' }, propertyCompanyId: 'pc1' };
    await setMeta(db, 'session', { ...session, place });
    expect(await getMeta(db, 'session')).toEqual({ ...session, place });
    await setMeta(db, 'session', session);
    expect(await getMeta(db, 'session')).toEqual(session);
    await db.meta.put({ key: 'session', value: { ...session, place: { communityId: 7 } } });
    expect(await getMeta(db, 'session')).toBeUndefined();
  });

  it('reads a value that no longer parses as undefined', async () => {
    await db.meta.bulkPut([
      { key: 'session', value: { token: 'tok' } },
      { key: 'persistResult', value: true },
      { key: 'communityTimeZone', value: 'Mars/Olympus' },
      { key: 'mapConfig', value: { provider: 'gone' } },
    ]);
    expect(await getMeta(db, 'session')).toBeUndefined();
    expect(await getMeta(db, 'persistResult')).toBeUndefined();
    expect(await getMeta(db, 'communityTimeZone')).toBeUndefined();
    expect(await getMeta(db, 'mapConfig')).toBeUndefined();
  });
});
