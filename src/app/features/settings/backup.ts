// The local backup: everything not yet synced, in one JSON file (photos as base64), so a phone
// about to be wiped, lost to a full disk or replaced can hand its work to another. Import keeps
// every id (outbox mutation ids, record ids, photo hashes), so rows already present are skipped
// and the endpoint acks a mutation it already has without a second row: no duplicates anywhere.
// Loaded lazily from Settings; nothing here is on the capture path.
import type { LocalHazard, LocalHazardEvent, LocalRound, OutboxRow, PatrolDb, PhotoRow, StoredTrackPoint } from '../../db/db';
import type { EntityTable, IDType } from 'dexie';
import type { CheckpointScan, TrackBatch } from '../../../shared/domain/rounds';
import { photoIdsOf } from '../../sync/photoIdsOf';
import { BACKUP_TABLES, checkRows, type BackupTable, type SkippedRow } from './backupRows';

export const BACKUP_FORMAT = 'patrol-log-backup';
export const BACKUP_VERSION = 1;

type SerialPhoto = Omit<PhotoRow, 'blob' | 'thumb'> & { blob: string | null; thumb: string | null };

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  outbox: OutboxRow[];
  hazards: LocalHazard[];
  hazardEvents: LocalHazardEvent[];
  rounds: LocalRound[];
  trackBatches: TrackBatch[];
  trackPoints: Omit<StoredTrackPoint, 'seq'>[];
  checkpointScans: CheckpointScan[];
  photos: SerialPhoto[];
}

export class BackupFormatError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'BackupFormatError';
  }
}

async function toBase64(blob: Blob | null): Promise<string | null> {
  if (!blob) return null;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string | null, type: string): Blob | null {
  if (text === null) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

const defined = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);

export async function exportBackup(db: PatrolDb, now = new Date()): Promise<Backup> {
  const rows = await db.transaction('r', [db.outbox, db.hazards, db.hazardEvents, db.rounds, db.trackBatches, db.trackPoints, db.checkpointScans, db.photos], async () => {
    // Queue order; positions are this phone's own, so they stay behind.
    const outbox = (await db.outbox.toArray()).map(({ seq: _seq, ...row }) => row);
    const ids = [...new Set(outbox.map((row) => row.entityId))];
    const hazards = defined(await db.hazards.bulkGet(ids));
    const rounds = defined(await db.rounds.bulkGet(ids));
    const roundIds = rounds.map((r) => r.id);
    const points: StoredTrackPoint[] = [];
    for (const id of roundIds) points.push(...(await db.trackPoints.where('[roundId+at]').between([id, -Infinity], [id, Infinity]).toArray()));
    // Photos not yet uploaded, and every photo a waiting mutation names (uploaded or not): on
    // the other phone the push waits until it holds each of them.
    const photoRows = await db.photos.where('[uploaded+createdAt]').between([0, ''], [0, '\uffff']).toArray();
    const named = [...new Set(outbox.flatMap((row) => photoIdsOf(row.mutation)))].filter((id) => !photoRows.some((p) => p.id === id));
    photoRows.push(...defined(await db.photos.bulkGet(named)));
    return {
      format: BACKUP_FORMAT as typeof BACKUP_FORMAT,
      version: BACKUP_VERSION as typeof BACKUP_VERSION,
      exportedAt: now.toISOString(),
      outbox,
      hazards,
      hazardEvents: await db.hazardEvents.where('hazardId').anyOf(ids).toArray(),
      rounds,
      trackBatches: await db.trackBatches.where('roundId').anyOf(roundIds).toArray(),
      trackPoints: points.map(({ seq: _seq, ...point }) => point),
      checkpointScans: await db.checkpointScans.where('roundId').anyOf(roundIds).toArray(),
      photoRows,
    };
  });
  // Outside the transaction: reading a Blob's bytes is not an IndexedDB request, and awaiting it
  // inside would let the transaction commit under us.
  const { photoRows, ...rest } = rows;
  const photos: SerialPhoto[] = [];
  for (const row of photoRows) photos.push({ ...row, blob: await toBase64(row.blob), thumb: await toBase64(row.thumb) });
  return { ...rest, photos };
}

