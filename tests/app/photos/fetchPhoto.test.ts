// Pulled hazards carry photo ids only: the bytes are fetched once with the token, checked
// against their hash, and cached in the photos table. The network edge is a fetch stand-in.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PatrolDb } from '../../../src/app/db/db';
import { setMeta } from '../../../src/app/db/meta';
import { fetchPhoto } from '../../../src/app/features/photos/fetchPhoto';
import { sha256Hex } from '../../../src/app/features/photos/stagePhoto';

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

describe('fetchPhoto', () => {
  it('fetches with the token once, caches the bytes, and serves the cache after', async () => {
    const calls: { url: string; auth: string | null }[] = [];
    vi.stubGlobal('fetch', async (url: URL, init?: RequestInit) => {
      calls.push({ url: String(url), auth: new Headers(init?.headers).get('authorization') });
      return new Response(bytes, { status: 200, headers: { 'content-type': 'image/jpeg' } });
    });
    const blob = await fetchPhoto(db, id, { hazardId: 'h-1' }, 'http://127.0.0.1:1');
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(bytes);
    expect(calls).toEqual([{ url: `http://127.0.0.1:1/api/v1/photos/${id}`, auth: 'Bearer device-token' }]);
    expect(await db.photos.get(id)).toMatchObject({ id, hazardId: 'h-1', uploaded: 1, bytes: bytes.length, mime: 'image/jpeg' });
    await fetchPhoto(db, id, {}, 'http://127.0.0.1:1');
    expect(calls).toHaveLength(1);
  });

  it('keeps nothing whose bytes do not match the id, and gives null offline', async () => {
    vi.stubGlobal('fetch', async () => new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { 'content-type': 'image/jpeg' } }));
    expect(await fetchPhoto(db, id, {}, 'http://127.0.0.1:1')).toBeNull();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchPhoto(db, id, {}, 'http://127.0.0.1:1')).toBeNull();
    expect(await db.photos.count()).toBe(0);
  });

  it('refuses an id that is not 64 hex without asking the network', async () => {
    const spy = vi.fn();
    vi.stubGlobal('fetch', spy);
    expect(await fetchPhoto(db, '../secret', {}, 'http://127.0.0.1:1')).toBeNull();
    expect(spy).not.toHaveBeenCalled();
  });
});
