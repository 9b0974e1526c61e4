// Seeds an empty database, in one transaction. Demo mode writes the whole demo community and
// its fixed enrollment codes; otherwise only the hazard categories, which every community
// needs and which are not demo data. Demo checkpoints are added to any demo database missing
// them, so one seeded before server schema v2 gets them on its next start.
import type Database from 'better-sqlite3';
import { createDemoEnrollmentCode } from '../store/enrollment';
import { putCategory, putCompound, putMember, putPropertyCompany, putTeam } from '../store/reference';
import { insertCheckpointIfMissing } from '../store/checkpoints';
import { DEMO_CHECKPOINTS } from './checkpoints';
import { DEMO_COMPOUNDS } from './compounds';
import { STANDARD_CATEGORIES } from '../../shared/domain/categories';
import { DEMO_ENROLLMENTS, DEMO_PROPERTY_COMPANIES, DEMO_TEAMS } from './demoCommunity';

type Db = Database.Database;

const isEmpty = (db: Db, table: 'members' | 'categories') =>
  db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined;

/** Only at demo compounds (same id and name) this database holds: a real community gets none. */
function seedDemoCheckpoints(db: Db): void {
  const hasCompound = db.prepare<[string, string], unknown>('SELECT 1 FROM compounds WHERE id = ? AND name_zh = ?');
  for (const checkpoint of DEMO_CHECKPOINTS) {
    const compound = DEMO_COMPOUNDS.find((c) => c.id === checkpoint.compoundId);
    if (compound && hasCompound.get(compound.id, compound.name.zh) !== undefined) insertCheckpointIfMissing(db, checkpoint);
  }
}

/** Returns true when it wrote the demo community (so the caller can announce the codes). */
export function seedIfEmpty(db: Db, options: { demo: boolean; now: Date }): boolean {
  return db.transaction((): boolean => {
    if (isEmpty(db, 'categories')) STANDARD_CATEGORIES.forEach((c) => putCategory(db, c));
    if (!options.demo) return false;
    if (!isEmpty(db, 'members')) {
      seedDemoCheckpoints(db);
      return false;
    }
    DEMO_TEAMS.forEach((t) => putTeam(db, t));
    DEMO_PROPERTY_COMPANIES.forEach((pc) => putPropertyCompany(db, pc));
    DEMO_COMPOUNDS.forEach((c) => putCompound(db, c));
    for (const { code, member } of DEMO_ENROLLMENTS) {
      putMember(db, member);
      createDemoEnrollmentCode(db, code, member.id, options.now);
    }
    seedDemoCheckpoints(db);
    return true;
  })();
}
