// Photo records: what the endpoint knows about each photo (type, size, uploader, whether a record
// names it). The bytes live in a PhotoStore (the filesystem or an S3-compatible bucket); a row is
// written only after its bytes are stored whole, so a row always has its bytes.
import type { SniffedImage } from '../../shared/photos/sniffImage';
import type { PhotoStore } from '../photos/photoStore';
import type { Sql, Tx } from './sql/sql';
import { insertRows, runForIds } from './sql/bulk';

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

export async function findPhoto(sql: Sql, photos: PhotoStore, id: string): Promise<PhotoRecord | null> {
  const row = await sql.get<PhotoRecord>(
    'SELECT id, mime, bytes, width, height, uploaded_by AS "uploadedBy", referenced_at AS "referencedAt" FROM photos WHERE id = ?',
    [id],
  );
  // A row whose bytes are gone (disk restored without photos) is not a photo we can serve.
  if (!row || !(await photos.has(id))) return null;
  return row;
}

/**
 * Stores verified bytes under their hash. Returns false when the photo was already stored.
 * Uploads from several phones overlap: the bytes' write awaits the disk or the bucket.
 */
export async function storePhoto(
  sql: Sql,
  photos: PhotoStore,
  id: string,
  body: Uint8Array,
  image: SniffedImage,
  uploadedBy: string,
  now: Date,
): Promise<boolean> {
  if (await findPhoto(sql, photos, id)) return false;
  await photos.put(id, body, image.mime);
  // Two uploads of the same photo may both get here: the second insert does nothing.
  const inserted = await sql.run(
    `INSERT INTO photos (id, mime, bytes, width, height, uploaded_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO NOTHING`,
    [id, image.mime, body.length, image.width, image.height, uploadedBy, now.toISOString()],
  );
  return inserted === 1;
}

/** Bytes of the photos a device uploaded since `since`: what its daily quota counts. */
export async function photoBytesSince(sql: Sql, deviceId: string, since: Date): Promise<number> {
  const row = await sql.get<{ n: number }>('SELECT COALESCE(SUM(bytes), 0) AS n FROM photos WHERE uploaded_by = ? AND received_at >= ?', [
    deviceId,
    since.toISOString(),
  ]);
  return Number(row?.n ?? 0);
}

/**
 * Marks photos as named by records (inside the push transaction that names them), and which
 * hazard names each: who may see a photo follows from who may see its hazards.
 */
export async function markPhotosReferenced(tx: Tx, named: ReadonlyArray<{ hazardId: string; photoIds: readonly string[] }>, now: string): Promise<void> {
  const refs = named.flatMap((n) => n.photoIds.map((photoId) => [photoId, n.hazardId]));
  if (refs.length === 0) return;
  await runForIds(tx, 'UPDATE photos SET referenced_at = ? WHERE referenced_at IS NULL AND id IN', [now], refs.map(([photoId]) => photoId!));
  await insertRows(tx, 'photo_refs', ['photo_id', 'hazard_id'], refs, 'ON CONFLICT DO NOTHING');
}

/** Whether a hazard the caller follows names the photo: one of their community's, or (staff) one assigned to their company, or (street admins) one of their street's. */
export async function photoVisibleTo(sql: Sql, photoId: string, to: { communityId: string | null; propertyCompanyId: string | null; streetId: string; streetWide: boolean }): Promise<boolean> {
  const row = await sql.get(
    `SELECT 1 FROM photo_refs r JOIN hazards h ON h.id = r.hazard_id
      WHERE r.photo_id = ? AND (h.community_id = ? OR h.assigned_company_id = ?
        OR (? = 1 AND h.community_id IN (SELECT id FROM communities WHERE street_id = ?)))
      LIMIT 1`,
    [photoId, to.communityId, to.propertyCompanyId, to.streetWide ? 1 : 0, to.streetId],
  );
  return row !== undefined;
}

export const UNREFERENCED_PHOTO_TTL_MS = 7 * 24 * 3_600_000;

/** Deletes photos no record has named within 7 days of their upload: the row, then the bytes. */
export async function purgeUnreferencedPhotos(sql: Sql, photos: PhotoStore, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - UNREFERENCED_PHOTO_TTL_MS).toISOString();
  const ids = (await sql.all<{ id: string }>('SELECT id FROM photos WHERE referenced_at IS NULL AND received_at < ?', [cutoff])).map((r) => r.id);
  for (const id of ids) {
    // Deleted only if still unreferenced: a push may have named it since the list was read.
    const gone = (await sql.run('DELETE FROM photos WHERE id = ? AND referenced_at IS NULL', [id])) === 1;
    if (gone) await photos.delete(id);
  }
  return ids.length;
}
