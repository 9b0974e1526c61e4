// Puts a mutation in the outbox. Call it inside the transaction that writes the record it
// delivers, so the two commit together or not at all.
import type { OutboxRow, PatrolDb } from './db';
import { inState } from './outboxQueries';
import type { Mutation } from '../../shared/protocol/sync';

type MutationOf<T extends Mutation['type']> = Extract<Mutation, { type: T }>;

export function newMutation<T extends Mutation['type']>(type: T, data: MutationOf<T>['data'], now: Date): MutationOf<T> {
  return { id: crypto.randomUUID(), type, at: now.toISOString(), data } as MutationOf<T>;
}

export async function queueMutation(db: PatrolDb, mutation: Mutation, entityId: string, now: Date): Promise<void> {
  // Queue order is the order of writes, even when the phone's clock is set back between two.
  const last = await inState(db, 'pending').last();
  const row: OutboxRow = {
    id: mutation.id,
    mutation,
    entityId,
    queuedAt: Math.max(now.getTime(), (last?.queuedAt ?? 0) + 1),
    state: 'pending',
    rejection: null,
  };
  await db.outbox.add(row);
}
