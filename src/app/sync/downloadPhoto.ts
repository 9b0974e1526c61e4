// One photo's bytes from the endpoint: GET /api/v1/photos/<sha256> with the device's token. The
// bytes are trusted only when their SHA-256 is the id asked for; anything else is an outcome the
// view shows in words, never a thrown crash. An abort (the view went away) is a normal outcome.
import { request, type EndpointConfig } from './request';
import { SyncError } from './SyncError';
import { PHOTO_ID_PATTERN } from '../../shared/domain/schemas';
import { isPhotoMime, type PhotoMime } from '../../shared/protocol/photos';

export type PhotoDownload =
  | { ok: true; bytes: ArrayBuffer; mime: PhotoMime }
  /** No answer (offline, endpoint down, timed out, aborted): try again when the network is back. */
  | { ok: false; reason: 'offline' }
  /** The endpoint answered but cannot give these bytes (404, refused token, wrong hash). */
  | { ok: false; reason: 'unavailable'; status: number };

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function downloadPhoto(config: EndpointConfig, id: string, signal?: AbortSignal): Promise<PhotoDownload> {
  if (!PHOTO_ID_PATTERN.test(id)) return { ok: false, reason: 'unavailable', status: 400 };
  let answer;
  try {
    answer = await request(config, `/api/v1/photos/${id}`, { expect: 'bytes', signal });
  } catch (error) {
    // An answer that is an error (404, a refused token, a portal's page) will not change by
    // itself; no answer at all (offline, timed out, aborted) may, once the network is back.
    if (error instanceof SyncError && error.code !== 'network' && error.status !== null) return { ok: false, reason: 'unavailable', status: error.status };
    return { ok: false, reason: 'offline' };
  }
  if ((await sha256Hex(answer.bytes)) !== id) return { ok: false, reason: 'unavailable', status: answer.status };
  const type = answer.contentType;
  return { ok: true, bytes: answer.bytes, mime: isPhotoMime(type) ? type : 'image/jpeg' };
}
