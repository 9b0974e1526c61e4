// Roster reads for the admin routes, in the shared entity shapes (no token material).
import type { Member, Team } from '../../shared/domain/schemas';
import type { Sql } from './sql/sql';

interface MemberRow {
  id: string;
  name: string;
  team_id: string | null;
  role: Member['role'];
  property_company_id: string | null;
  active: number;
}
interface TeamRow {
  id: string;
  name_zh: string;
  name_en: string;
}

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  name: r.name,
  teamId: r.team_id,
  role: r.role,
  propertyCompanyId: r.property_company_id,
  active: r.active === 1,
});
const toTeam = (r: TeamRow): Team => ({ id: r.id, name: { zh: r.name_zh, en: r.name_en } });

// Every read is of one community: another community's member or team is as unknown as a missing one.
export async function listMembers(sql: Sql, communityId: string): Promise<Member[]> {
  return (await sql.all<MemberRow>('SELECT * FROM members WHERE community_id = ? ORDER BY team_id NULLS FIRST, role DESC, id', [communityId])).map(toMember);
}

export async function findMember(sql: Sql, id: string, communityId: string): Promise<Member | null> {
  const row = await sql.get<MemberRow>('SELECT * FROM members WHERE id = ? AND community_id = ?', [id, communityId]);
  return row ? toMember(row) : null;
}

export async function listTeams(sql: Sql, communityId: string): Promise<Team[]> {
  return (await sql.all<TeamRow>('SELECT id, name_zh, name_en FROM teams WHERE community_id = ? ORDER BY id', [communityId])).map(toTeam);
}

export async function findTeam(sql: Sql, id: string, communityId: string): Promise<Team | null> {
  const row = await sql.get<TeamRow>('SELECT id, name_zh, name_en FROM teams WHERE id = ? AND community_id = ?', [id, communityId]);
  return row ? toTeam(row) : null;
}

export async function teamsOfCommunity(sql: Sql, communityId: string): Promise<string[]> {
  return (await sql.all<{ id: string }>('SELECT id FROM teams WHERE community_id = ? ORDER BY id', [communityId])).map((r) => r.id);
}
