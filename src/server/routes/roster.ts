// Roster reads for the admin routes, in the shared entity shapes (no token material).
import type Database from 'better-sqlite3';
import type { Member, Team } from '../../shared/domain/schemas';

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

export function listMembers(db: Database.Database): Member[] {
  return db.prepare<[], MemberRow>('SELECT * FROM members ORDER BY team_id, role DESC, id').all().map(toMember);
}

export function findMember(db: Database.Database, id: string): Member | null {
  const row = db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id = ?').get(id);
  return row ? toMember(row) : null;
}

export function listTeams(db: Database.Database): Team[] {
  return db.prepare<[], TeamRow>('SELECT id, name_zh, name_en FROM teams ORDER BY id').all().map(toTeam);
}

export function findTeam(db: Database.Database, id: string): Team | null {
  const row = db.prepare<[string], TeamRow>('SELECT id, name_zh, name_en FROM teams WHERE id = ?').get(id);
  return row ? toTeam(row) : null;
}
