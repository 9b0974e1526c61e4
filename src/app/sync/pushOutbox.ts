// Sends pending outbox mutations in batches, in queue order. A mutation leaves the outbox only
// when its id comes back in `acked`; `rejected` ones stay, marked, for the member to see.
import type { PatrolDb } from '../db/db';
import { inState } from '../db/outboxQueries';
import { MAX_MUTATIONS_PER_PUSH, pushResponseSchema } from '../../shared/protocol/sync';
import { requestJson, type EndpointConfig } from './requestJson';

// The protocol's maximum: fewer round trips, and one IndexedDB transaction per 500 acks.
export const PUSH_BATCH_SIZE = MAX_MUTATIONS_PER_PUSH;

export interface PushResult {
  acked: number;
  rejected: number;
}

export async function pushOutbox(
  db: PatrolDb,
  config: EndpointConfig,
  signal?: AbortSignal,
): Promise<PushResult> {
  const total: PushResult = { acked: 0, rejected: 0 };
  for (;;) {
    const batch = await inState(db, 'pending').limit(PUSH_BATCH_SIZE).toArray();
    if (batch.length === 0) return total;

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
