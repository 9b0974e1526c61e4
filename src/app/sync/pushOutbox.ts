// Sends pending outbox mutations in batches, in queue order. A mutation leaves the outbox only
// when its id comes back in `acked`; `rejected` ones stay, marked, for the member to see.
// A mutation naming a photo the endpoint does not hold yet waits (uploadPhotos runs first), and
// so does every later mutation of the same record, to keep each record's order; other records go.
import type { OutboxRow, PatrolDb } from '../db/db';
import { photoIdsOf } from './photoIdsOf';
import { MAX_MUTATIONS_PER_PUSH, pushResponseSchema } from '../../shared/protocol/sync';
import { requestJson, type EndpointConfig } from './requestJson';

// The protocol's maximum: fewer round trips, and one IndexedDB transaction per 500 acks.
export const PUSH_BATCH_SIZE = MAX_MUTATIONS_PER_PUSH;

export interface PushResult {
  acked: number;
  rejected: number;
  /** Mutations held back this run because their photos are not on the endpoint yet. */
  waitingForPhotos?: number;
}

/** Splits a batch into what may go now and what waits for photos (with its record's followers). */
async function readyToSend(db: PatrolDb, batch: OutboxRow[], blocked: Set<string>): Promise<{ ready: OutboxRow[]; held: number }> {
  const wanted = [...new Set(batch.flatMap((row) => photoIdsOf(row.mutation)))];
  const rows = wanted.length > 0 ? await db.photos.bulkGet(wanted) : [];
  const notUploaded = new Set(wanted.filter((_, i) => rows[i]?.uploaded !== 1));
  const ready: OutboxRow[] = [];
  for (const row of batch) {
    if (blocked.has(row.entityId) || photoIdsOf(row.mutation).some((id) => notUploaded.has(id))) blocked.add(row.entityId);
    else ready.push(row);
  }
  return { ready, held: batch.length - ready.length };
}

// Rows read per IndexedDB read: several batches, so sends are not held behind the acks being
// written (IndexedDB runs a read after the writes queued before it on the same store).
const READ_WINDOW = 4 * PUSH_BATCH_SIZE;

/** The next window of pending rows at or after `after` in queue order, minus those already read. */
async function readWindow(db: PatrolDb, after: number, seenAtAfter: ReadonlySet<string>): Promise<OutboxRow[]> {
  const rows = await db.outbox
    .where('[state+queuedAt]')
    .between(['pending', after], ['pending', Infinity], true, true)
    .limit(READ_WINDOW + seenAtAfter.size)
    .toArray();
  return rows.filter((row) => !seenAtAfter.has(row.id)).slice(0, READ_WINDOW);
}

/** Records the endpoint's answer: acked rows leave the outbox, rejected ones are marked. */
function recordAnswer(db: PatrolDb, acked: string[], rejected: { id: string; code: string; message: string }[]): Promise<void> {
  return db.transaction('rw', db.outbox, async () => {
    await db.outbox.bulkDelete(acked);
    for (const { id, code, message } of rejected) {
      await db.outbox.update(id, { state: 'rejected', rejection: { code, message } });
    }
  });
}

type Answer = { acked: string[]; rejected: { id: string; code: string; message: string }[] };

/**
 * Writes answers behind the requests, in order. Answers that arrive while a write runs are
 * written together in the next transaction: fewer, larger transactions cost the phone less.
 */
function answerWriter(db: PatrolDb) {
  const queued: Answer[] = [];
  let draining: Promise<void> | null = null;
  let failure: unknown = null;
  const drain = async () => {
    try {
      while (queued.length > 0) {
        const answers = queued.splice(0);
        await recordAnswer(db, answers.flatMap((a) => a.acked), answers.flatMap((a) => a.rejected));
      }
    } catch (error) {
      failure ??= error;
    } finally {
      draining = null;
    }
  };
  return {
    add(answer: Answer) {
      queued.push(answer);
      if (!draining && failure === null) draining = drain();
    },
    get failed() {
      return failure !== null;
    },
    /** Resolves when every answer is written; rejects with the first failed write's error. */
    async settled(): Promise<void> {
      while (draining) await draining;
      if (failure !== null) throw failure;
    },
  };
}

/**
 * Pipelined. Rows are read a window (several batches) at a time, the next window while the
 * current one's last batch is on the wire; answers are written behind the requests, in order,
 * one transaction each, without holding the next batch back. So the phone's IndexedDB work and
 * the endpoint's SQLite work overlap instead of taking turns. Requests still go one at a time,
 * in queue order, so the endpoint applies mutations in the order they were made. Writing an
 * answer late is safe: a row whose ack was not yet written when the app stopped is sent again
 * and acked again (the endpoint applies each mutation id once).
 */
export async function pushOutbox(
  db: PatrolDb,
  config: EndpointConfig,
  signal?: AbortSignal,
): Promise<PushResult> {
  const total: PushResult = { acked: 0, rejected: 0 };
  // Held mutations stay in the outbox, behind the read cursor, until the next run.
  let held = 0;
  const blocked = new Set<string>();
  // The read cursor: the last queuedAt read, and the ids read at exactly that queuedAt (rows
  // restored from a backup can share one).
  let after = -Infinity;
  let seenAtAfter = new Set<string>();
  const advance = (rows: OutboxRow[]) => {
    const last = rows[rows.length - 1]!.queuedAt;
    if (last !== after) seenAtAfter = new Set();
    after = last;
    for (const row of rows) if (row.queuedAt === last) seenAtAfter.add(row.id);
  };
  const writer = answerWriter(db);
  let next = readWindow(db, after, seenAtAfter);
  try {
    for (;;) {
      const window = await next;
      if (window.length === 0) break;
      advance(window);
      const split = await readyToSend(db, window, blocked);
      held += split.held;
      const batches: OutboxRow[][] = [];
      for (let i = 0; i < split.ready.length; i += PUSH_BATCH_SIZE) batches.push(split.ready.slice(i, i + PUSH_BATCH_SIZE));
      if (batches.length === 0) next = readWindow(db, after, seenAtAfter);
      let stalled = false;
      for (const [i, batch] of batches.entries()) {
        const answer = requestJson(config, '/api/v1/sync/push', pushResponseSchema, {
          method: 'POST',
          body: { mutations: batch.map((row) => row.mutation) },
          signal,
        });
        if (i === batches.length - 1) next = readWindow(db, after, seenAtAfter);
        const response = await answer;
        // A failed write stops the run; the finally below rethrows it.
        if (writer.failed) return total;

        // Only ids we actually sent count: an ack for anything else is ignored.
        const sent = new Set(batch.map((row) => row.id));
        const acked = response.acked.filter((id) => sent.has(id));
        const rejected = response.rejected.filter((r) => sent.has(r.id));
        writer.add({ acked, rejected });
        total.acked += acked.length;
        total.rejected += rejected.length;
        // No progress means the endpoint answered for none of them: stop rather than spin.
        if (acked.length + rejected.length === 0) {
          stalled = true;
          break;
        }
      }
      if (stalled) break;
    }
  } finally {
    // Whatever happened, the answers already received are written before the run ends.
    next.catch(() => undefined);
    await writer.settled();
  }
  return held > 0 ? { ...total, waitingForPhotos: held } : total;
}
