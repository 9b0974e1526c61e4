// Photos go before the mutations that name them. The network edge is a fetch stand-in that
// answers like the endpoint (PUT photos, POST push); the real endpoint is in tests/server and e2e.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PatrolDb } from '../../../src/app/db/db';
import { saveHazard } from '../../../src/app/db/saveHazard';
import { newMutation, queueMutation } from '../../../src/app/db/queueMutation';
import { pushOutbox } from '../../../src/app/sync/pushOutbox';
import { uploadPhotos } from '../../../src/app/sync/uploadPhotos';
import { uploadProgress, type UploadProgress } from '../../../src/app/sync/uploadProgress';
import { SyncError } from '../../../src/app/sync/SyncError';
import { PROTOCOL, type PushRequest } from '../../../src/shared/protocol/sync';
import { draftWith } from '../../fixtures/hazards';
import { stagedPhoto } from './photoFixtures';

const session = { member: { id: 'm-a-03', name: '王芳', teamId: 'team-a', role: 'member' as const } };
let db: PatrolDb;
beforeEach(() => {
  db = new PatrolDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

type PhotoAnswer = (id: string, body: Blob) => Response | Promise<Response>;
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
/** The endpoint's answer to a PUT it stored (201) or held already (200). */
const stored = (id: string, status = 201) => json({ id, bytes: 1, width: 1, height: 1 }, status);

function endpoint(answerPhoto: PhotoAnswer = (id) => stored(id)) {
  const log: string[] = [];
  const pushes: PushRequest[] = [];
  const fetch = async (url: URL | RequestInfo, init?: RequestInit) => {
    const path = new URL(String(url)).pathname;
    if (init?.method === 'PUT') {
      const id = path.split('/').pop()!;
      log.push(`PUT ${id.slice(0, 8)}`);
      return answerPhoto(id, init.body as Blob);
    }
    const body = JSON.parse(String(init?.body)) as PushRequest;
    pushes.push(body);
    log.push(`PUSH ${body.mutations.length}`);
    return json({ protocol: PROTOCOL, acked: body.mutations.map((m) => m.id), rejected: [] });
  };
  return { config: { baseUrl: 'http://127.0.0.1:1', token: 't', fetch: fetch as typeof globalThis.fetch }, log, pushes };
}

describe('photo upload and push order', () => {
  it('uploads a hazard’s photos before pushing its mutation, and marks each uploaded on 201', async () => {
    const photos = [await stagedPhoto(), await stagedPhoto()];
    await saveHazard(db, session, draftWith(), new Date(), photos);
    const { config, log } = endpoint();
    const seen: (UploadProgress | null)[] = [];
    const stop = uploadProgress.subscribe((p) => seen.push(p));
    expect(await uploadPhotos(db, config)).toEqual({ uploaded: 2, refused: 0 });
    stop();
    await pushOutbox(db, config);
    // Two uploads run side by side, so their order may vary; the push is always last.
    expect(log.slice(0, 2).sort()).toEqual(photos.map((p) => `PUT ${p.id.slice(0, 8)}`).sort());
    expect(log.slice(2)).toEqual(['PUSH 1']);
    expect((await db.photos.toArray()).map((p) => p.uploaded)).toEqual([1, 1]);
    expect(await db.outbox.count()).toBe(0);
    expect(seen.at(-2)).toEqual({ done: 2, total: 2, bytesDone: 4096, bytesTotal: 4096 });
    expect(seen.at(-1)).toBeNull();
  });

  it('holds a mutation whose photo is not uploaded, and later mutations of that record; others go', async () => {
    const photo = await stagedPhoto();
    const withPhoto = draftWith();
    await saveHazard(db, session, withPhoto, new Date('2026-11-27T08:00:00Z'), [photo]);
    // A later event on the same hazard must wait behind it.
    const event = { id: crypto.randomUUID(), hazardId: withPhoto.id, at: '2026-11-27T08:01:00.000Z', type: 'note' as const, data: { text: '还在', photoIds: [] } };
    await queueMutation(db, newMutation('hazard.event', event, new Date('2026-11-27T08:01:00Z')), withPhoto.id, new Date('2026-11-27T08:01:00Z'));
    const other = draftWith();
    await saveHazard(db, session, other, new Date('2026-11-27T08:02:00Z'));
    const { config, pushes } = endpoint();
    const result = await pushOutbox(db, config);
    expect(result).toEqual({ acked: 1, rejected: 0, waitingForPhotos: 2 });
    expect(pushes.flatMap((p) => p.mutations.map((m) => m.type === 'hazard.create' && m.data.id))).toEqual([other.id]);
    expect(await db.outbox.count()).toBe(2);

    // Once the photo is up, both go, in their order.
    await uploadPhotos(db, config);
    await pushOutbox(db, config);
    expect(pushes.at(-1)!.mutations.map((m) => m.type)).toEqual(['hazard.create', 'hazard.event']);
    expect(await db.outbox.count()).toBe(0);
  });

  it('does not mark a photo uploaded when the upload is cut, and sends it whole next time', async () => {
    const photo = await stagedPhoto(4000);
    await saveHazard(db, session, draftWith(), new Date(), [photo]);
    const sizes: number[] = [];
    let cut = true;
    const { config } = endpoint(async (id, body) => {
      sizes.push(body.size);
      if (cut) {
        cut = false;
        throw new TypeError('network connection was lost');
      }
      return stored(id);
    });
    await expect(uploadPhotos(db, config)).rejects.toBeInstanceOf(SyncError);
    expect((await db.photos.get(photo.id))?.uploaded).toBe(0);
    expect(await uploadPhotos(db, config)).toEqual({ uploaded: 1, refused: 0 });
    expect(sizes).toEqual([4000, 4000]);
    expect((await db.photos.get(photo.id))?.uploaded).toBe(1);
  });

  it('believes only the endpoint’s own answer for that hash', async () => {
    const photo = await stagedPhoto();
    await saveHazard(db, session, draftWith(), new Date(), [photo]);
    const { config } = endpoint(() => new Response('<html>captive portal</html>', { status: 200 }));
    await expect(uploadPhotos(db, config)).rejects.toMatchObject({ code: 'protocol' });
    const wrongHash = endpoint(() => stored('f'.repeat(64), 200));
    await expect(uploadPhotos(db, wrongHash.config)).rejects.toMatchObject({ code: 'protocol' });
    // The right hash in a body that is not the endpoint's answer (a proxy echoing the path).
    const notTheAnswer = endpoint((id) => json({ id }, 200));
    await expect(uploadPhotos(db, notTheAnswer.config)).rejects.toMatchObject({ code: 'protocol' });
    expect((await db.photos.get(photo.id))?.uploaded).toBe(0);
  });

  it('counts a photo the endpoint refuses for good, leaves it unmarked, and goes on with the rest', async () => {
    const photos = [await stagedPhoto(), await stagedPhoto()];
    await saveHazard(db, session, draftWith(), new Date(), photos);
    const { config } = endpoint((id) =>
      id === photos[0]!.id ? json({ error: { code: 'not_an_image', message: 'no' } }, 415) : stored(id),
    );
    expect(await uploadPhotos(db, config)).toEqual({ uploaded: 1, refused: 1 });
    expect((await db.photos.get(photos[0]!.id))?.uploaded).toBe(0);
    expect((await db.photos.get(photos[1]!.id))?.uploaded).toBe(1);
  });

  it('over the daily photo quota: the photo and its hazard wait on the phone, other records go, and the error is quota', async () => {
    const withPhoto = draftWith({ description: 'with photo' });
    await saveHazard(db, session, withPhoto, new Date(), [await stagedPhoto()]);
    await saveHazard(db, session, draftWith({ description: 'no photo' }), new Date(), []);
    const { config, pushes } = endpoint(() => json({ error: { code: 'quota_exceeded', message: 'used up' } }, 429));
    const photos = await uploadPhotos(db, config);
    expect(photos).toMatchObject({ uploaded: 0, quotaReached: true });
    await pushOutbox(db, config);
    expect(pushes.flatMap((p) => p.mutations.map((m) => (m.data as { description?: string }).description))).toEqual(['no photo']);
    expect((await db.photos.toArray()).map((p) => [p.uploaded, p.blob !== null])).toEqual([[0, true]]);
    expect(await db.outbox.count()).toBe(1);
  });
});
