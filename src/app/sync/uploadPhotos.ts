// Uploads every photo the endpoint does not have yet, oldest first, one PUT per photo with its
// raw bytes. A photo is marked uploaded only on the endpoint's 200/201 for that very hash; a cut
// upload is simply sent again whole next time (the endpoint never keeps a partial file, and a
// repeat of a stored hash costs it nothing). Photos go before the mutations that name them
// (see pushOutbox), so the endpoint never shows a hazard with a photo that cannot come.
import type { PatrolDb, PhotoRow } from '../db/db';
import { getPhoto, markPhotosUploaded, photosToUpload } from '../db/photos';
import { SyncError } from './SyncError';
import { DEFAULT_TIMEOUT_MS, request, type EndpointConfig } from './request';
import { uploadProgress } from './uploadProgress';
import { photoStoredResponseSchema } from '../../shared/protocol/photos';

export interface UploadResult {
  uploaded: number;
  /** Photos the endpoint refused for good (400/413/415); their mutations keep waiting. */
  refused: number;
  /** The device's daily photo allowance is used up: the rest wait on the phone for a later pass. */
  quotaReached?: boolean;
}

// Four at a time: loopback and 4G both gain from overlap (the endpoint flushes files in
// parallel); more only splits the phone's uplink.
const PARALLEL = 4;
// Uploaded marks are written in batches: one IndexedDB transaction per photo costs more than the
// upload on a fast network, and a mark lost to a crash only means one harmless repeat PUT.
const MARK_BATCH = 25;
// Refusals for good (bad request, too large, not an image): sending the same bytes again cannot help.
const REFUSED = [400, 413, 415];

export async function uploadPhotos(db: PatrolDb, config: EndpointConfig, signal?: AbortSignal): Promise<UploadResult> {
  const ids = await photosToUpload(db);
  const result: UploadResult = { uploaded: 0, refused: 0 };
  if (ids.length === 0) return result;
  const progress = { done: 0, total: ids.length, bytesDone: 0, bytesTotal: ids.reduce((n, p) => n + p.bytes, 0) };
  uploadProgress.set({ ...progress });
  let next = 0;
  let marks: string[] = [];
  const flushMarks = async () => {
    const ids = marks;
    marks = [];
    await markPhotosUploaded(db, ids);
  };
  const worker = async () => {
    while (next < ids.length) {
      const { id } = ids[next++]!;
      // Read one Blob at a time, not all of them up front: a week offline can hold hundreds.
      const row = await getPhoto(db, id);
      if (!row?.blob || row.uploaded === 1) continue;
      let ok: boolean;
      try {
        ok = await putPhoto(config, row, signal);
      } catch (error) {
        if (!(error instanceof SyncError && error.code === 'quota')) throw error;
        // Nothing more goes up this pass; the photo and its record stay and wait.
        result.quotaReached = true;
        next = ids.length;
        return;
      }
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
  if (!row.blob) return false;
  try {
    const { id } = await request(config, `/api/v1/photos/${row.id}`, {
      method: 'PUT',
      body: { bytes: row.blob, type: row.mime },
      expect: photoStoredResponseSchema,
      signal,
      // A photo is bigger than a push: twice the JSON deadline (60 s by default, enough for
      // 350 KB at 50 kbit/s on a weak edge of the network).
      timeoutMs: 2 * (config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    // Only the endpoint's own answer for this hash counts (not a proxy's 200 page).
    if (id !== row.id) throw new SyncError('protocol', 200, 'Photo upload answer is not the endpoint\'s');
    return true;
  } catch (error) {
    if (error instanceof SyncError && error.code === 'server' && REFUSED.includes(error.status ?? 0)) return false;
    throw error;
  }
}
