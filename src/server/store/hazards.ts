// Hazards as stored: the member's draft flattened into columns plus what only the server may
// say (reporter, team, status, received time). Only known columns are written, so unknown
// fields a client sends can never reach the database.
import type { Hazard } from '../../shared/domain/schemas';
import type { Sql, SqlValue, Tx } from './sql/sql';
import { insertRows } from './sql/bulk';

const exists = async (sql: Sql, text: string, id: string) => (await sql.get(text, [id])) !== undefined;

export const hazardExists = (sql: Sql, id: string) => exists(sql, 'SELECT 1 FROM hazards WHERE id = ?', id);

const COLUMNS = [
  'id', 'category_id', 'severity', 'description', 'lat', 'lng', 'accuracy', 'position_at', 'compound_id', 'round_id',
  'created_at', 'reporter_id', 'team_id', 'status', 'received_at', 'photo_ids', 'assigned_company_id', 'assigned_at',
  'resolved_at', 'duplicate_of', 'updated_at',
] as const;

const columnsOf = (hazard: Hazard): SqlValue[] => [
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
];

/**
 * Inserts hazards and publishes each new one to every member's pull. A hazard already stored (the
 * same draft sent again under a new mutation id) is left as it is. Returns the ids inserted.
 */
export async function insertHazards(tx: Tx, hazards: readonly Hazard[]): Promise<Set<string>> {
  const inserted = await insertRows<{ id: string }>(tx, 'hazards', COLUMNS, hazards.map(columnsOf), 'ON CONFLICT (id) DO NOTHING RETURNING id');
  const ids = new Set(inserted.map((r) => r.id));
  // In the order given, and each once: a draft twice in one list is inserted by its first copy.
  const published = new Set<string>();
  for (const hazard of hazards) {
    if (!ids.has(hazard.id) || published.has(hazard.id)) continue;
    published.add(hazard.id);
    tx.publish({ entity: 'hazard', op: 'put', id: hazard.id, data: hazard }, 'all');
  }
  return ids;
}

/** One hazard: false when it was already stored. */
export async function insertHazard(tx: Tx, hazard: Hazard): Promise<boolean> {
  return (await insertHazards(tx, [hazard])).has(hazard.id);
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
