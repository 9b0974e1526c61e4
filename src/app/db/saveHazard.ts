// Saving a hazard: the hazard row, its photos and its outbox mutation commit in ONE transaction,
// so a hazard can never exist on the phone without the mutation that will deliver it, nor name a
// photo the phone does not hold. After the commit each photo is read back and its size checked:
// some Safari versions commit a Blob that reads back empty (WebKit bug 188438 and kin); such a
// photo is written once more from an ArrayBuffer, and if that fails too, the whole save is undone
// and reported, so the form (which still has everything) can be saved again.
import type { PatrolDb, LocalHazard, PhotoRow } from './db';
import type { Session } from './meta';
import { newMutation, queueMutation } from './queueMutation';
import { NEW_HAZARD_LIFECYCLE, hazardDraftSchema, type HazardDraft } from '../../shared/domain/schemas';
import { photoRows, type StagedPhoto } from './photoRows';

export class PhotoNotStoredError extends Error {
  constructor(readonly photoId: string) {
    super(`photo ${photoId} did not read back whole`);
    this.name = 'PhotoNotStoredError';
  }
}

export async function saveHazard(
  db: PatrolDb,
  session: Pick<Session, 'member'>,
  draft: HazardDraft,
  now: Date = new Date(),
  photos: readonly StagedPhoto[] = [],
): Promise<LocalHazard> {
  // Parse with the endpoint's own schema: a record the endpoint would refuse never enters the queue.
  const data = hazardDraftSchema.parse(photos.length > 0 ? { ...draft, photoIds: photos.map((p) => p.id) } : draft);
  const hazard: LocalHazard = {
    ...data,
    reporterId: session.member.id,
    teamId: session.member.teamId,
    status: 'open',
    receivedAt: null,
    ...NEW_HAZARD_LIFECYCLE,
  };
  const rows = photoRows(photos, data.id, null, now);
  let added: string[] = [];
  let mutationId = '';
  await db.transaction('rw', [db.hazards, db.outbox, db.photos], async () => {
    await db.hazards.add(hazard);
    // Photo rows are immutable: the same picture already on the phone is not written again.
    const existing = await db.photos.bulkGet(rows.map((r) => r.id));
    const fresh = rows.filter((_, i) => !existing[i]);
    await db.photos.bulkAdd(fresh);
    added = fresh.map((r) => r.id);
    const mutation = newMutation('hazard.create', data, now);
    mutationId = mutation.id;
    await queueMutation(db, mutation, data.id, now);
  });
  try {
    for (const row of rows.filter((r) => added.includes(r.id))) await verifyPhoto(db, row);
  } catch (error) {
    await db.transaction('rw', [db.hazards, db.outbox, db.photos], async () => {
      await db.hazards.delete(data.id);
      await db.outbox.where('id').equals(mutationId).delete();
      await db.photos.bulkDelete(added);
    });
    throw error;
  }
  return hazard;
}

async function verifyPhoto(db: PatrolDb, row: PhotoRow): Promise<void> {
  if (await readsBackWhole(db, row)) return;
  const buffer = await row.blob!.arrayBuffer();
  await db.photos.put({ ...row, blob: new Blob([buffer], { type: row.mime }) });
  if (!(await readsBackWhole(db, row))) throw new PhotoNotStoredError(row.id);
}

async function readsBackWhole(db: PatrolDb, row: PhotoRow): Promise<boolean> {
  const stored = await db.photos.get(row.id);
  return stored?.blob?.size === row.bytes;
}
