// PUT/GET /api/v1/photos/<sha256>: content-addressed photo bytes, for enrolled devices only.
// A PUT is believed only after it proves itself: the id is 64 hex, the body ≤ 5 MB (counted as it
// streams, never buffered beyond that), its SHA-256 is the id, and the bytes are a whole image of
// the claimed type. A repeat PUT of a stored photo answers 200 and writes nothing. A device may
// upload so many bytes a day (429 quota_exceeded past it); an unreferenced photo is its
// uploader's alone until a hazard or event names it.
import { Hono, type Context } from 'hono';
import { createHash } from 'node:crypto';
import type { Store } from '../store/openStore';
import { PHOTO_ID_PATTERN } from '../../shared/domain/schemas';
import { MAX_PHOTO_BYTES } from '../../shared/protocol/limits';
import { isPhotoMime, type PhotoStoredResponse } from '../../shared/protocol/photos';
import { isImageOfType } from '../../shared/photos/sniffImage';
import { ApiError } from '../http/apiError';
import type { AuthedEnv } from '../http/env';
import { payloadTooLarge } from '../http/tooLarge';
import { findPhoto, photoBytesSince, photoVisibleTo, storePhoto } from '../store/photos';
import { isStreetAdmin } from '../auth/caller';
import { recordAudit } from '../store/audit';

export { MAX_PHOTO_BYTES };

function photoId(c: Context): string {
  // The rest of the path after /photos/, decoded or not: anything but 64 hex (../, %2e%2e%2f,
  // a second segment) stops here, before any file name is built.
  const id = c.req.param('id') ?? '';
  if (!PHOTO_ID_PATTERN.test(id)) throw new ApiError(400, 'invalid_query', 'a photo id is 64 lower-case hex characters');
  return id;
}

/** The body up to `max` bytes, or null as soon as it grows past it (the rest is not kept). */
async function readBounded(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Bytes a device may upload in any 24 h (PHOTO_QUOTA_MB_PER_DAY); a day's photos are ~15 MB. */
export const DEFAULT_PHOTO_QUOTA_BYTES = 200 * 1024 * 1024;
const DAY_MS = 24 * 3_600_000;

export interface PhotoLimits {
  quotaBytesPerDay: number;
}

export function photoRoutes(store: Store, now: () => Date, limits: PhotoLimits = { quotaBytesPerDay: DEFAULT_PHOTO_QUOTA_BYTES }) {
  // One audit line per device and day of refusals, not one per refused photo.
  const audited = new Map<string, number>();
  const { sql, photos } = store;
  const refuseOverQuota = async (c: Context, deviceId: string, memberId: string, at: Date): Promise<never> => {
    const last = audited.get(deviceId);
    if (last === undefined || at.getTime() - last >= DAY_MS) {
      audited.set(deviceId, at.getTime());
      if (audited.size > 10_000) audited.delete(audited.keys().next().value!);
      await recordAudit(sql, { memberId, deviceId }, 'photo.quota', deviceId, { quotaBytes: limits.quotaBytesPerDay }, at);
    }
    c.header('Retry-After', '3600');
    throw new ApiError(429, 'quota_exceeded', `this device uploaded its ${Math.round(limits.quotaBytesPerDay / 1048576)} MB of photos for today; the phone keeps the rest and sends them later`);
  };
  return new Hono<AuthedEnv>()
    .put('/:id{.+}', async (c) => {
      const id = photoId(c);
      const mime = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!isPhotoMime(mime)) throw new ApiError(415, 'not_an_image', 'Content-Type must be image/jpeg, image/png or image/webp');
      const declared = Number(c.req.header('content-length') ?? NaN);
      if (declared > MAX_PHOTO_BYTES) return payloadTooLarge(c, MAX_PHOTO_BYTES);
      const body = await readBounded(c.req.raw.body, MAX_PHOTO_BYTES);
      if (!body) {
        c.header('Connection', 'close');
        throw new ApiError(413, 'payload_too_large', `photos are limited to ${MAX_PHOTO_BYTES} bytes`);
      }
      const hash = createHash('sha256').update(body).digest('hex');
      if (hash !== id) throw new ApiError(400, 'hash_mismatch', `the body's SHA-256 is ${hash}, not ${id}`);
      const image = isImageOfType(body, mime);
      if (!image) throw new ApiError(415, 'not_an_image', `the bytes are not a whole ${mime} image`);
      const caller = c.get('caller');
      const at = now();
      // A photo held already costs nothing; a new one counts against the device's day.
      if (!(await findPhoto(sql, photos, id)) && (await photoBytesSince(sql, caller.deviceId, new Date(at.getTime() - DAY_MS))) + body.length > limits.quotaBytesPerDay) {
        await refuseOverQuota(c, caller.deviceId, caller.memberId, at);
      }
      const stored = await storePhoto(sql, photos, id, body, image, caller.deviceId, at);
      const answer: PhotoStoredResponse = { id, bytes: body.length, width: image.width, height: image.height };
      return c.json(answer, stored ? 201 : 200);
    })
    .get('/:id{.+}', async (c) => {
      const id = photoId(c);
      const photo = await findPhoto(sql, photos, id);
      const caller = c.get('caller');
      // Until a record names it, a photo is its uploader's alone; then it is seen by whoever sees a
      // hazard naming it (its community, the staff of the company it is assigned to, the street
      // office). Anyone else hears "no such photo".
      const mine = photo !== null && photo.uploadedBy === caller.deviceId;
      const seen = mine || (photo !== null && photo.referencedAt !== null && (await photoVisibleTo(sql, id, { ...caller, streetWide: isStreetAdmin(caller) })));
      if (!photo || !seen) throw new ApiError(404, 'not_found', `no photo ${id}`);
      const etag = `"${id}"`;
      // Content-addressed: the bytes behind an id never change, so caches may keep them for good.
      c.header('Cache-Control', 'private, max-age=31536000, immutable');
      c.header('ETag', etag);
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      const bytes = await photos.get(id);
      if (!bytes) throw new ApiError(404, 'not_found', `no photo ${id}`);
      c.header('Content-Type', photo.mime);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Disposition', 'inline');
      return c.body(new Uint8Array(bytes), 200);
    });
}
