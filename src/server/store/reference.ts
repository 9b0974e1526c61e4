// Writes reference data (teams, companies, compounds, categories, members). Each write also puts
// the entity's latest state in the pull log, in the scopes of those who need it: a community's
// teams, compounds and members in the community's scope (a compound also in its property
// company's, so the company's staff can name it), the street's companies and street-level people
// in the street's, categories everywhere.
import type { Category, Compound, Member, PropertyCompany, Team } from '../../shared/domain/schemas';
import type { SqlValue, Tx } from './sql/sql';
import { communityScope, companyScope, GLOBAL_SCOPE, streetScope } from './scopes';

/** An upsert, not INSERT OR REPLACE: REPLACE deletes first, which foreign keys refuse. */
async function upsert(tx: Tx, table: string, row: Record<string, SqlValue>): Promise<void> {
  const columns = Object.keys(row);
  const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  await tx.run(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
    Object.values(row),
  );
}

export async function putTeam(tx: Tx, team: Team, communityId: string): Promise<void> {
  await upsert(tx, 'teams', { id: team.id, name_zh: team.name.zh, name_en: team.name.en, community_id: communityId });
  tx.publish({ entity: 'team', op: 'put', id: team.id, data: team }, communityScope(communityId));
}

export async function putPropertyCompany(tx: Tx, company: PropertyCompany, streetId: string): Promise<void> {
  await upsert(tx, 'property_companies', { id: company.id, name_zh: company.name.zh, name_en: company.name.en, street_id: streetId });
  tx.publish({ entity: 'propertyCompany', op: 'put', id: company.id, data: company }, streetScope(streetId));
}

export async function putCompound(tx: Tx, compound: Compound, communityId: string): Promise<void> {
  await upsert(tx, 'compounds', {
    id: compound.id,
    name_zh: compound.name.zh,
    name_en: compound.name.en,
    polygon: JSON.stringify(compound.polygon),
    property_company_id: compound.propertyCompanyId,
    community_id: communityId,
  });
  const change = { entity: 'compound', op: 'put', id: compound.id, data: compound } as const;
  tx.publish(change, communityScope(communityId));
  tx.publish(change, companyScope(compound.propertyCompanyId));
}

export async function putCategory(tx: Tx, category: Category): Promise<void> {
  await upsert(tx, 'categories', { id: category.id, name_zh: category.name.zh, name_en: category.name.en, sort: category.sort });
  tx.publish({ entity: 'category', op: 'put', id: category.id, data: category }, GLOBAL_SCOPE);
}

/** Where a member belongs: a community, or (street admins, company staff) only the street. */
export interface MemberPlace {
  communityId: string | null;
  streetId: string;
}

/** The change data is exactly memberSchema: nothing about devices or tokens. */
export async function putMember(tx: Tx, member: Member, place: MemberPlace): Promise<void> {
  await upsert(tx, 'members', {
    id: member.id,
    name: member.name,
    team_id: member.teamId,
    role: member.role,
    property_company_id: member.propertyCompanyId,
    active: member.active ? 1 : 0,
    community_id: place.communityId,
    street_id: place.streetId,
  });
  const change = { entity: 'member', op: 'put', id: member.id, data: member } as const;
  tx.publish(change, place.communityId === null ? streetScope(place.streetId) : communityScope(place.communityId));
}
