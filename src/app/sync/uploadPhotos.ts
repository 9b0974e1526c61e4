// Uploads every photo the endpoint does not have yet, oldest first, one PUT per photo with its
// raw bytes. A photo is marked uploaded only on the endpoint's 200/201 for that very hash; a cut
// upload is simply sent again whole next time (the endpoint never keeps a partial file, and a
// repeat of a stored hash costs it nothing). Photos go before the mutations that name them
// (see pushOutbox), so the endpoint never shows a hazard with a photo that cannot come.
import type { PatrolDb, PhotoRow } from '../db/db';
import { errorBodySchema } from '../../shared/protocol/errors';
import { SyncError } from './SyncError';
import type { EndpointConfig } from './requestJson';
import { uploadProgress } from './uploadProgress';

export interface UploadResult {
  uploaded: number;
  /** Photos the endpoint refused for good (400/413/415); their mutations keep waiting. */
  refused: number;
}

// Four at a time: loopback and 4G both gain from overlap (the endpoint flushes files in
// parallel); more only splits the phone's uplink.
const PARALLEL = 4;
// Uploaded marks are written in batches: one IndexedDB transaction per photo costs more than the
// upload on a fast network, and a mark lost to a crash only means one harmless repeat PUT.
const MARK_BATCH = 25;

const pendingPhotos = (db: PatrolDb) =>
  db.photos.where('[uploaded+createdAt]').between([0, ''], [0, '\uffff']).filter((row) => row.blob !== null);

export async function uploadPhotos(db: PatrolDb, config: EndpointConfig, signal?: AbortSignal): Promise<UploadResult> {
  const ids = (await pendingPhotos(db).toArray()).map((row) => ({ id: row.id, bytes: row.bytes }));
  const result: UploadResult = { uploaded: 0, refused: 0 };
  if (ids.length === 0) return result;
  const progress = { done: 0, total: ids.length, bytesDone: 0, bytesTotal: ids.reduce((n, p) => n + p.bytes, 0) };
  uploadProgress.set({ ...progress });
  let next = 0;
  let marks: string[] = [];
  const flushMarks = async () => {
    const ids = marks;
    marks = [];
    if (ids.length > 0) await db.photos.where('id').anyOf(ids).modify({ uploaded: 1 });
  };
  const worker = async () => {
    while (next < ids.length) {
      const { id } = ids[next++]!;
      // Read one Blob at a time, not all of them up front: a week offline can hold hundreds.
      const row = await db.photos.get(id);
      if (!row?.blob || row.uploaded === 1) continue;
      const ok = await putPhoto(config, row, signal);
      if (ok) {
        marks.push(id);
        if (marks.length >= MARK_BATCH) await flushMarks();
        result.uploaded++;
      } else {
        result.refused++;
      }
      progress.done++;
      progress.bytesDone += row.bytes;
      uploadProgress.set({ ...progress });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(PARALLEL, ids.length) }, worker));
  } finally {
    // Marks of the photos that did arrive are kept even when another upload failed.
    await flushMarks();
    uploadProgress.set(null);
  }
  return result;
}

/** true when the endpoint holds the photo now; false when it refused it for good. */
async function putPhoto(config: EndpointConfig, row: PhotoRow, signal?: AbortSignal): Promise<boolean> {
  const doFetch = config.fetch ?? fetch;
  // A photo is bigger than a push: twice the JSON deadline (60 s by default, enough for 350 KB
  // at 50 kbit/s on a weak edge of the network).
  const timeout = AbortSignal.timeout(2 * (config.timeoutMs ?? 30_000));
  let response: Response;
  try {
    response = await doFetch(new URL(`/api/v1/photos/${row.id}`, config.baseUrl), {
      method: 'PUT',
      headers: { authorization: `Bearer ${config.token}`, 'content-type': row.mime },
      body: row.blob,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      cache: 'no-store',
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new SyncError('network', null, cause instanceof Error ? cause.message : String(cause));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 200 || response.status === 201) {
    // Only the endpoint's own answer for this hash counts (not a proxy's 200 page).
    const echoed = body && typeof body === 'object' && 'id' in body ? body.id : null;
    if (echoed === row.id) return true;
    throw new SyncError('protocol', response.status, 'Photo upload answer is not the endpoint\'s');
  }
  const parsed = errorBodySchema.safeParse(body);
  const serverCode = parsed.success ? parsed.data.error.code : null;
  if (response.status === 401) throw new SyncError('unauthorized', 401, serverCode ?? 'unauthorized', serverCode);
  if (parsed.success && [400, 413, 415].includes(response.status)) return false;
  throw new SyncError(parsed.success ? 'server' : 'protocol', response.status, serverCode ?? `HTTP ${response.status}`, serverCode);
}
