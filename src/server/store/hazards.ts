// Hazards as stored: the member's draft flattened into columns plus what only the server may
// say (reporter, team, status, received time). Only known columns are written, so unknown
// fields a client sends can never reach the database.
import type Database from 'better-sqlite3';
import { statement } from './statements';
import type { Hazard } from '../../shared/domain/schemas';
import { writeChange } from './changes';

type Db = Database.Database;

export function hazardExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM hazards WHERE id = ?').get(id) !== undefined;
}

/**
 * Inserts the hazard and publishes it to every member's pull. A hazard already stored (the same
 * draft sent again under a new mutation id) is left as it is: false. One statement does both the
 * check and the insert, since the primary key index is searched either way.
 */
export function insertHazard(db: Db, hazard: Hazard): boolean {
  // Positional parameters: binding a 21-key object per row cost a push more than the insert.
  const { changes } = statement(
    db,
    `INSERT INTO hazards (id, category_id, severity, description, lat, lng, accuracy, position_at,
       compound_id, round_id, created_at, reporter_id, team_id, status, received_at, photo_ids,
       assigned_company_id, assigned_at, resolved_at, duplicate_of, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  ).run(
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
  );
  if (changes === 0) return false;
  writeChange(db, { entity: 'hazard', op: 'put', id: hazard.id, data: hazard }, 'all');
  return true;
}

interface HazardRow {
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

export function readHazard(db: Db, id: string): Hazard | null {
  const row = statement<[string], HazardRow>(db, 'SELECT * FROM hazards WHERE id = ?').get(id);
  return row ? hazardFromRow(row) : null;
}

export function categoryExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM categories WHERE id = ?').get(id) !== undefined;
}

export function compoundExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM compounds WHERE id = ?').get(id) !== undefined;
}

export function propertyCompanyExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM property_companies WHERE id = ?').get(id) !== undefined;
}
