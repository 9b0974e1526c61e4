// One lifecycle event on a hazard, applied inside applyPush's transaction. Events apply in arrival order against the hazard as the server has it NOW, so of two
// phones that changed the same hazard offline, the second status change is checked against the
// first one's result (stale_status when no longer valid) and the later field edit wins.
// Who acts is the token's member row, never the body. A `place` event's compound is the server's
// own answer from its compound polygons; the phone's guess is replaced before anything is stored.
// Photos named by resolve/note events must already be on the endpoint (the sync engine uploads a
// record's photos before pushing it), else the event is refused as invalid.
import type { Caller } from '../auth/caller';
import type { Sql, Tx } from '../store/sql/sql';
import { photoHeld } from '../store/facts';
import { markPhotosReferenced } from '../store/photos';
import { categoryExists, hazardCommunity, propertyCompanyOfStreet, publishHazard, publishToFollowers, readHazard } from '../store/hazards';
import { compoundPolygons, eventOfId, insertEventRow, memberCompany, updateHazardRow } from '../store/hazardEvents';
import type { HazardEventMutation } from '../../shared/protocol/sync';
import type { HazardEvent, HazardEventDraft } from '../../shared/domain/hazardEvents';
import { applyEvent, checkEvent, type Actor } from '../../shared/domain/hazardLifecycle';
import { findCompound } from '../../shared/geo/pointInPolygon';
import { invalid, quote, type Refusal } from './refusal';

async function actorOf(sql: Sql, by: Caller): Promise<Actor> {
  return { memberId: by.memberId, role: by.role, teamId: by.teamId, propertyCompanyId: await memberCompany(sql, by.memberId) };
}

const eventPhotoIds = (event: HazardEventDraft): string[] =>
  'photoIds' in event.data && Array.isArray(event.data.photoIds) ? (event.data.photoIds as string[]) : [];

/** What the event names besides its hazard must exist: a company, a category, an original. */
async function referencesRefusal(sql: Sql, event: HazardEventDraft, by: Caller): Promise<Refusal | null> {
  if (event.type === 'assign' && !(await propertyCompanyOfStreet(sql, event.data.propertyCompanyId, by.streetId))) {
    return invalid(`unknown propertyCompanyId ${quote(event.data.propertyCompanyId)}`);
  }
  if (event.type === 'edit' && event.data.categoryId !== undefined && !(await categoryExists(sql, event.data.categoryId))) {
    return invalid(`unknown categoryId ${quote(event.data.categoryId)}`);
  }
  // Before and after photos must be on the endpoint: a resolve whose photo never arrived would
  // show a fix nobody can see.
  let missing: string | undefined;
  for (const id of eventPhotoIds(event)) if (missing === undefined && !(await photoHeld(sql, id))) missing = id;
  if (missing !== undefined) return invalid(`data.data.photoIds: photo ${missing} is not on the endpoint: upload it first`);
  if (event.type === 'duplicate') {
    const original = await readHazard(sql, event.data.duplicateOf);
    if (!original || (await hazardCommunity(sql, original.id)) !== (await hazardCommunity(sql, event.hazardId))) return invalid(`unknown duplicateOf ${quote(event.data.duplicateOf)}`);
    // Point at the original, never at another duplicate: chains and cycles stay impossible.
    if (original.status === 'closed_duplicate') {
      return invalid(`${quote(original.id)} is itself a duplicate of ${quote(original.duplicateOf ?? '')}`);
    }
  }
  return null;
}

/** The event as the server stores it: a placement names the compound the server found. */
async function withServerFacts(sql: Sql, event: HazardEventDraft): Promise<HazardEventDraft> {
  if (event.type !== 'place') return event;
  const { lat, lng } = event.data.position;
  const compoundId = findCompound(lng, lat, await compoundPolygons(sql))?.id ?? null;
  return { ...event, data: { ...event.data, compoundId } };
}

export async function applyHazardEvent(tx: Tx, m: HazardEventMutation, by: Caller, now: string): Promise<Refusal | null> {
  const event = await withServerFacts(tx, m.data);
  // The same event sent again under a new mutation id (e.g. a re-created outbox) changes nothing.
  const knownHazard = await eventOfId(tx, event.id);
  if (knownHazard !== null) return knownHazard === event.hazardId ? null : invalid(`event ${quote(event.id)} belongs to another hazard`);
  const hazard = await readHazard(tx, event.hazardId);
  const communityId = hazard ? await hazardCommunity(tx, hazard.id) : null;
  // Another community's hazard is as unknown as a missing one, unless it is assigned to the
  // caller's company (its staff act on it from wherever it is).
  const follows = hazard !== null && (communityId === by.communityId || (by.propertyCompanyId !== null && hazard.assignedCompanyId === by.propertyCompanyId));
  if (!hazard || !follows || communityId === null) return invalid(`unknown hazardId ${quote(event.hazardId)}: push its hazard.create first`);
  const check = checkEvent(hazard, event, await actorOf(tx, by));
  if (!check.ok) return { code: check.code, message: check.message };
  const refusal = await referencesRefusal(tx, event, by);
  if (refusal) return refusal;

  const next = applyEvent(hazard, event, now);
  const accepted: HazardEvent = { ...event, authorId: by.memberId, role: by.role, status: next.status, receivedAt: now };
  await updateHazardRow(tx, next);
  await insertEventRow(tx, accepted);
  await markPhotosReferenced(tx, [{ hazardId: hazard.id, photoIds: eventPhotoIds(event) }], now);
  // The event first, then the hazard: a puller that sees the new hazard has the event too.
  publishToFollowers(tx, { entity: 'hazardEvent', op: 'put', id: accepted.id, data: accepted }, communityId, [next.assignedCompanyId, hazard.assignedCompanyId]);
  publishHazard(tx, next, communityId, hazard.assignedCompanyId);
  return null;
}
