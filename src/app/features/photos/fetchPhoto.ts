// Photo bytes on demand: a pulled hazard carries only photo ids; the bytes are fetched with the
// device's token when someone opens the hazard, checked against their hash, and kept in the
// `photos` table, so the second look (and every look offline) costs no data.
import type { PatrolDb, PhotoRow } from '../../db/db';
import { getMeta } from '../../db/meta';
import { PHOTO_ID_PATTERN } from '../../../shared/domain/schemas';
import { sha256Hex } from './stagePhoto';

const inFlight = new Map<string, Promise<Blob | null>>();
const MIMES: readonly PhotoRow['mime'][] = ['image/jpeg', 'image/png', 'image/webp'];

export interface PhotoOwner {
  hazardId?: string;
  eventId?: string | null;
}

/** The full photo: from the phone if held, else from the endpoint; null when neither can give it. */
export function fetchPhoto(db: PatrolDb, id: string, owner: PhotoOwner = {}, baseUrl = location.origin): Promise<Blob | null> {
  if (!PHOTO_ID_PATTERN.test(id)) return Promise.resolve(null);
  const running = inFlight.get(id);
  if (running) return running;
  const job = load(db, id, owner, baseUrl).finally(() => inFlight.delete(id));
  inFlight.set(id, job);
  return job;
}

async function load(db: PatrolDb, id: string, owner: PhotoOwner, baseUrl: string): Promise<Blob | null> {
  const held = await db.photos.get(id);
  if (held?.blob) return held.blob;
  const session = await getMeta(db, 'session');
  if (!session) return null;
  let response: Response;
  try {
    response = await fetch(new URL(`/api/v1/photos/${id}`, baseUrl), { headers: { authorization: `Bearer ${session.token}` } });
  } catch {
    return null; // offline: the caller shows the thumbnail or "loads when online"
  }
  if (!response.ok) return null;
  const bytes = await response.arrayBuffer();
  if ((await sha256Hex(bytes)) !== id) return null;
  const type = response.headers.get('content-type') ?? '';
  const mime = (MIMES as readonly string[]).includes(type) ? (type as PhotoRow['mime']) : 'image/jpeg';
  const blob = new Blob([bytes], { type: mime });
  const now = new Date().toISOString();
  await db.transaction('rw', db.photos, async () => {
    const again = await db.photos.get(id);
    if (again) await db.photos.update(id, { blob });
    else
      await db.photos.add({
        id,
        hazardId: owner.hazardId ?? '',
        eventId: owner.eventId ?? null,
        mime,
        bytes: bytes.byteLength,
        width: 0,
        height: 0,
        takenAt: now,
        createdAt: now,
        blob,
        thumb: null,
        uploaded: 1,
      });
  });
  return blob;
}
