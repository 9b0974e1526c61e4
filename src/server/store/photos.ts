// Photo bytes on disk, content-addressed: DATA_DIR/photos/<sha256>, no extension, outside the
// static root. A file appears only whole: bytes go to a temp file in the same directory, are
// fsynced, then renamed over (atomic on one filesystem); the `photos` row is written after the
// rename, so a row always has its file. Temp files of a crashed write are swept on first use.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { SniffedImage } from '../../shared/photos/sniffImage';
import { PHOTO_ID_PATTERN } from '../../shared/domain/schemas';
import { statement } from './statements';

const TEMP_PREFIX = '.tmp-';
const swept = new Set<string>();

/** The photos directory sits beside the SQLite file, i.e. in DATA_DIR. */
export function photoDir(db: Database.Database): string {
  const dir = join(dirname(db.name), 'photos');
  if (!swept.has(dir)) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) if (name.startsWith(TEMP_PREFIX)) rmSync(join(dir, name), { force: true });
    swept.add(dir);
  }
  return dir;
}

/** The file of a photo id; throws on anything but 64 hex, so no path ever leaves the directory. */
export function photoPath(db: Database.Database, id: string): string {
  if (!PHOTO_ID_PATTERN.test(id)) throw new Error(`not a photo id: ${JSON.stringify(id)}`);
  return join(photoDir(db), id);
}

export interface PhotoRecord {
  id: string;
  mime: SniffedImage['mime'];
  bytes: number;
  width: number;
  height: number;
  /** The device that uploaded it. */
  uploadedBy: string;
  /** When a hazard or event first named it; null while no record does. */
  referencedAt: string | null;
}

export function findPhoto(db: Database.Database, id: string): PhotoRecord | null {
  const row = statement<[string], PhotoRecord>(
    db,
    'SELECT id, mime, bytes, width, height, uploaded_by AS uploadedBy, referenced_at AS referencedAt FROM photos WHERE id = ?',
  ).get(id);
  if (!row) return null;
  // A row whose file is gone (disk restored without photos) is not a photo we can serve.
  try {
    statSync(photoPath(db, id));
  } catch {
    return null;
  }
  return row;
}

/**
 * Stores verified bytes under their hash. Returns false when the photo was already stored.
 * The file work is asynchronous (fsync runs on libuv's pool), so uploads from several phones
 * overlap instead of queueing behind each other's disk flushes.
 */
export async function storePhoto(
  db: Database.Database,
  id: string,
  body: Uint8Array,
  image: SniffedImage,
  uploadedBy: string,
  now: Date,
): Promise<boolean> {
  if (findPhoto(db, id)) return false;
  const target = photoPath(db, id);
  const temp = join(photoDir(db), `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
  try {
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(body);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // Two uploads of the same photo may both get here: the second insert does nothing.
  const inserted = statement(
    db,
    `INSERT INTO photos (id, mime, bytes, width, height, uploaded_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO NOTHING`,
  ).run(id, image.mime, body.length, image.width, image.height, uploadedBy, now.toISOString());
  return inserted.changes === 1;
}

/** Bytes of the photos a device uploaded since `since`: what its daily quota counts. */
export function photoBytesSince(db: Database.Database, deviceId: string, since: Date): number {
  return Number(
    statement<[string, string], { n: number }>(db, 'SELECT COALESCE(SUM(bytes), 0) AS n FROM photos WHERE uploaded_by = ? AND received_at >= ?').get(
      deviceId,
      since.toISOString(),
    )?.n ?? 0,
  );
}

/** Marks photos as named by a record (inside the push transaction that names them). */
export function markPhotosReferenced(db: Database.Database, ids: readonly string[], now: string): void {
  const mark = statement(db, 'UPDATE photos SET referenced_at = ? WHERE id = ? AND referenced_at IS NULL');
  for (const id of ids) mark.run(now, id);
}

export const UNREFERENCED_PHOTO_TTL_MS = 7 * 24 * 3_600_000;

/** Deletes photos no record has named within 7 days of their upload: the row, then the file. */
export async function purgeUnreferencedPhotos(db: Database.Database, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - UNREFERENCED_PHOTO_TTL_MS).toISOString();
  const ids = statement<[string], { id: string }>(db, 'SELECT id FROM photos WHERE referenced_at IS NULL AND received_at < ?')
    .all(cutoff)
    .map((r) => r.id);
  for (const id of ids) {
    // Deleted only if still unreferenced: a push may have named it since the list was read.
    const gone = statement(db, 'DELETE FROM photos WHERE id = ? AND referenced_at IS NULL').run(id).changes === 1;
    if (gone) await rm(photoPath(db, id), { force: true });
  }
  return ids.length;
}
