// Writes a pulled page of changes and its cursor in one transaction: either both land or neither,
// so a crash mid-pull re-fetches the page instead of skipping it.
import type { PatrolDb } from './db';
import type { Change, ChangeEntity } from '../../shared/protocol/sync';

type DataOf<E extends ChangeEntity> = Extract<Change, { entity: E }>['data'];

function pick<E extends ChangeEntity>(changes: Change[], entity: E): DataOf<E>[] {
  const matching = changes.filter((c): c is Extract<Change, { entity: E }> => c.entity === entity);
  return matching.map((c) => c.data as DataOf<E>);
}

export async function applyChanges(db: PatrolDb, changes: Change[], cursor: string): Promise<void> {
  const tables = [
    db.meta, db.hazards, db.teams, db.members, db.compounds, db.propertyCompanies, db.categories,
    db.checkpoints, db.rounds, db.trackBatches, db.checkpointScans,
  ];
  await db.transaction('rw', tables, async () => {
    // Bulk writes per table: one request per table, not one per row.
    await db.hazards.bulkPut(pick(changes, 'hazard'));
    await db.teams.bulkPut(pick(changes, 'team'));
    await db.members.bulkPut(pick(changes, 'member'));
    await db.compounds.bulkPut(pick(changes, 'compound'));
    await db.propertyCompanies.bulkPut(pick(changes, 'propertyCompany'));
    await db.categories.bulkPut(pick(changes, 'category'));
    await db.checkpoints.bulkPut(pick(changes, 'checkpoint'));
    await db.rounds.bulkPut(pick(changes, 'round'));
    await db.trackBatches.bulkPut(pick(changes, 'trackBatch'));
    await db.checkpointScans.bulkPut(pick(changes, 'checkpointScan'));
    await db.meta.put({ key: 'pullCursor', value: cursor });
  });
}
