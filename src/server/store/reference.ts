// Writes reference data (teams, companies, compounds, categories, members). Each write also
// puts the entity's latest state in the pull log with scope 'all': every member sees it.
import type Database from 'better-sqlite3';
import type { Category, Compound, Member, PropertyCompany, Team } from '../../shared/domain/schemas';
import { writeChange } from './changes';

type Db = Database.Database;
type Value = string | number | null;

/** An upsert, not INSERT OR REPLACE: REPLACE deletes first, which foreign keys refuse. */
function upsert(db: Db, table: string, row: Record<string, Value>): void {
  const columns = Object.keys(row);
  const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
  ).run(row);
}

export function putTeam(db: Db, team: Team): void {
  upsert(db, 'teams', { id: team.id, name_zh: team.name.zh, name_en: team.name.en });
  writeChange(db, { entity: 'team', op: 'put', id: team.id, data: team }, 'all');
}

export function putPropertyCompany(db: Db, company: PropertyCompany): void {
  upsert(db, 'property_companies', { id: company.id, name_zh: company.name.zh, name_en: company.name.en });
  writeChange(db, { entity: 'propertyCompany', op: 'put', id: company.id, data: company }, 'all');
}

export function putCompound(db: Db, compound: Compound): void {
  upsert(db, 'compounds', {
    id: compound.id,
    name_zh: compound.name.zh,
    name_en: compound.name.en,
    polygon: JSON.stringify(compound.polygon),
    property_company_id: compound.propertyCompanyId,
  });
  writeChange(db, { entity: 'compound', op: 'put', id: compound.id, data: compound }, 'all');
}

export function putCategory(db: Db, category: Category): void {
  upsert(db, 'categories', {
    id: category.id,
    name_zh: category.name.zh,
    name_en: category.name.en,
    sort: category.sort,
  });
  writeChange(db, { entity: 'category', op: 'put', id: category.id, data: category }, 'all');
}

/** The change data is exactly memberSchema: nothing about devices or tokens. */
export function putMember(db: Db, member: Member): void {
  upsert(db, 'members', {
    id: member.id,
    name: member.name,
    team_id: member.teamId,
    role: member.role,
    property_company_id: member.propertyCompanyId,
    active: member.active ? 1 : 0,
  });
  writeChange(db, { entity: 'member', op: 'put', id: member.id, data: member }, 'all');
}
