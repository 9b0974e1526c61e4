// Hazards as stored: the member's draft flattened into columns plus what only the server may
// say (reporter, team, status, received time). Only known columns are written, so unknown
// fields a client sends can never reach the database.
import type { Hazard } from '../../shared/domain/schemas';
import type { Sql, SqlValue, Tx } from './sql/sql';
import { insertRows } from './sql/bulk';
import { communityScope, companyScope } from './scopes';
import type { Change } from '../../shared/protocol/sync';

const exists = async (sql: Sql, text: string, id: string) => (await sql.get(text, [id])) !== undefined;

export const hazardExists = (sql: Sql, id: string) => exists(sql, 'SELECT 1 FROM hazards WHERE id = ?', id);

const COLUMNS = [
  'id', 'category_id', 'severity', 'description', 'lat', 'lng', 'accuracy', 'position_at', 'compound_id', 'round_id',
  'created_at', 'reporter_id', 'team_id', 'status', 'received_at', 'photo_ids', 'assigned_company_id', 'assigned_at',
  'resolved_at', 'duplicate_of', 'updated_at', 'community_id',
] as const;

const columnsOf = (hazard: Hazard, communityId: string): SqlValue[] => [
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
  communityId,
];

/**
 * Inserts hazards and publishes each new one to every member's pull. A hazard already stored (the
 * same draft sent again under a new mutation id) is left as it is. Returns the ids inserted.
 */
export async function insertHazards(tx: Tx, hazards: readonly Hazard[], communityId: string): Promise<Set<string>> {
  const rows = hazards.map((h) => columnsOf(h, communityId));
  const inserted = await insertRows<{ id: string }>(tx, 'hazards', COLUMNS, rows, 'ON CONFLICT (id) DO NOTHING RETURNING id');
  const ids = new Set(inserted.map((r) => r.id));
  // In the order given, and each once: a draft twice in one list is inserted by its first copy.
  const published = new Set<string>();
  for (const hazard of hazards) {
    if (!ids.has(hazard.id) || published.has(hazard.id)) continue;
    published.add(hazard.id);
    publishHazard(tx, hazard, communityId, null);
  }
  return ids;
}

/** One hazard: false when it was already stored. */
export async function insertHazard(tx: Tx, hazard: Hazard, communityId: string): Promise<boolean> {
  return (await insertHazards(tx, [hazard], communityId)).has(hazard.id);
}

/**
 * A hazard's (or one of its events') state to everyone who follows it: its community, and the
 * staff of the company it is assigned to; on a reassignment, the company it left too, so that
 * company's list learns it is no longer theirs.
 */
export function publishToFollowers(tx: Tx, change: Change, communityId: string, companies: ReadonlyArray<string | null>): void {
  tx.publish(change, communityScope(communityId));
  for (const company of new Set(companies)) if (company !== null) tx.publish(change, companyScope(company));
}

export function publishHazard(tx: Tx, hazard: Hazard, communityId: string, previousCompany: string | null): void {
  publishToFollowers(tx, { entity: 'hazard', op: 'put', id: hazard.id, data: hazard }, communityId, [hazard.assignedCompanyId, previousCompany]);
}

/** The community a hazard belongs to, or null when there is no such hazard. */
export async function hazardCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.get<{ community_id: string }>('SELECT community_id FROM hazards WHERE id = ?', [id]))?.community_id ?? null;
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
/** A property company of the street (another street's is as unknown as a missing one). */
export const propertyCompanyOfStreet = async (sql: Sql, id: string, streetId: string) =>
  (await sql.get('SELECT 1 FROM property_companies WHERE id = ? AND street_id = ?', [id, streetId])) !== undefined;
