// Saving a hazard: the hazard row and its outbox mutation commit in ONE transaction, so a
// hazard can never exist on the phone without the mutation that will deliver it.
import type { PatrolDb, LocalHazard, OutboxRow } from './db';
import type { Session } from './meta';
import { inState } from './outboxQueries';
import { hazardDraftSchema, type HazardDraft } from '../../shared/domain/schemas';
import type { Mutation } from '../../shared/protocol/sync';

export async function saveHazard(
  db: PatrolDb,
  session: Pick<Session, 'member'>,
  draft: HazardDraft,
  now: Date = new Date(),
): Promise<LocalHazard> {
  // Parse with the endpoint's own schema: a record the endpoint would refuse never enters the queue.
  const data = hazardDraftSchema.parse(draft);
  const hazard: LocalHazard = {
    ...data,
    reporterId: session.member.id,
    teamId: session.member.teamId,
    status: 'open',
    receivedAt: null,
  };
  const mutation: Mutation = { id: crypto.randomUUID(), type: 'hazard.create', at: now.toISOString(), data };
  await db.transaction('rw', db.hazards, db.outbox, async () => {
    // Queue order is the order of saves, even when the phone's clock is set back between two.
    const last = await inState(db, 'pending').last();
    const row: OutboxRow = {
      id: mutation.id,
      mutation,
      entityId: data.id,
      queuedAt: Math.max(now.getTime(), (last?.queuedAt ?? 0) + 1),
      state: 'pending',
      rejection: null,
    };
    await db.hazards.add(hazard);
    await db.outbox.add(row);
  });
  return hazard;
}