/** A backup file read: its valid rows, ready to import, and the rows left out, by name. */
export interface ReadBackup {
  backup: Backup;
  skipped: SkippedRow[];
}

/**
 * Parses a backup file's text. A file that is not a backup at all is refused whole; inside one,
 * every row is checked with the shared schemas, and a damaged row is skipped and named, never
 * written, while the rows around it are kept (backupRows.ts).
 */
export function parseBackup(text: string): ReadBackup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupFormatError('not JSON');
  }
  if (!data || typeof data !== 'object') throw new BackupFormatError('not an object');
  const record = data as Record<string, unknown>;
  if (record.format !== BACKUP_FORMAT) throw new BackupFormatError('format');
  if (record.version !== BACKUP_VERSION) throw new BackupFormatError(`version ${String(record.version)}`);
  for (const list of BACKUP_TABLES) if (!Array.isArray(record[list])) throw new BackupFormatError(list);
  const skipped: SkippedRow[] = [];
  const rows = <T>(table: BackupTable) => checkRows<T>(table, record[table] as unknown[], skipped);
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: typeof record.exportedAt === 'string' ? record.exportedAt : '',
    outbox: rows('outbox'),
    hazards: rows('hazards'),
    hazardEvents: rows('hazardEvents'),
    rounds: rows('rounds'),
    trackBatches: rows('trackBatches'),
    trackPoints: rows('trackPoints'),
    checkpointScans: rows('checkpointScans'),
    photos: rows('photos'),
  };
  return { backup, skipped };
}

export interface ImportCounts {
  records: number;
  photos: number;
}

/** Adds what the phone does not hold yet, in one transaction; rows already present are kept. */
export async function importBackup(db: PatrolDb, backup: Backup): Promise<ImportCounts> {
  const counts: ImportCounts = { records: 0, photos: 0 };
  await db.transaction('rw', [db.outbox, db.hazards, db.hazardEvents, db.rounds, db.trackBatches, db.trackPoints, db.checkpointScans, db.photos], async () => {
    const addMissing = async <T extends { id: string }>(table: EntityTable<T, 'id'>, rows: T[]) => {
      const present = await table.bulkGet(rows.map((r) => r.id as IDType<T, 'id'>));
      const fresh = rows.filter((_, i) => !present[i]);
      if (fresh.length > 0) await table.bulkAdd(fresh);
      return fresh.length;
    };
    // Outbox rows are known by mutation id and join the end of this phone's queue, in the
    // backup's order (its file order is its queue order).
    const queued = new Set(await db.outbox.where('id').anyOf(backup.outbox.map((r) => r.id)).keys());
    const freshMutations = backup.outbox.filter((r) => !queued.has(r.id)).map(({ seq: _seq, ...row }) => row);
    await db.outbox.bulkAdd(freshMutations);
    counts.records += freshMutations.length;
    await addMissing(db.hazards, backup.hazards);
    await addMissing(db.hazardEvents, backup.hazardEvents);
    await addMissing(db.rounds, backup.rounds);
    await addMissing(db.trackBatches, backup.trackBatches);
    await addMissing(db.checkpointScans, backup.checkpointScans);
    // Track points have no id of their own: a round whose points the phone already has keeps them.
    for (const roundId of new Set(backup.trackPoints.map((p) => p.roundId))) {
      const held = await db.trackPoints.where('[roundId+at]').between([roundId, -Infinity], [roundId, Infinity]).count();
      if (held === 0) await db.trackPoints.bulkAdd(backup.trackPoints.filter((p) => p.roundId === roundId));
    }
    for (const photo of backup.photos) {
      const blob = fromBase64(photo.blob, photo.mime);
      const thumb = fromBase64(photo.thumb, 'image/jpeg');
      const held = await db.photos.get(photo.id);
      if (!held) {
        await db.photos.add({ ...photo, blob, thumb });
        counts.photos++;
      } else if (!held.blob && blob) {
        await db.photos.update(photo.id, { blob });
      }
    }
  });
  return counts;
}
