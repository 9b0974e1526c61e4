// Hazards as stored: the member's draft flattened into columns plus what only the server may
// say (reporter, team, status, received time). Only known columns are written, so unknown
// fields a client sends can never reach the database.
import type { Hazard } from '../../shared/domain/schemas';
import type { Sql, Tx } from './sql/sql';

const exists = async (sql: Sql, text: string, id: string) => (await sql.get(text, [id])) !== undefined;

export const hazardExists = (sql: Sql, id: string) => exists(sql, 'SELECT 1 FROM hazards WHERE id = ?', id);

/**
 * Inserts the hazard and publishes it to every member's pull. A hazard already stored (the same
 * draft sent again under a new mutation id) is left as it is: false. One statement does both the
 * check and the insert, since the primary key index is searched either way.
 */
export async function insertHazard(tx: Tx, hazard: Hazard): Promise<boolean> {
  // Positional parameters: binding a 21-key object per row cost a push more than the insert.
  const changes = await tx.run(
    `INSERT INTO hazards (id, category_id, severity, description, lat, lng, accuracy, position_at,
       compound_id, round_id, created_at, reporter_id, team_id, status, received_at, photo_ids,
       assigned_company_id, assigned_at, resolved_at, duplicate_of, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
    [
    hazard.id,
    hazard.categoryId,
    hazard.severity,
    hazard.description,
    hazard.position?.lat ?? null,
    hazard.position?.lng ?? null,
    hazard.position?.accuracy ?? null,
    hazard.position?.at ?? null,
    hazard.compoundId,
    hazard.roundId,
    hazard.createdAt,
    hazard.reporterId,
    hazard.teamId,
    hazard.status,
    hazard.receivedAt,
    JSON.stringify(hazard.photoIds),
    hazard.assignedCompanyId,
    hazard.assignedAt,
    hazard.resolvedAt,
    hazard.duplicateOf,
    hazard.updatedAt,
    ],
  );
  if (changes === 0) return false;
  tx.publish({ entity: 'hazard', op: 'put', id: hazard.id, data: hazard }, 'all');
  return true;
}

export interface HazardRow {
  id: string;
  category_id: string;
  severity: Hazard['severity'];
  description: string;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  position_at: string | null;
  compound_id: string | null;
  round_id: string | null;
  created_at: string;
  reporter_id: string;
  team_id: string | null;
  status: Hazard['status'];
  received_at: string;
  photo_ids: string;
  assigned_company_id: string | null;
  assigned_at: string | null;
  resolved_at: string | null;
  duplicate_of: string | null;
  updated_at: string | null;
}

export function hazardFromRow(row: HazardRow): Hazard {
  return {
    id: row.id,
    categoryId: row.category_id,
    severity: row.severity,
    description: row.description,
    position:
      row.lat === null || row.lng === null
        ? null
        : { lat: row.lat, lng: row.lng, accuracy: row.accuracy ?? 0, at: row.position_at ?? row.created_at },
    compoundId: row.compound_id,
    roundId: row.round_id,
    createdAt: row.created_at,
    photoIds: JSON.parse(row.photo_ids) as string[],
    reporterId: row.reporter_id,
    teamId: row.team_id,
    status: row.status,
    receivedAt: row.received_at,
    assignedCompanyId: row.assigned_company_id,
    assignedAt: row.assigned_at,
    resolvedAt: row.resolved_at,
    duplicateOf: row.duplicate_of,
    updatedAt: row.updated_at,
  };
}

export async function readHazard(sql: Sql, id: string): Promise<Hazard | null> {
  const row = await sql.get<HazardRow>('SELECT * FROM hazards WHERE id = ?', [id]);
  return row ? hazardFromRow(row) : null;
}

export const categoryExists = (sql: Sql, id: string) => exists(sql, 'SELECT 1 FROM categories WHERE id = ?', id);
export const compoundExists = (sql: Sql, id: string) => exists(sql, 'SELECT 1 FROM compounds WHERE id = ?', id);
export const propertyCompanyExists = (sql: Sql, id: string) => exists(sql, 'SELECT 1 FROM property_companies WHERE id = ?', id);
