// Photos are bounded per device and belong to someone: a device's uploads past its daily byte
// quota are refused (429 quota_exceeded, audited once) and stored nowhere; a photo no record
// names is its uploader's alone, and is deleted after 7 days.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enroll, hazardCreate, push } from './helpers/api';
import { startTestServer, type TestServer } from './helpers/testServer';
import { purgeUnreferencedPhotos, UNREFERENCED_PHOTO_TTL_MS } from '../../src/server/store/photos';
import { sha256Of } from '../fixtures/photos';

/** A distinct, whole 8×8 PNG per seed. */
function png(seed: number): Uint8Array<ArrayBuffer> {
  const image = new PNG({ width: 8, height: 8 });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([(seed * 37 + i) % 256, (seed * 91) % 256, i % 256, 255], i);
  return new Uint8Array(PNG.sync.write(image));
}

let server: TestServer;
let phoneA = '';
let phoneB = '';
const QUOTA = 2 * png(1).length + 10;
beforeAll(async () => {
  server = await startTestServer({ photoLimits: { quotaBytesPerDay: QUOTA, rate: { burst: 600, perMinute: 600 } } });
  phoneA = (await enroll(server.url, 'DEMO-A-01')).token;
  phoneB = (await enroll(server.url, 'DEMO-A-02')).token;
});
afterAll(() => server.close());

const put = (bytes: Uint8Array<ArrayBuffer>, token: string) =>
  fetch(`${server.url}/api/v1/photos/${sha256Of(bytes)}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body: bytes });
const get = (bytes: Uint8Array<ArrayBuffer>, token: string) => fetch(`${server.url}/api/v1/photos/${sha256Of(bytes)}`, { headers: { authorization: `Bearer ${token}` } });
const photoRows = async () => (await server.sql.get<{ n: number }>('SELECT count(*) AS n FROM photos'))!.n;

describe('per-device photo quota', () => {
  it('refuses uploads past the daily bytes with 429 quota_exceeded, stores nothing, audits once', async () => {
    expect((await put(png(1), phoneA)).status).toBe(201);
    expect((await put(png(2), phoneA)).status).toBe(201);
    const rows = await photoRows();
    for (const seed of [3, 4]) {
      const refused = await put(png(seed), phoneA);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('3600');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('quota_exceeded');
    }
    expect(await photoRows()).toBe(rows);
    expect(existsSync(join(server.dataDir, 'photos', sha256Of(png(3))))).toBe(false);
    expect((await server.sql.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'photo.quota'"))!.n).toBe(1);
    // A photo already held costs nothing; another device has its own quota.
    expect((await put(png(1), phoneA)).status).toBe(200);
    expect((await put(png(3), phoneB)).status).toBe(201);
    // The day moves on: the quota frees up.
    server.clock.advance(24 * 3_600_000 + 1000);
    expect((await put(png(4), phoneA)).status).toBe(201);
  });
});

describe('unreferenced photos', () => {
  it('only the uploader may read one until a record names it', async () => {
    const photo = png(10);
    expect((await put(photo, phoneB)).status).toBe(201);
    expect((await get(photo, phoneA)).status).toBe(404);
    expect((await get(photo, phoneB)).status).toBe(200);
    const create = hazardCreate({ photoIds: [sha256Of(photo)], createdAt: server.clock.now().toISOString() });
    create.at = server.clock.now().toISOString();
    const pushed = await push(server.url, phoneB, [create]);
    expect((pushed.body as { acked: string[] }).acked).toEqual([create.id]);
    expect((await get(photo, phoneA)).status).toBe(200);
  });

  it('deletes one no record named within 7 days, row and file; a named one stays', async () => {
    const loose = png(20);
    const named = png(10);
    expect((await put(loose, phoneB)).status).toBe(201);
    await purgeUnreferencedPhotos(server.sql, server.store.photos, new Date(server.clock.now().getTime() + UNREFERENCED_PHOTO_TTL_MS - 60_000));
    expect((await get(loose, phoneB)).status).toBe(200);
    await purgeUnreferencedPhotos(server.sql, server.store.photos, new Date(server.clock.now().getTime() + UNREFERENCED_PHOTO_TTL_MS + 60_000));
    expect((await get(loose, phoneB)).status).toBe(404);
    expect(existsSync(join(server.dataDir, 'photos', sha256Of(loose)))).toBe(false);
    expect((await get(named, phoneA)).status).toBe(200);
  });
});
