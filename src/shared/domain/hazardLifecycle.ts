// The hazard lifecycle as pure functions, shared by the server (which enforces it) and the app
// (which applies its own events optimistically and hides the buttons a person may not use).
//
// Statuses and the events that move between them:
//   open ──assign──▶ assigned ──assign──▶ assigned      (reassign; assignedAt keeps the first time)
//   open | assigned ──resolve──▶ resolved                (note + ≥ 1 after photo, by the schema)
//   open | assigned ──duplicate──▶ closed_duplicate      (linked to another hazard)
//   open | assigned ──reject──▶ rejected                 (with a reason)
//   resolved | closed_duplicate | rejected ──reopen──▶ assigned if it has a company, else open
//   any status ──note──▶ same status                     ("also seen": a recurrence is news too)
//   open ──edit──▶ open                                  (description, category, severity)
//   open | assigned ──place──▶ same status               (a position set by hand on a map)
// Reopening a duplicate or a rejection undoes a lead's mistake; an assigned hazard is not
// "reopened" (it is still open work) but reassigned.
//
// Who may do what:
//   - the reporter edits while the hazard is open;
//   - admin, and the lead of the team that reported the hazard (the same scope the server uses
//     for rounds), assign, resolve, mark as duplicate, reject and reopen;
//   - property-company staff (members with a propertyCompanyId) resolve a hazard assigned to
//     their company (so a hazard a lead resolved first is `stale_status` for them, not forbidden);
//   - anyone adds a note;
//   - the reporter, their lead and admin place a hazard that has no position, or only a poor one
//     (accuracy over PLACE_IF_WORSE_THAN_M): a good GPS fix is never overwritten by a finger.
// The answer distinguishes `forbidden` (this person may never do this to this hazard as it is
// now) from `stale_status` (they may, but not from the hazard's current status: someone else
// changed it first) and `invalid` (the event contradicts itself, e.g. a self-duplicate).
import type { HazardEventDraft, HazardEventType } from './hazardEvents';
import type { Hazard, HazardStatus, Role } from './schemas';

/** The lifecycle part of a hazard: what the rules read and what events change. */
export type LifecycleHazard = Pick<
  Hazard,
  | 'id'
  | 'status'
  | 'reporterId'
  | 'teamId'
  | 'description'
  | 'categoryId'
  | 'severity'
  | 'assignedCompanyId'
  | 'assignedAt'
  | 'resolvedAt'
  | 'duplicateOf'
  | 'updatedAt'
  | 'position'
  | 'compoundId'
>;

/** A fix worse than this may be replaced by a position placed on a map (the form's "good enough"). */
export const PLACE_IF_WORSE_THAN_M = 30;
/**
 * The accuracy recorded for a position placed on a map: a pin dropped at street zoom on a phone
 * lands within about a building's width of where the person meant, so 10 m.
 */
export const PLACED_ACCURACY_M = 10;

/** Whether a hazard's position is missing or poor enough to be placed by hand. */
export function needsPlacing(hazard: Pick<Hazard, 'position'>): boolean {
  return hazard.position === null || hazard.position.accuracy > PLACE_IF_WORSE_THAN_M;
}

/** Who acts: always the server's word (token → member row), never the event's. */
export interface Actor {
  memberId: string;
  role: Role;
  teamId: string | null;
  propertyCompanyId: string | null;
}

export type Refusal = { code: 'forbidden' | 'stale_status' | 'invalid'; message: string };
export type Check = { ok: true } | ({ ok: false } & Refusal);

/** From which statuses each event may be applied. */
export const FROM_STATUSES: Readonly<Record<HazardEventType, readonly HazardStatus[]>> = {
  edit: ['open'],
  assign: ['open', 'assigned'],
  resolve: ['open', 'assigned'],
  duplicate: ['open', 'assigned'],
  reject: ['open', 'assigned'],
  reopen: ['resolved', 'closed_duplicate', 'rejected'],
  note: ['open', 'assigned', 'resolved', 'closed_duplicate', 'rejected'],
  place: ['open', 'assigned'],
};

type EventLike = Pick<HazardEventDraft, 'type'> & Partial<Pick<HazardEventDraft, 'data'>>;

