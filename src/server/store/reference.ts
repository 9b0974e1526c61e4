// Writes reference data (teams, companies, compounds, categories, members). Each write also
// puts the entity's latest state in the pull log with scope 'all': every member sees it.
import type { Category, Compound, Member, PropertyCompany, Team } from '../../shared/domain/schemas';
import type { SqlValue, Tx } from './sql/sql';

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

export async function putTeam(tx: Tx, team: Team): Promise<void> {
  await upsert(tx, 'teams', { id: team.id, name_zh: team.name.zh, name_en: team.name.en });
  tx.publish({ entity: 'team', op: 'put', id: team.id, data: team }, 'all');
}

export async function putPropertyCompany(tx: Tx, company: PropertyCompany): Promise<void> {
  await upsert(tx, 'property_companies', { id: company.id, name_zh: company.name.zh, name_en: company.name.en });
  tx.publish({ entity: 'propertyCompany', op: 'put', id: company.id, data: company }, 'all');
}

export async function putCompound(tx: Tx, compound: Compound): Promise<void> {
  await upsert(tx, 'compounds', {
    id: compound.id,
    name_zh: compound.name.zh,
    name_en: compound.name.en,
    polygon: JSON.stringify(compound.polygon),
    property_company_id: compound.propertyCompanyId,
  });
  tx.publish({ entity: 'compound', op: 'put', id: compound.id, data: compound }, 'all');
}

export async function putCategory(tx: Tx, category: Category): Promise<void> {
  await upsert(tx, 'categories', {
    id: category.id,
    name_zh: category.name.zh,
    name_en: category.name.en,
    sort: category.sort,
  });
  tx.publish({ entity: 'category', op: 'put', id: category.id, data: category }, 'all');
}

/** The change data is exactly memberSchema: nothing about devices or tokens. */
export async function putMember(tx: Tx, member: Member): Promise<void> {
  await upsert(tx, 'members', {
    id: member.id,
    name: member.name,
    team_id: member.teamId,
    role: member.role,
    property_company_id: member.propertyCompanyId,
    active: member.active ? 1 : 0,
  });
  tx.publish({ entity: 'member', op: 'put', id: member.id, data: member }, 'all');
}
