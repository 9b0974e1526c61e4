// Sends pending outbox mutations in batches, in queue order. A mutation leaves the outbox only
// when its id comes back in `acked`; `rejected` ones stay, marked, for the member to see.
// A mutation naming a photo the endpoint does not hold yet waits (uploadPhotos runs first), and
// so does every later mutation of the same record, to keep each record's order; other records go.
import type { OutboxRow, PatrolDb } from '../db/db';
import { photoIdsOf } from './photoIdsOf';
import { inState } from '../db/outboxQueries';
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

export async function pushOutbox(
  db: PatrolDb,
  config: EndpointConfig,
  signal?: AbortSignal,
): Promise<PushResult> {
  const total: PushResult = { acked: 0, rejected: 0 };
  // Held mutations stay at the head of the queue: page past them.
  let held = 0;
  const blocked = new Set<string>();
  for (;;) {
    const page = await inState(db, 'pending').offset(held).limit(PUSH_BATCH_SIZE).toArray();
    if (page.length === 0) return held > 0 ? { ...total, waitingForPhotos: held } : total;
    const split = await readyToSend(db, page, blocked);
    held += split.held;
    const batch = split.ready;
    if (batch.length === 0) continue;

    const response = await requestJson(config, '/api/v1/sync/push', pushResponseSchema, {
      method: 'POST',
      body: { mutations: batch.map((row) => row.mutation) },
      signal,
    });

    // Only ids we actually sent count: an ack for anything else is ignored.
    const sent = new Set(batch.map((row) => row.id));
    const acked = response.acked.filter((id) => sent.has(id));
    const rejected = response.rejected.filter((r) => sent.has(r.id));
    await db.transaction('rw', db.outbox, async () => {
      await db.outbox.bulkDelete(acked);
      for (const { id, code, message } of rejected) {
        await db.outbox.update(id, { state: 'rejected', rejection: { code, message } });
      }
    });
    total.acked += acked.length;
    total.rejected += rejected.length;
    // No progress means the endpoint answered for none of them: stop rather than spin.
    if (acked.length + rejected.length === 0) return total;
  }
}
