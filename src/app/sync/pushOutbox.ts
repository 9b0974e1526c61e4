// Sends pending outbox mutations in batches, in queue order. A mutation leaves the outbox only
// when its id comes back in `acked`; `rejected` ones stay, marked, for the member to see.
// A mutation naming a photo the endpoint does not hold yet waits (uploadPhotos runs first), and
// so does every later mutation of the same record, to keep each record's order; other records go.
import type { OutboxRow, PatrolDb } from '../db/db';
import { photoIdsOf } from './photoIdsOf';
import { pushResponseSchema, type ReceivedPushResponse, type ReceivedRejection } from '../../shared/protocol/sync';
import { MAX_MUTATIONS_PER_PUSH } from '../../shared/protocol/limits';
import { usableId } from '../../shared/protocol/checkMutation';
import { request, type EndpointConfig } from './request';
import { packBatches } from './packBatches';

// The protocol's maximum: fewer round trips, and fewer IndexedDB transactions for the acks.
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

// Rows read per IndexedDB read: several batches, so reads are few and each runs well ahead of
// the sends that need it.
const READ_WINDOW = 2 * PUSH_BATCH_SIZE;

/** The next window of pending rows after queue position `after`. */
function readWindow(db: PatrolDb, after: number, size = READ_WINDOW): Promise<OutboxRow[]> {
  return db.outbox
    .where('[state+seq]')
    .between(['pending', after], ['pending', Infinity], false, true)
    .limit(size)
    .toArray();
}

type Refused = Omit<ReceivedRejection, 'id'> & { seq: number };

/**
 * Acked rows leave the outbox as key ranges: each maximal run of rows, in queue order, that
 * were all acked is one range delete. Rows between them that were not acked (held for
 * photos, refused, refused earlier) are read from the store itself, so a range never spans one.
 */
async function deleteAcked(db: PatrolDb, seqs: number[]): Promise<void> {
  if (seqs.length === 0) return;
  seqs.sort((a, b) => a - b);
  const acked = new Set(seqs);
  const present = (await db.outbox.where(':id').between(seqs[0]!, seqs[seqs.length - 1]!, true, true).primaryKeys()) as number[];
  let start = -1;
  for (let i = 0; i <= present.length; i++) {
    const inRun = i < present.length && acked.has(present[i]!);
    if (inRun && start < 0) start = i;
    if (!inRun && start >= 0) {
      await db.outbox.where(':id').between(present[start]!, present[i - 1]!, true, true).delete();
      start = -1;
    }
  }
}

/** Records the endpoint's answer: acked rows leave the outbox, rejected ones are marked. */
function recordAnswer(db: PatrolDb, acked: number[], rejected: Refused[]): Promise<void> {
  return db.transaction('rw', db.outbox, async () => {
    await deleteAcked(db, acked);
    for (const { seq, code, message } of rejected) {
      await db.outbox.update(seq, { state: 'rejected', rejection: { code, message } });
    }
  });
}

type Answer = { acked: number[]; rejected: Refused[] };

/**
 * Only ids we actually sent count: an ack for anything else is ignored. Rows are known by the
 * id their mutation carries, the one the endpoint answers with; a mutation with no usable id
 * (a damaged row) is refused under id '', in batch order, so those go to such rows in order.
 */
function matchAnswer(batch: readonly OutboxRow[], response: ReceivedPushResponse): Answer {
  const sent = new Map<string, number>();
  const nameless: number[] = [];
  for (const row of batch) {
    const id = usableId(row.mutation);
    if (id === '') nameless.push(row.seq!);
    else sent.set(id, row.seq!);
  }
  const acked = response.acked.flatMap((id) => (sent.has(id) ? [sent.get(id)!] : []));
  const rejected = response.rejected.flatMap(({ id, code, message }) => {
    const seq = id === '' ? nameless.shift() : sent.get(id);
    return seq === undefined ? [] : [{ seq, code, message }];
  });
  return { acked, rejected };
}

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
 * Pipelined. Rows are read a window (several batches) at a time, and the next window is read
 * as soon as the current one arrives, before any of its acks are queued as writes (IndexedDB
 * would run a later read behind them); answers are written behind the requests, in order,
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
  // The read cursor: the queue position of the last row read.
  let after = -Infinity;
  const writer = answerWriter(db);
  // The first window is one batch, so the first request leaves without waiting for a whole window.
  let next = readWindow(db, after, PUSH_BATCH_SIZE);
  try {
    for (;;) {
      const window = await next;
      if (window.length === 0) break;
      after = window[window.length - 1]!.seq!;
      next = readWindow(db, after);
      const split = await readyToSend(db, window, blocked);
      held += split.held;
      const batches = packBatches(split.ready);
      let stalled = false;
      for (const { rows: batch, json } of batches) {
        const response = await request(config, '/api/v1/sync/push', { method: 'POST', body: { jsonText: json }, expect: pushResponseSchema, signal });
        // A failed write stops the run; the finally below rethrows it.
        if (writer.failed) return total;

        const { acked, rejected } = matchAnswer(batch, response);
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
