// Cuts pending outbox rows into push requests: at most MAX_MUTATIONS_PER_PUSH mutations and
// MAX_PUSH_BODY_BYTES of body each, in queue order. Each body is serialized here, once, from
// the mutations' own JSON, so the sender has it ready before the previous answer arrives.
import type { OutboxRow } from '../db/db';
import { MAX_MUTATIONS_PER_PUSH, MAX_PUSH_BODY_BYTES } from '../../shared/protocol/limits';

export interface PushBatch {
  rows: OutboxRow[];
  /** The request body: {"mutations":[…]}. */
  json: string;
}

const HEAD = '{"mutations":[';
const TAIL = ']}';
const encoder = new TextEncoder();

export function packBatches(
  rows: readonly OutboxRow[],
  maxCount = MAX_MUTATIONS_PER_PUSH,
  maxBytes = MAX_PUSH_BODY_BYTES,
): PushBatch[] {
  const batches: PushBatch[] = [];
  let current: OutboxRow[] = [];
  let parts: string[] = [];
  let bytes = HEAD.length + TAIL.length;
  const close = () => {
    if (current.length > 0) batches.push({ rows: current, json: HEAD + parts.join(',') + TAIL });
    current = [];
    parts = [];
    bytes = HEAD.length + TAIL.length;
  };
  for (const row of rows) {
    const part = JSON.stringify(row.mutation);
    const partBytes = encoder.encode(part).byteLength;
    // A single mutation over the limit still goes, alone: the endpoint decides about it.
    if (current.length > 0 && (current.length >= maxCount || bytes + 1 + partBytes > maxBytes)) close();
    bytes += (current.length > 0 ? 1 : 0) + partBytes;
    current.push(row);
    parts.push(part);
  }
  close();
  return batches;
}
