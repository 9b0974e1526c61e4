// One sync pass: push everything waiting, then pull what changed. Push first, so what the
// member wrote is safe on the endpoint before we spend their data on downloads.
import type { PatrolDb } from '../db/db';
import { getMeta, setMeta } from '../db/meta';
import { pushOutbox, type PushResult } from './pushOutbox';
import { pullChanges } from './pullChanges';
import { pullCommunityZone } from './pullCommunityZone';
import { uploadPhotos } from './uploadPhotos';
import { evictOldPhotos } from '../db/evictPhotos';
import type { EndpointConfig } from './request';
import { SyncError } from './SyncError';

export interface SyncOutcome extends PushResult {
  pulled: number;
  photosUploaded: number;
}

/**
 * The community's zone and the member's place change rarely (a community renamed): asked once
 * per page load, after a pass that reached the endpoint. A failure leaves the stored ones and
 * asks again on the next pass.
 */
let configPulled = false;

export async function syncOnce(
  db: PatrolDb,
  endpoint: Omit<EndpointConfig, 'token'>,
  signal?: AbortSignal,
): Promise<SyncOutcome | null> {
  const session = await getMeta(db, 'session');
  if (!session) return null;
  const config = { ...endpoint, token: session.token };
  // Photos first: a mutation goes only once the endpoint holds every photo it names.
  const photos = await uploadPhotos(db, config, signal);
  const pushed = await pushOutbox(db, config, signal);
  const pulled = await pullChanges(db, config, signal);
  await setMeta(db, 'lastSyncAt', new Date().toISOString());
  if (!configPulled) configPulled = await pullCommunityZone(db, config, signal).then(() => true, () => false);
  // Uploaded photos older than 30 days keep only their thumbnail; cheap when there are none.
  await evictOldPhotos(db);
  // Everything else went; the pass still ends as a failure, so the member reads why photos wait
  // and the scheduler tries again later.
  if (photos.quotaReached) throw new SyncError('quota', 429, 'quota_exceeded', 'quota_exceeded');
  return { ...pushed, pulled, photosUploaded: photos.uploaded };
}
