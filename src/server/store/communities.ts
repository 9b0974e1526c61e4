// Streets and their communities. Every database has at least one of each: a database from before
// there were streets became community-1 of street-1 (store/sqlite/migrations.ts, version 9).
import type { Sql, Tx } from './sql/sql';
import type { LocalizedName } from '../../shared/domain/schemas';
import type { Place } from '../../shared/protocol/sync';

export const DEFAULT_STREET = 'street-1';
export const DEFAULT_COMMUNITY = 'community-1';

export interface CommunityRow {
  id: string;
  streetId: string;
  name: LocalizedName;
  /** Its own zone, or null to follow the street's. */
  timeZone: string | null;
}

interface Row {
  id: string;
  street_id: string;
  name_zh: string;
  name_en: string;
  time_zone: string | null;
}

const toCommunity = (r: Row): CommunityRow => ({ id: r.id, streetId: r.street_id, name: { zh: r.name_zh, en: r.name_en }, timeZone: r.time_zone });

export async function putStreet(tx: Tx, street: { id: string; name: LocalizedName; timeZone: string }): Promise<void> {
  await tx.run(
    `INSERT INTO streets (id, name_zh, name_en, time_zone) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, time_zone = excluded.time_zone`,
    [street.id, street.name.zh, street.name.en, street.timeZone],
  );
}

export async function putCommunity(tx: Tx, community: CommunityRow): Promise<void> {
  await tx.run(
    `INSERT INTO communities (id, street_id, name_zh, name_en, time_zone) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, time_zone = excluded.time_zone`,
    [community.id, community.streetId, community.name.zh, community.name.en, community.timeZone],
  );
}

export async function listCommunities(sql: Sql, streetId: string): Promise<CommunityRow[]> {
  return (await sql.all<Row>('SELECT id, street_id, name_zh, name_en, time_zone FROM communities WHERE street_id = ? ORDER BY id', [streetId])).map(toCommunity);
}

/** A community of the street, or null (another street's is as unknown as a missing one). */
export async function findCommunity(sql: Sql, id: string, streetId: string): Promise<CommunityRow | null> {
  const row = await sql.get<Row>('SELECT id, street_id, name_zh, name_en, time_zone FROM communities WHERE id = ? AND street_id = ?', [id, streetId]);
  return row ? toCommunity(row) : null;
}

/** The community a street office drills down into (?community=): one of its street's, else null. */
export async function drillDown(sql: Sql, caller: { streetId: string }, asked: string | undefined): Promise<string | null> {
  return asked !== undefined && (await findCommunity(sql, asked, caller.streetId)) ? asked : null;
}

/** The zone a community counts its weeks in: its own, else its street's. */
export async function communityZone(sql: Sql, communityId: string): Promise<string | null> {
  const row = await sql.get<{ zone: string }>(
    'SELECT COALESCE(c.time_zone, s.time_zone) AS zone FROM communities c JOIN streets s ON s.id = c.street_id WHERE c.id = ?',
    [communityId],
  );
  return row?.zone ?? null;
}

export async function streetZone(sql: Sql, streetId: string): Promise<string | null> {
  return (await sql.get<{ time_zone: string }>('SELECT time_zone FROM streets WHERE id = ?', [streetId]))?.time_zone ?? null;
}

/** Where a caller belongs, by name, for the phone to say (enroll answer, community config). */
export async function placeOf(sql: Sql, at: { communityId: string | null; streetId: string; propertyCompanyId: string | null }): Promise<Place> {
  const street = await sql.get<{ name_zh: string; name_en: string }>('SELECT name_zh, name_en FROM streets WHERE id = ?', [at.streetId]);
  const community = at.communityId === null ? undefined : await sql.get<{ name_zh: string; name_en: string }>('SELECT name_zh, name_en FROM communities WHERE id = ?', [at.communityId]);
  return {
    communityId: at.communityId,
    community: community ? { zh: community.name_zh, en: community.name_en } : null,
    street: { zh: street?.name_zh ?? '', en: street?.name_en ?? '' },
    propertyCompanyId: at.propertyCompanyId,
  };
}
