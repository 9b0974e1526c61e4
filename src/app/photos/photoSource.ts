// Where a photo's bytes come from, for every screen that shows one (detail, history, hints, map
// popup, printed report): the phone's `photos` table first; else, online, the endpoint (through
// sync/downloadPhoto, which checks the hash), and the bytes are stored so the next look, and
// every look offline, costs no data. One download per photo at a time, however many views ask.
import type { PatrolDb, PhotoRow } from '../db/db';
import { getMeta } from '../db/meta';
import { downloadPhoto } from '../sync/downloadPhoto';

/** What the phone holds: the full photo, only its ≤ 20 KB copy (the full one evicted), or nothing. */
export type HeldPhoto = { kind: 'full'; blob: Blob } | { kind: 'thumb'; blob: Blob } | { kind: 'none' };

export type FullPhoto = { ok: true; blob: Blob } | { ok: false; reason: 'offline' | 'unavailable' };

export interface PhotoOwner {
  hazardId?: string;
  eventId?: string | null;
}

export async function heldPhoto(db: PatrolDb, id: string): Promise<HeldPhoto> {
  const row = await db.photos.get(id);
  if (row?.blob) return { kind: 'full', blob: row.blob };
  if (row?.thumb) return { kind: 'thumb', blob: row.thumb };
  return { kind: 'none' };
}

const inFlight = new Map<string, Promise<FullPhoto>>();

/** The full photo: held, or fetched now. Offline it answers at once, without a request. */
export function fullPhoto(db: PatrolDb, id: string, owner: PhotoOwner = {}, baseUrl = location.origin): Promise<FullPhoto> {
  const running = inFlight.get(id);
  if (running) return running;
  const job = load(db, id, owner, baseUrl).finally(() => inFlight.delete(id));
  inFlight.set(id, job);
  return job;
}

async function load(db: PatrolDb, id: string, owner: PhotoOwner, baseUrl: string): Promise<FullPhoto> {
  const held = await db.photos.get(id);
  if (held?.blob) return { ok: true, blob: held.blob };
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { ok: false, reason: 'offline' };
  const session = await getMeta(db, 'session');
  if (!session) return { ok: false, reason: 'unavailable' };
  const got = await downloadPhoto({ baseUrl, token: session.token }, id);
  if (!got.ok) return { ok: false, reason: got.reason };
  const blob = new Blob([got.bytes], { type: got.mime });
  await store(db, id, owner, blob, got.mime);
  return { ok: true, blob };
}

async function store(db: PatrolDb, id: string, owner: PhotoOwner, blob: Blob, mime: PhotoRow['mime']): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', db.photos, async () => {
    const again = await db.photos.get(id);
    if (again) {
      await db.photos.update(id, { blob });
      return;
    }
    await db.photos.add({
      id,
      hazardId: owner.hazardId ?? '',
      eventId: owner.eventId ?? null,
      mime,
      bytes: blob.size,
      width: 0,
      height: 0,
      takenAt: now,
      createdAt: now,
      blob,
      thumb: null,
      // It came from the endpoint, so it is there: never re-uploaded, may be evicted later.
      uploaded: 1,
    });
  });
}
