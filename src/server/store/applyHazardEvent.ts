// One lifecycle event on a hazard, applied inside applyPush's transaction (nothing here may
// await). Events apply in arrival order against the hazard as the server has it NOW, so of two
// phones that changed the same hazard offline, the second status change is checked against the
// first one's result (stale_status when no longer valid) and the later field edit wins.
// Who acts is the token's member row, never the body. A `place` event's compound is the server's
// own answer from its compound polygons; the phone's guess is replaced before anything is stored.
// Photos named by resolve/note events must already be on the endpoint (the sync engine uploads a
// record's photos before pushing it), else the event is refused as invalid.
import type Database from 'better-sqlite3';
import { statement } from './statements';
import { photoHeld } from './facts';
import { markPhotosReferenced } from './photos';
import { writeChange } from './changes';
import { categoryExists, propertyCompanyExists, readHazard } from './hazards';
import type { HazardEventMutation } from '../../shared/protocol/sync';
import type { Hazard } from '../../shared/domain/schemas';
import type { HazardEvent, HazardEventDraft } from '../../shared/domain/hazardEvents';
import { applyEvent, checkEvent, type Actor } from '../../shared/domain/hazardLifecycle';
import { findCompound } from '../../shared/geo/pointInPolygon';
import type { Ring } from '../../shared/domain/schemas';
import type { Pusher, Refusal } from './applyPush';

type Db = Database.Database;

const invalid = (message: string): Refusal => ({ code: 'invalid', message });
const quote = (s: string) => JSON.stringify(s);

function actorOf(db: Db, by: Pusher): Actor {
  const company = statement<[string], { property_company_id: string | null }>(
    db,
    'SELECT property_company_id FROM members WHERE id = ?',
  ).get(by.memberId);
  return { memberId: by.memberId, role: by.role, teamId: by.teamId, propertyCompanyId: company?.property_company_id ?? null };
}

const eventPhotoIds = (event: HazardEventDraft): string[] =>
  'photoIds' in event.data && Array.isArray(event.data.photoIds) ? (event.data.photoIds as string[]) : [];

/** What the event names besides its hazard must exist: a company, a category, an original. */
function referencesRefusal(db: Db, event: HazardEventDraft): Refusal | null {
  if (event.type === 'assign' && !propertyCompanyExists(db, event.data.propertyCompanyId)) {
    return invalid(`unknown propertyCompanyId ${quote(event.data.propertyCompanyId)}`);
  }
  if (event.type === 'edit' && event.data.categoryId !== undefined && !categoryExists(db, event.data.categoryId)) {
    return invalid(`unknown categoryId ${quote(event.data.categoryId)}`);
  }
  // Before and after photos must be on the endpoint: a resolve whose photo never arrived would
  // show a fix nobody can see.
  const missing = eventPhotoIds(event).find((id) => !photoHeld(db, id));
  if (missing !== undefined) return invalid(`data.data.photoIds: photo ${missing} is not on the endpoint: upload it first`);
  if (event.type === 'duplicate') {
    const original = readHazard(db, event.data.duplicateOf);
    if (!original) return invalid(`unknown duplicateOf ${quote(event.data.duplicateOf)}`);
    // Point at the original, never at another duplicate: chains and cycles stay impossible.
    if (original.status === 'closed_duplicate') {
      return invalid(`${quote(original.id)} is itself a duplicate of ${quote(original.duplicateOf ?? '')}`);
    }
  }
  return null;
}

/** The compound holding a point, by the server's polygons (a few dozen rows: read each time). */
function compoundAt(db: Db, lat: number, lng: number): string | null {
  const rows = statement<[], { id: string; polygon: string }>(db, 'SELECT id, polygon FROM compounds ORDER BY id').all();
  const compounds = rows.map((row) => ({ id: row.id, polygon: JSON.parse(row.polygon) as Ring }));
  return findCompound(lng, lat, compounds)?.id ?? null;
}

/** The event as the server stores it: a placement names the compound the server found. */
function withServerFacts(db: Db, event: HazardEventDraft): HazardEventDraft {
  if (event.type !== 'place') return event;
  const { lat, lng } = event.data.position;
  return { ...event, data: { ...event.data, compoundId: compoundAt(db, lat, lng) } };
}

function updateHazardRow(db: Db, h: Hazard): void {
  statement(
    db,
    `UPDATE hazards SET status = @status, assigned_company_id = @assignedCompanyId, assigned_at = @assignedAt,
       resolved_at = @resolvedAt, duplicate_of = @duplicateOf, updated_at = @updatedAt,
       description = @description, category_id = @categoryId, severity = @severity,
       lat = @lat, lng = @lng, accuracy = @accuracy, position_at = @positionAt, compound_id = @compoundId
     WHERE id = @id`,
  ).run({
    id: h.id,
    status: h.status,
    assignedCompanyId: h.assignedCompanyId,
    assignedAt: h.assignedAt,
    resolvedAt: h.resolvedAt,
    duplicateOf: h.duplicateOf,
    updatedAt: h.updatedAt,
    description: h.description,
    categoryId: h.categoryId,
    severity: h.severity,
    lat: h.position?.lat ?? null,
    lng: h.position?.lng ?? null,
    accuracy: h.position?.accuracy ?? null,
    positionAt: h.position?.at ?? null,
    compoundId: h.compoundId,
  });
}

export function insertEventRow(db: Db, e: HazardEvent): void {
  statement(
    db,
    `INSERT INTO hazard_events (id, hazard_id, type, data, at, author_id, role, status, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.id, e.hazardId, e.type, JSON.stringify(e.data), e.at, e.authorId, e.role, e.status, e.receivedAt);
}

export function applyHazardEvent(db: Db, m: HazardEventMutation, by: Pusher, now: string): Refusal | null {
  const event = withServerFacts(db, m.data);
  // The same event sent again under a new mutation id (e.g. a re-created outbox) changes nothing.
  const known = statement<[string], { hazard_id: string }>(db, 'SELECT hazard_id FROM hazard_events WHERE id = ?').get(event.id);
  if (known) return known.hazard_id === event.hazardId ? null : invalid(`event ${quote(event.id)} belongs to another hazard`);
  const hazard = readHazard(db, event.hazardId);
  if (!hazard) return invalid(`unknown hazardId ${quote(event.hazardId)}: push its hazard.create first`);
  const check = checkEvent(hazard, event, actorOf(db, by));
  if (!check.ok) return { code: check.code, message: check.message };
  const refusal = referencesRefusal(db, event);
  if (refusal) return refusal;

  const next = applyEvent(hazard, event, now);
  const accepted: HazardEvent = { ...event, authorId: by.memberId, role: by.role, status: next.status, receivedAt: now };
  updateHazardRow(db, next);
  insertEventRow(db, accepted);
  markPhotosReferenced(db, eventPhotoIds(event), now);
  // The event first, then the hazard: a puller that sees the new hazard has the event too.
  writeChange(db, { entity: 'hazardEvent', op: 'put', id: accepted.id, data: accepted }, 'all');
  writeChange(db, { entity: 'hazard', op: 'put', id: next.id, data: next }, 'all');
  return null;
}
