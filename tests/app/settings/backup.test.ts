// Backup round trip: export everything unsynced → wipe the phone → import → the same rows with
// the same ids, photos byte for byte; importing twice adds nothing. Plus eviction's rules.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PatrolDb } from '../../../src/app/db/db';
import { saveHazard } from '../../../src/app/db/saveHazard';
import { exportBackup, importBackup, parseBackup, BackupFormatError } from '../../../src/app/features/settings/backup';
import { evictOldPhotos } from '../../../src/app/db/evictPhotos';
import { sha256Hex } from '../../../src/app/photos/stagePhoto';
import { draftWith } from '../../fixtures/hazards';
import { stagedPhoto } from '../photos/photoFixtures';

const session = { member: { id: 'm-a-03', name: '王芳', teamId: 'team-a', role: 'member' as const } };
const dbs: PatrolDb[] = [];
const freshDb = () => {
  const db = new PatrolDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
};
let db: PatrolDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

describe('backup', () => {
  it('round-trips unsynced hazards, their mutations and photos through a file, with the same ids', async () => {
    const photos = [await stagedPhoto(3000), await stagedPhoto(5000)];
    const a = draftWith();
    const b = draftWith();
    await saveHazard(db, session, a, new Date('2026-11-27T08:00:00Z'), photos);
    await saveHazard(db, session, b, new Date('2026-11-27T08:01:00Z'));
    const outboxBefore = await db.outbox.toArray();

    const file = JSON.stringify(await exportBackup(db));
    await db.delete();
    const other = freshDb();
    await other.open();
    expect(await other.outbox.count()).toBe(0);

    expect(parseBackup(file).skipped).toEqual([]);
    expect(await importBackup(other, parseBackup(file).backup)).toEqual({ records: 2, photos: 2 });
    expect(await other.outbox.toArray()).toEqual(outboxBefore);
    expect((await other.hazards.toArray()).map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
    for (const photo of photos) {
      const row = await other.photos.get(photo.id);
      expect(row).toMatchObject({ hazardId: a.id, uploaded: 0, bytes: photo.bytes });
      expect(await sha256Hex(await row!.blob!.arrayBuffer())).toBe(photo.id);
      expect(row!.thumb?.size).toBe(64);
    }

    // Importing the same file again adds nothing: no duplicate mutation, record or photo.
    expect(await importBackup(other, parseBackup(file).backup)).toEqual({ records: 0, photos: 0 });
    expect(await other.outbox.count()).toBe(2);
    expect(await other.photos.count()).toBe(2);
  });

  it('leaves synced records out', async () => {
    await saveHazard(db, session, draftWith());
    await db.outbox.clear();
    const backup = await exportBackup(db);
    expect(backup.outbox).toEqual([]);
    expect(backup.hazards).toEqual([]);
  });

  it('refuses a file that is not a backup, and changes nothing', async () => {
    expect(() => parseBackup('{"format":"something-else"}')).toThrow(BackupFormatError);
    expect(() => parseBackup('not json')).toThrow(BackupFormatError);
    const exported = await exportBackup(db);
    expect(() => parseBackup(JSON.stringify({ ...exported, hazards: 'none' }))).toThrow(BackupFormatError);
  });
});

describe('evictOldPhotos', () => {
  it('drops the full copy of uploaded photos over 30 days old, keeping the thumbnail, and never an unsynced one', async () => {
    const old = [await stagedPhoto(), await stagedPhoto()];
    const recent = await stagedPhoto();
    await saveHazard(db, session, draftWith(), new Date('2026-10-01T08:00:00Z'), old);
    await saveHazard(db, session, draftWith(), new Date('2026-11-20T08:00:00Z'), [recent]);
    await db.photos.update(old[0]!.id, { uploaded: 1 });
    await db.photos.update(recent.id, { uploaded: 1 });

    const evicted = await evictOldPhotos(db, new Date('2026-11-27T08:00:00Z'));
    expect(evicted).toEqual({ photos: 1, bytes: old[0]!.bytes });
    const [gone, unsynced, kept] = await db.photos.bulkGet([old[0]!.id, old[1]!.id, recent.id]);
    expect(gone?.blob).toBeNull();
    expect(gone?.thumb?.size).toBe(64);
    expect(unsynced?.blob?.size).toBe(old[1]!.bytes);
    expect(kept?.blob?.size).toBe(recent.bytes);
  });
});
