// A phone back from days offline holds more than one request may carry (track batches of 500
// points are ~37 KB each): the app's push must cut it into requests the endpoint accepts, and
// every mutation must be acked. Real endpoint and database; the phone's Dexie on fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PatrolDb } from '../../src/app/db/db';
import { setMeta } from '../../src/app/db/meta';
import { queueMutation } from '../../src/app/db/queueMutation';
import { pushOutbox } from '../../src/app/sync/pushOutbox';
import { MAX_BODY_BYTES } from '../../src/server/http/createApp';
import { MAX_POINTS_PER_BATCH } from '../../src/shared/domain/rounds';
import { countRows, enroll } from './helpers/api';
import { roundStart, trackAppend } from './helpers/rounds';
import { startTestServer, type TestServer } from './helpers/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: true });
});
afterAll(() => server.close());

describe('a push bigger than one request', () => {
  it('goes in requests under the endpoint’s limit, and every mutation is acked', async () => {
    const db = new PatrolDb(`push-size-${crypto.randomUUID()}`);
    const { token, member } = await enroll(server.url, 'DEMO-A-01');
    await setMeta(db, 'session', { token, member, deviceName: 'test phone', enrolledAt: new Date().toISOString() });
    const start = roundStart(member.teamId!, [member.id]);
    const batches = Array.from({ length: 60 }, () => trackAppend(start.data.id, MAX_POINTS_PER_BATCH));
    await db.transaction('rw', db.outbox, async () => {
      for (const m of [start, ...batches]) await queueMutation(db, m, start.data.id, new Date());
    });

    const bodyBytes: number[] = [];
    const counted: typeof fetch = (url, init) => {
      bodyBytes.push(new TextEncoder().encode(String(init?.body)).byteLength);
      return fetch(url, init);
    };
    const result = await pushOutbox(db, { baseUrl: server.url, token, fetch: counted });

    expect(result).toEqual({ acked: 61, rejected: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(bodyBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(MAX_BODY_BYTES);
    for (const bytes of bodyBytes) expect(bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(await countRows(server.sql, 'track_batches')).toBe(60);
    await db.delete();
  });
});
