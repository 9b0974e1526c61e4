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

export async function listMembers(sql: Sql): Promise<Member[]> {
  return (await sql.all<MemberRow>('SELECT * FROM members ORDER BY team_id, role DESC, id')).map(toMember);
}

export async function findMember(sql: Sql, id: string): Promise<Member | null> {
  const row = await sql.get<MemberRow>('SELECT * FROM members WHERE id = ?', [id]);
  return row ? toMember(row) : null;
}

export async function listTeams(sql: Sql): Promise<Team[]> {
  return (await sql.all<TeamRow>('SELECT id, name_zh, name_en FROM teams ORDER BY id')).map(toTeam);
}

export async function findTeam(sql: Sql, id: string): Promise<Team | null> {
  const row = await sql.get<TeamRow>('SELECT id, name_zh, name_en FROM teams WHERE id = ?', [id]);
  return row ? toTeam(row) : null;
}
