// Hazard events as stored, and the hazard row they update. The lifecycle rules that decide
// whether an event applies live in push/applyHazardEvent.ts and src/shared/domain.
import type { Hazard, Ring } from '../../shared/domain/schemas';
import type { HazardEvent } from '../../shared/domain/hazardEvents';
import type { Sql, Tx } from './sql/sql';

/** The hazard an event id belongs to, or null when the event is new. */
export async function eventOfId(sql: Sql, id: string): Promise<string | null> {
  return (await sql.get<{ hazard_id: string }>('SELECT hazard_id FROM hazard_events WHERE id = ?', [id]))?.hazard_id ?? null;
}

/** The property company a member works for (staff), or null. */
export async function memberCompany(sql: Sql, memberId: string): Promise<string | null> {
  return (await sql.get<{ property_company_id: string | null }>('SELECT property_company_id FROM members WHERE id = ?', [memberId]))?.property_company_id ?? null;
}

/** Every compound's outline (a few dozen rows: read each time). */
export async function compoundPolygons(sql: Sql): Promise<Array<{ id: string; polygon: Ring }>> {
  const rows = await sql.all<{ id: string; polygon: string }>('SELECT id, polygon FROM compounds ORDER BY id');
  return rows.map((row) => ({ id: row.id, polygon: JSON.parse(row.polygon) as Ring }));
}

export async function updateHazardRow(tx: Tx, h: Hazard): Promise<void> {
  await tx.run(
    `UPDATE hazards SET status = ?, assigned_company_id = ?, assigned_at = ?, resolved_at = ?, duplicate_of = ?,
       updated_at = ?, description = ?, category_id = ?, severity = ?, lat = ?, lng = ?, accuracy = ?,
       position_at = ?, compound_id = ?
     WHERE id = ?`,
    [
      h.status,
      h.assignedCompanyId,
      h.assignedAt,
      h.resolvedAt,
      h.duplicateOf,
      h.updatedAt,
      h.description,
      h.categoryId,
      h.severity,
      h.position?.lat ?? null,
      h.position?.lng ?? null,
      h.position?.accuracy ?? null,
      h.position?.at ?? null,
      h.compoundId,
      h.id,
    ],
  );
}

export async function insertEventRow(tx: Tx, e: HazardEvent): Promise<void> {
  await tx.run(
    `INSERT INTO hazard_events (id, hazard_id, type, data, at, author_id, role, status, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [e.id, e.hazardId, e.type, JSON.stringify(e.data), e.at, e.authorId, e.role, e.status, e.receivedAt],
  );
}
