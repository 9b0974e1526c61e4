// The phone's database. IndexedDB via Dexie holds everything first; the network only copies it.
// - meta: key/value (session, pull cursor, last sync, form draft)
// - hazards: local and pulled hazards, WGS-84 as reported
// - outbox (store 'queue' since v5): mutations not yet acknowledged by the endpoint, keyed by
//   queue position, so queue order is key order and an ack of a run of rows is one range delete
// - teams, members, compounds, propertyCompanies, categories, checkpoints: pulled reference data
// - rounds, trackPoints, trackBatches, checkpointScans: patrol rounds (v3). trackPoints are this
//   phone's kept fixes, written as they arrive; trackBatches are the batches they were sent in,
//   plus the batches a lead pulls for the team. Maps and coverage read batches and unsent points.
// - photos, hazardEvents: hazard photos (Blobs keyed by the SHA-256 of their bytes) and the
//   lifecycle events of hazards, local and pulled (v4).
// Schema changes add a new version() with an upgrade function; old rows are never dropped.
import Dexie, { type EntityTable } from 'dexie';
import type {
  Category,
  Compound,
  Hazard,
  Member,
  PropertyCompany,
  Team,
} from '../../shared/domain/schemas';
import type { Mutation, ReceivedRejection } from '../../shared/protocol/sync';
import type { HazardEvent } from '../../shared/domain/hazardEvents';
import type { Checkpoint, CheckpointScan, Round, TrackBatch, TrackPoint } from '../../shared/domain/rounds';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A hazard on the phone; `receivedAt` stays null until the endpoint has it. */
export type LocalHazard = Omit<Hazard, 'receivedAt'> & { receivedAt: string | null };

export interface OutboxRow {
  /** Queue position, given by IndexedDB when the row is added (v5). */
  seq?: number;
  /** The mutation's id. */
  id: string;
  mutation: Mutation;
  /** The record the mutation changes, so the UI can show it as waiting or refused. */
  entityId: string;
  /** When it was queued (epoch ms), for people; order is `seq`. */
  queuedAt: number;
  state: 'pending' | 'rejected';
  rejection: Omit<ReceivedRejection, 'id'> | null;
}

/** A round on the phone: the server's shape, known before the server has it. */
export type LocalRound = Round;

/** A kept fix of a round walked on this phone; `batchId` is '' until it is sent in a batch. */
export type StoredTrackPoint = TrackPoint & { seq?: number; roundId: string; batchId: string };

/** A scan on the phone; `far` is the phone's own estimate until the server's arrives. */
export type LocalCheckpointScan = CheckpointScan;

/**
 * A photo on the phone. Immutable once written: the key is the SHA-256 of `blob`'s bytes.
 * `uploaded` is 0 until the endpoint has confirmed the bytes (numbers, because IndexedDB cannot
 * index booleans). `blob` is null for a pulled photo whose bytes are not fetched yet, or a full
 * copy evicted after upload (the thumbnail stays).
 */
export interface PhotoRow {
  id: string;
  /** The hazard the photo belongs to (as evidence of its creation or of one of its events). */
  hazardId: string;
  /** The event it belongs to, or null for the hazard's own "before" photos. */
  eventId: string | null;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: number;
  width: number;
  height: number;
  /** When the picture was taken (the file's time), ISO. EXIF itself is never stored. */
  takenAt: string;
  createdAt: string;
  blob: Blob | null;
  thumb: Blob | null;
  uploaded: 0 | 1;
}

/** A lifecycle event on the phone; `receivedAt` stays null until the endpoint has it. */
export type LocalHazardEvent = Omit<HazardEvent, 'receivedAt'> & { receivedAt: string | null };

export class PatrolDb extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  hazards!: EntityTable<LocalHazard, 'id'>;
  teams!: EntityTable<Team, 'id'>;
  members!: EntityTable<Member, 'id'>;
  compounds!: EntityTable<Compound, 'id'>;
  propertyCompanies!: EntityTable<PropertyCompany, 'id'>;
  categories!: EntityTable<Category, 'id'>;
  checkpoints!: EntityTable<Checkpoint, 'id'>;
  rounds!: EntityTable<LocalRound, 'id'>;
  trackPoints!: EntityTable<StoredTrackPoint, 'seq'>;
  trackBatches!: EntityTable<TrackBatch, 'id'>;
  checkpointScans!: EntityTable<LocalCheckpointScan, 'id'>;
  photos!: EntityTable<PhotoRow, 'id'>;
  hazardEvents!: EntityTable<LocalHazardEvent, 'id'>;

  constructor(name = 'patrol-log') {
    super(name);
    this.version(1).stores({
      meta: 'key',
      hazards: 'id, createdAt, roundId',
      outbox: 'id, queuedAt, state, entityId',
      teams: 'id',
      members: 'id, teamId',
      compounds: 'id',
      propertyCompanies: 'id',
      categories: 'id, sort',
    });
    // v2: the push reads the next batch of pending mutations straight off [state+queuedAt]
    // instead of filtering every outbox row, and the single-field indexes it replaces are
    // dropped (each index costs every ack's deletes). Indexes only: rows are untouched.
    this.version(2).stores({
      outbox: 'id, entityId, [state+queuedAt]',
    });
    // v3: patrol rounds. New tables only.
    this.version(3).stores({
      checkpoints: 'id, &code, compoundId',
      rounds: 'id, startedAt, teamId',
      trackPoints: '++seq, [roundId+batchId], [roundId+at]',
      trackBatches: 'id, roundId',
      checkpointScans: 'id, roundId, scannedAt',
    });
    // v4: photos and hazard lifecycle events. New tables only.
    this.version(4).stores({
      photos: 'id, hazardId, [uploaded+createdAt]',
      hazardEvents: 'id, hazardId, at',
    });
    // v5: the outbox moves to 'queue', keyed by queue position. Acks delete whole runs of rows
    // as key ranges instead of 500 scattered uuid keys each (both IndexedDB's work and Dexie's
    // change tracking grew with every key), and a save no longer reads the queue's last row to
    // keep order when the clock is set back. A primary key cannot change in place, so the rows
    // are copied in their old queue order ([state+queuedAt] broke ties by id).
    this.version(5)
      .stores({ outbox: null, queue: '++seq, &id, entityId, [state+seq]' })
      .upgrade(async (tx) => {
        const rows = await tx.table<OutboxRow>('outbox').toArray();
        rows.sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        await tx.table<OutboxRow>('queue').bulkAdd(rows.map(({ seq: _seq, ...row }) => row));
      });
  }

  /** The outbox: Dexie names tables after their store, and the store is 'queue' since v5. */
  get outbox(): EntityTable<OutboxRow, 'seq'> {
    return this.table('queue');
  }
}

export const db = new PatrolDb();
