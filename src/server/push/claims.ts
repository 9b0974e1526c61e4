// Claiming mutation ids: an insert that does nothing for an id already recorded. A claimed id is
// this transaction's to apply; an unclaimed one was applied before (or by a transaction that
// committed while this one waited on its row) and hears the answer recorded with it.
import type { Mutation } from '../../shared/protocol/sync';
import type { Caller } from '../auth/caller';
import type { Sql, Tx } from '../store/sql/sql';
import { insertRows } from '../store/sql/bulk';
import type { Refusal } from './refusal';

/** One mutation's answer: acked (refusal null) or refused. */
export interface Answer {
  id: string;
  refusal: Refusal | null;
}

interface AppliedRow {
  device_id: string;
  outcome: string;
  reject_code: string | null;
  reject_message: string | null;
}

export async function recordedAnswer(sql: Sql, id: string): Promise<(Answer & { deviceId: string }) | null> {
  const row = await sql.get<AppliedRow>('SELECT device_id, outcome, reject_code, reject_message FROM applied_mutations WHERE id = ?', [id]);
  if (!row) return null;
  const refusal = row.outcome === 'acked' ? null : ({ code: row.reject_code ?? 'invalid', message: row.reject_message ?? '' } as Refusal);
  return { id, refusal, deviceId: row.device_id };
}

/**
 * Claims the ids of `items` (recorded as acked until a refusal says otherwise). Returns the items
 * this transaction applies, in order; every other item's answer is written into `answers`. An id
 * twice in one batch is applied once: its later copies are returned in `copies`, to be answered
 * like the first once it has its answer.
 */
export async function claimMutations<M extends Mutation>(
  tx: Tx,
  items: ReadonlyArray<{ index: number; mutation: M }>,
  by: Caller,
  now: string,
  answers: Answer[],
): Promise<{ fresh: Array<{ index: number; mutation: M }>; copies: Array<{ index: number; first: number }> }> {
  const firstIndex = new Map<string, number>();
  const unique = items.filter((p) => !firstIndex.has(p.mutation.id) && firstIndex.set(p.mutation.id, p.index));
  const rows = unique.map((p) => [p.mutation.id, by.deviceId, p.mutation.type, now, 'acked']);
  const claimed = new Set(
    (await insertRows<{ id: string }>(tx, 'applied_mutations', ['id', 'device_id', 'type', 'applied_at', 'outcome'], rows, 'ON CONFLICT (id) DO NOTHING RETURNING id')).map((r) => r.id),
  );
  for (const p of unique) {
    if (claimed.has(p.mutation.id)) continue;
    const recorded = await recordedAnswer(tx, p.mutation.id);
    answers[p.index] = { id: p.mutation.id, refusal: recorded?.refusal ?? null };
  }
  const copies = items.filter((p) => firstIndex.get(p.mutation.id) !== p.index).map((p) => ({ index: p.index, first: firstIndex.get(p.mutation.id)! }));
  return { fresh: unique.filter((p) => claimed.has(p.mutation.id)), copies };
}

/** Records a refusal against a claimed id (claimed as acked). */
export async function recordRefusal(tx: Tx, id: string, refusal: Refusal): Promise<void> {
  await tx.run("UPDATE applied_mutations SET outcome = 'rejected', reject_code = ?, reject_message = ? WHERE id = ?", [refusal.code, refusal.message, id]);
}
