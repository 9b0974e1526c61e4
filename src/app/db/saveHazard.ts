// Saving a hazard: the hazard row and its outbox mutation commit in ONE transaction, so a
// hazard can never exist on the phone without the mutation that will deliver it.
import type { PatrolDb, LocalHazard } from './db';
import type { Session } from './meta';
import { newMutation, queueMutation } from './queueMutation';
import { NEW_HAZARD_LIFECYCLE, hazardDraftSchema, type HazardDraft } from '../../shared/domain/schemas';

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
    ...NEW_HAZARD_LIFECYCLE,
  };
  await db.transaction('rw', db.hazards, db.outbox, async () => {
    await db.hazards.add(hazard);
    await queueMutation(db, newMutation('hazard.create', data, now), data.id, now);
  });
  return hazard;
}
