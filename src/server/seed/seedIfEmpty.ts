// Seeds an empty database, in one transaction. Demo mode writes the demo street (Tiaodenghe:
// Jianxinglu and two smaller communities, the street's property companies, the street office and
// two company staff) and the fixed demo codes; otherwise only the hazard categories, which every
// community needs and which are not demo data. A demo database from before gets what it lacks
// (checkpoints, the other communities) on its next start.
import { createDemoEnrollmentCode } from '../store/enrollment';
import { putCategory, putCompound, putMember, putPropertyCompany, putTeam } from '../store/reference';
import { insertCheckpointIfMissing } from '../store/checkpoints';
import { putCommunity, putStreet } from '../store/communities';
import type { Sql, Tx } from '../store/sql/sql';
import { DEMO_CHECKPOINTS } from './checkpoints';
import { DEMO_COMPOUNDS, OTHER_DEMO_COMPOUNDS } from './compounds';
import { STANDARD_CATEGORIES } from '../../shared/domain/categories';
import { DEMO_ENROLLMENTS, DEMO_PROPERTY_COMPANIES, DEMO_TEAMS } from './demoCommunity';
import { DEMO_COMMUNITIES, DEMO_STREET, JIANXINGLU, OTHER_DEMO_ENROLLMENTS, OTHER_DEMO_TEAMS } from './demoStreet';

const isEmpty = async (tx: Tx, table: 'members' | 'categories') => (await tx.get(`SELECT 1 FROM ${table} LIMIT 1`)) === undefined;

/** Only at demo compounds (same id and name) this database holds: a real community gets none. */
async function seedDemoCheckpoints(tx: Tx): Promise<void> {
  for (const checkpoint of DEMO_CHECKPOINTS) {
    const compound = DEMO_COMPOUNDS.find((c) => c.id === checkpoint.compoundId);
    if (compound && (await tx.get('SELECT 1 FROM compounds WHERE id = ? AND name_zh = ?', [compound.id, compound.name.zh])) !== undefined) {
      await insertCheckpointIfMissing(tx, checkpoint, JIANXINGLU);
    }
  }
}

/** The street, its communities, and the other communities' teams, compounds and people. */
async function seedDemoStreet(tx: Tx): Promise<void> {
  await putStreet(tx, DEMO_STREET);
  for (const community of DEMO_COMMUNITIES) await putCommunity(tx, { ...community, streetId: DEMO_STREET.id, timeZone: null });
  if ((await tx.get("SELECT 1 FROM members WHERE id = 'm-street'")) !== undefined) return;
  for (const { communityId, team } of OTHER_DEMO_TEAMS) await putTeam(tx, team, communityId);
  for (const [communityId, compounds] of Object.entries(OTHER_DEMO_COMPOUNDS)) for (const c of compounds) await putCompound(tx, c, communityId);
  for (const { code, member, communityId } of OTHER_DEMO_ENROLLMENTS) {
    await putMember(tx, member, { communityId, streetId: DEMO_STREET.id });
    await createDemoEnrollmentCode(tx, code, member.id, new Date());
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
      // Only a demo database seeded here before has Jianxinglu's people: give it the rest of the street.
      if ((await tx.get("SELECT 1 FROM members WHERE id = 'm-admin'")) !== undefined) await seedDemoStreet(tx);
      return false;
    }
    await putStreet(tx, DEMO_STREET);
    for (const pc of DEMO_PROPERTY_COMPANIES) await putPropertyCompany(tx, pc, DEMO_STREET.id);
    await seedDemoStreet(tx);
    for (const t of DEMO_TEAMS) await putTeam(tx, t, JIANXINGLU);
    for (const c of DEMO_COMPOUNDS) await putCompound(tx, c, JIANXINGLU);
    for (const { code, member } of DEMO_ENROLLMENTS) {
      await putMember(tx, member, { communityId: JIANXINGLU, streetId: DEMO_STREET.id });
      await createDemoEnrollmentCode(tx, code, member.id, options.now);
    }
    await seedDemoCheckpoints(tx);
    return true;
  });
}
