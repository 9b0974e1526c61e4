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

/** Inserts the hazard and publishes it to every member's pull. */
export function insertHazard(db: Db, hazard: Hazard): void {
  statement(
    db,
    `INSERT INTO hazards (id, category_id, severity, description, lat, lng, accuracy, position_at,
       compound_id, round_id, created_at, reporter_id, team_id, status, received_at)
     VALUES (@id, @categoryId, @severity, @description, @lat, @lng, @accuracy, @positionAt,
       @compoundId, @roundId, @createdAt, @reporterId, @teamId, @status, @receivedAt)`,
  ).run({
    id: hazard.id,
    categoryId: hazard.categoryId,
    severity: hazard.severity,
    description: hazard.description,
    lat: hazard.position?.lat ?? null,
    lng: hazard.position?.lng ?? null,
    accuracy: hazard.position?.accuracy ?? null,
    positionAt: hazard.position?.at ?? null,
    compoundId: hazard.compoundId,
    roundId: hazard.roundId,
    createdAt: hazard.createdAt,
    reporterId: hazard.reporterId,
    teamId: hazard.teamId,
    status: hazard.status,
    receivedAt: hazard.receivedAt,
  });
  writeChange(db, { entity: 'hazard', op: 'put', id: hazard.id, data: hazard }, 'all');
}

export function categoryExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM categories WHERE id = ?').get(id) !== undefined;
}

export function compoundExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM compounds WHERE id = ?').get(id) !== undefined;
}
