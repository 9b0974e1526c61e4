// Saving a lifecycle event: the event, the hazard as it now looks (optimistic), the event's
// photos and the outbox mutation commit in ONE transaction. The outbox row's entityId is the
// hazard's id, so lists show the hazard as waiting or refused.
import type { LocalHazardEvent, PatrolDb, PhotoRow } from './db';
import type { Session } from './meta';
import { newMutation, queueMutation } from './queueMutation';
import { baseOf, rebaseHazard, type HazardRow } from './hazardRebase';
import { hazardEventDraftSchema, type HazardEventDraft } from '../../shared/domain/hazardEvents';
import { applyEvent, checkEvent, type Actor, type Refusal } from '../../shared/domain/hazardLifecycle';

/** The phone refuses what the endpoint would refuse, in the same words. */
export class LifecycleRefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'LifecycleRefusedError';
  }
}

/** Who is acting on this phone: the session's member, with their company from the roster. */
export async function actorOnThisPhone(db: PatrolDb, session: Pick<Session, 'member'>): Promise<Actor> {
  const member = await db.members.get(session.member.id);
  return {
    memberId: session.member.id,
    role: member?.role ?? session.member.role,
    teamId: member?.teamId ?? session.member.teamId,
    propertyCompanyId: member?.propertyCompanyId ?? null,
  };
}

export async function saveHazardEvent(
  db: PatrolDb,
  actor: Actor,
  draft: HazardEventDraft,
  photos: readonly PhotoRow[] = [],
  now: Date = new Date(),
): Promise<LocalHazardEvent> {
  // Parse with the endpoint's own schema: an event the endpoint would refuse never enters the queue.
  const data = hazardEventDraftSchema.parse(draft);
  let saved: LocalHazardEvent | undefined;
  await db.transaction('rw', [db.hazards, db.hazardEvents, db.photos, db.outbox], async () => {
    const row: HazardRow | undefined = await db.hazards.get(data.hazardId);
    if (!row) throw new LifecycleRefusedError({ code: 'invalid', message: `no hazard ${data.hazardId} on this phone` });
    const check = checkEvent(row, data, actor);
    if (!check.ok) throw new LifecycleRefusedError(check);
    const next = applyEvent(row, data, now.toISOString());
    const shown: HazardRow = { ...next, confirmed: baseOf(row) };
    await db.hazards.put(shown);
    saved = { ...data, authorId: actor.memberId, role: actor.role, status: next.status, receivedAt: null };
    await db.hazardEvents.add(saved);
    // Photos are content-addressed and immutable: one already stored is left as it is.
    const known = new Set((await db.photos.bulkGet(photos.map((p) => p.id))).flatMap((p) => (p ? [p.id] : [])));
    await db.photos.bulkAdd(photos.filter((p) => !known.has(p.id)));
    await queueMutation(db, newMutation('hazard.event', data, now), data.hazardId, now);
  });
  return saved!;
}

/** The author lets go of a refused event: it leaves the outbox and the history, with its photos. */
export async function dismissRefusedEvent(db: PatrolDb, outboxId: string): Promise<void> {
  await db.transaction('rw', [db.hazards, db.hazardEvents, db.photos, db.outbox], async () => {
    const row = await db.outbox.get({ id: outboxId });
    if (!row || row.state !== 'rejected' || row.mutation.type !== 'hazard.event') return;
    const event = row.mutation.data;
    await db.outbox.delete(row.seq!);
    await db.hazardEvents.delete(event.id);
    await db.photos.where('hazardId').equals(event.hazardId).filter((p) => p.eventId === event.id && p.uploaded === 0).delete();
    await rebaseHazard(db, event.hazardId);
  });
}