/** Leads act on their own team's hazards; admin on all. */
export function managesHazard(hazard: Pick<Hazard, 'teamId'>, actor: Actor): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'lead' && actor.teamId !== null && actor.teamId === hazard.teamId;
}

/** Staff of the company the hazard is (or was last) assigned to; the status is checked apart. */
export function staffOfAssignee(hazard: Pick<Hazard, 'assignedCompanyId'>, actor: Actor): boolean {
  return actor.propertyCompanyId !== null && hazard.assignedCompanyId === actor.propertyCompanyId;
}

/** Whether the actor's role and relation to the hazard allow this kind of event at all. */
function permitted(hazard: LifecycleHazard, type: HazardEventType, actor: Actor): boolean {
  switch (type) {
    case 'note':
      return true;
    case 'edit':
      return hazard.reporterId === actor.memberId;
    case 'place':
      return hazard.reporterId === actor.memberId || managesHazard(hazard, actor);
    case 'resolve':
      return managesHazard(hazard, actor) || staffOfAssignee(hazard, actor);
    case 'assign':
    case 'duplicate':
    case 'reject':
    case 'reopen':
      return managesHazard(hazard, actor);
  }
}

function selfContradiction(hazard: LifecycleHazard, event: EventLike): string | null {
  if (!event.data) return null;
  if (event.type === 'duplicate' && 'duplicateOf' in event.data && event.data.duplicateOf === hazard.id) {
    return 'a hazard cannot duplicate itself';
  }
  if (event.type === 'edit' && Object.values(event.data).every((v) => v === undefined)) {
    return 'an edit must change at least one field';
  }
  return null;
}

/** May `actor` apply `event` to `hazard` as it is now? */
export function checkEvent(hazard: LifecycleHazard, event: EventLike, actor: Actor): Check {
  const contradiction = selfContradiction(hazard, event);
  if (contradiction) return { ok: false, code: 'invalid', message: contradiction };
  if (!permitted(hazard, event.type, actor)) {
    return { ok: false, code: 'forbidden', message: `a ${actor.role} may not ${event.type} hazard ${hazard.id}` };
  }
  if (!FROM_STATUSES[event.type].includes(hazard.status)) {
    return { ok: false, code: 'stale_status', message: `cannot ${event.type} a hazard that is ${hazard.status}` };
  }
  // Someone placed it (or a good fix arrived) first: like a status change, no longer valid.
  if (event.type === 'place' && !needsPlacing(hazard)) {
    return { ok: false, code: 'stale_status', message: `hazard ${hazard.id} already has a position within ${PLACE_IF_WORSE_THAN_M} m` };
  }
  return { ok: true };
}

/** The event types this actor may apply now: the buttons a screen shows. */
export function allowedEvents(hazard: LifecycleHazard, actor: Actor): HazardEventType[] {
  const types: HazardEventType[] = ['edit', 'assign', 'resolve', 'reopen', 'duplicate', 'reject', 'note', 'place'];
  return types.filter((type) => checkEvent(hazard, { type }, actor).ok);
}

/** The hazard after the event; `at` is when the change was applied (the server's clock there). */
export function applyEvent<H extends LifecycleHazard>(hazard: H, event: HazardEventDraft, at: string): H {
  const next: H = { ...hazard, updatedAt: at };
  switch (event.type) {
    case 'edit': {
      const { description, categoryId, severity } = event.data;
      if (description !== undefined) next.description = description;
      if (categoryId !== undefined) next.categoryId = categoryId;
      if (severity !== undefined) next.severity = severity;
      return next;
    }
    case 'assign':
      return {
        ...next,
        status: 'assigned',
        assignedCompanyId: event.data.propertyCompanyId,
        assignedAt: hazard.assignedAt ?? event.at,
      };
    case 'resolve':
      return { ...next, status: 'resolved', resolvedAt: event.at };
    case 'duplicate':
      return { ...next, status: 'closed_duplicate', duplicateOf: event.data.duplicateOf };
    case 'reject':
      return { ...next, status: 'rejected' };
    case 'reopen':
      return {
        ...next,
        status: hazard.assignedCompanyId ? 'assigned' : 'open',
        resolvedAt: null,
        duplicateOf: null,
      };
    case 'note':
      return next;
    case 'place':
      return { ...next, position: event.data.position, compoundId: event.data.compoundId };
  }
}
