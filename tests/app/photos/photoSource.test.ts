// The photo service's data rules (the screens that use it are proven in tests/e2e/photoView):
// pulled hazards carry photo ids only; the bytes are fetched once with the token, checked against
// their hash, and kept in the photos table. The network edge is a fetch stand-in.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PatrolDb } from '../../../src/app/db/db';
import { setMeta } from '../../../src/app/db/meta';
import { fullPhoto, heldPhoto } from '../../../src/app/photos/photoSource';
import { sha256Hex } from '../../../src/app/sync/downloadPhoto';

let db: PatrolDb;
const bytes = new Uint8Array([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]);
let id = '';
beforeEach(async () => {
  db = new PatrolDb(`test-${crypto.randomUUID()}`);
  id = await sha256Hex(bytes.slice().buffer);
  await setMeta(db, 'session', {
    token: 'device-token',
    member: { id: 'm-a-lead', name: '李强', teamId: 'team-a', role: 'lead' },
    deviceName: 'lead phone',
    enrolledAt: '2026-11-27T08:00:00.000Z',
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

describe('fullPhoto', () => {
  it('fetches with the token once, caches the bytes, and serves the cache after', async () => {
    const calls: { url: string; auth: string | null }[] = [];
    vi.stubGlobal('fetch', async (url: URL, init?: RequestInit) => {
      calls.push({ url: String(url), auth: new Headers(init?.headers).get('authorization') });
      return new Response(bytes, { status: 200, headers: { 'content-type': 'image/jpeg' } });
    });
    const got = await fullPhoto(db, id, { hazardId: 'h-1' }, 'http://127.0.0.1:1');
    if (!got.ok) throw new Error(`not fetched: ${got.reason}`);
    expect(new Uint8Array(await got.blob.arrayBuffer())).toEqual(bytes);
    expect(calls).toEqual([{ url: `http://127.0.0.1:1/api/v1/photos/${id}`, auth: 'Bearer device-token' }]);
    expect(await db.photos.get(id)).toMatchObject({ id, hazardId: 'h-1', uploaded: 1, bytes: bytes.length, mime: 'image/jpeg' });
    expect((await fullPhoto(db, id, {}, 'http://127.0.0.1:1')).ok).toBe(true);
    expect(calls).toHaveLength(1);
    expect((await heldPhoto(db, id)).kind).toBe('full');
  });

  it('keeps nothing whose bytes do not match the id, and tells offline from unavailable', async () => {
    vi.stubGlobal('fetch', async () => new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { 'content-type': 'image/jpeg' } }));
    expect(await fullPhoto(db, id, {}, 'http://127.0.0.1:1')).toEqual({ ok: false, reason: 'unavailable' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fullPhoto(db, id, {}, 'http://127.0.0.1:1')).toEqual({ ok: false, reason: 'offline' });
    expect(await db.photos.count()).toBe(0);
  });

  it('refuses an id that is not 64 hex without asking the network', async () => {
    const spy = vi.fn();
    vi.stubGlobal('fetch', spy);
    expect((await fullPhoto(db, '../secret', {}, 'http://127.0.0.1:1')).ok).toBe(false);
    expect(spy).not.toHaveBeenCalled();
  });

  it('shows a held thumbnail and asks nothing of the network while the browser is offline', async () => {
    const thumb = new Blob([new Uint8Array([0xff, 0xd8, 9, 0xff, 0xd9])], { type: 'image/jpeg' });
    await db.photos.add({ id, hazardId: 'h-1', eventId: null, mime: 'image/jpeg', bytes: 7, width: 0, height: 0, takenAt: '', createdAt: '', blob: null, thumb, uploaded: 1 });
    expect((await heldPhoto(db, id)).kind).toBe('thumb');
    const spy = vi.fn();
    vi.stubGlobal('fetch', spy);
    vi.stubGlobal('navigator', { onLine: false });
    expect(await fullPhoto(db, id, {}, 'http://127.0.0.1:1')).toEqual({ ok: false, reason: 'offline' });
    expect(spy).not.toHaveBeenCalled();
  });
});
