// Puts a mutation in the outbox. Call it inside the transaction that writes the record it
// delivers, so the two commit together or not at all.
import type { OutboxRow, PatrolDb } from './db';
import type { Mutation } from '../../shared/protocol/sync';
import { newId } from '../../shared/ids';

type MutationOf<T extends Mutation['type']> = Extract<Mutation, { type: T }>;

export function newMutation<T extends Mutation['type']>(type: T, data: MutationOf<T>['data'], now: Date): MutationOf<T> {
  return { id: newId(), type, at: now.toISOString(), data } as MutationOf<T>;
}

export async function queueMutation(db: PatrolDb, mutation: Mutation, entityId: string, now: Date): Promise<void> {
  // Queue order is the order of writes (IndexedDB numbers the rows as they are added), so a
  // clock set back between two saves cannot reorder them.
  const row: OutboxRow = { id: mutation.id, mutation, entityId, queuedAt: now.getTime(), state: 'pending', rejection: null };
  await db.outbox.add(row);
}
