// Seeds an empty database, in one transaction. Demo mode writes the whole demo community and
// its fixed enrollment codes; otherwise only the hazard categories, which every community
// needs and which are not demo data. Demo checkpoints are added to any demo database missing
// them, so one seeded before server schema v2 gets them on its next start.
import { createDemoEnrollmentCode } from '../store/enrollment';
import { putCategory, putCompound, putMember, putPropertyCompany, putTeam } from '../store/reference';
import { insertCheckpointIfMissing } from '../store/checkpoints';
import type { Sql, Tx } from '../store/sql/sql';
import { DEMO_CHECKPOINTS } from './checkpoints';
import { DEMO_COMPOUNDS } from './compounds';
import { STANDARD_CATEGORIES } from '../../shared/domain/categories';
import { DEMO_ENROLLMENTS, DEMO_PROPERTY_COMPANIES, DEMO_TEAMS } from './demoCommunity';

const isEmpty = async (tx: Tx, table: 'members' | 'categories') => (await tx.get(`SELECT 1 FROM ${table} LIMIT 1`)) === undefined;

/** Only at demo compounds (same id and name) this database holds: a real community gets none. */
async function seedDemoCheckpoints(tx: Tx): Promise<void> {
  for (const checkpoint of DEMO_CHECKPOINTS) {
    const compound = DEMO_COMPOUNDS.find((c) => c.id === checkpoint.compoundId);
    if (compound && (await tx.get('SELECT 1 FROM compounds WHERE id = ? AND name_zh = ?', [compound.id, compound.name.zh])) !== undefined) {
      await insertCheckpointIfMissing(tx, checkpoint);
    }
  }
}

/** Returns true when it wrote the demo community (so the caller can announce the codes). */
export function seedIfEmpty(sql: Sql, options: { demo: boolean; now: Date }): Promise<boolean> {
  return sql.transaction(async (tx): Promise<boolean> => {
    // Processes starting together on one new PostgreSQL database seed it once.
    if (tx.dialect === 'postgres') await tx.run('LOCK TABLE categories, members IN EXCLUSIVE MODE');
    if (await isEmpty(tx, 'categories')) for (const c of STANDARD_CATEGORIES) await putCategory(tx, c);
    if (!options.demo) return false;
    if (!(await isEmpty(tx, 'members'))) {
      await seedDemoCheckpoints(tx);
      return false;
    }
    for (const t of DEMO_TEAMS) await putTeam(tx, t);
    for (const pc of DEMO_PROPERTY_COMPANIES) await putPropertyCompany(tx, pc);
    for (const c of DEMO_COMPOUNDS) await putCompound(tx, c);
    for (const { code, member } of DEMO_ENROLLMENTS) {
      await putMember(tx, member);
      await createDemoEnrollmentCode(tx, code, member.id, options.now);
    }
    await seedDemoCheckpoints(tx);
    return true;
  });
}
