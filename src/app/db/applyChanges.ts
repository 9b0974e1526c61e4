// Writes a pulled page of changes and its cursor in one transaction: either both land or neither,
// so a crash mid-pull re-fetches the page instead of skipping it.
// A pulled hazard never erases this phone's unconfirmed lifecycle events: it becomes the new base
// and those events are replayed on top (see hazardRebase.ts). Hazards whose events the endpoint
// refused are rebuilt without them here too, since every sync ends with a pull.
import type { PatrolDb } from './db';
import type { Change, ChangeEntity } from '../../shared/protocol/sync';
import { rebaseHazard } from './hazardRebase';
import { inState } from './outboxQueries';

type DataOf<E extends ChangeEntity> = Extract<Change, { entity: E }>['data'];

function pick<E extends ChangeEntity>(changes: Change[], entity: E): DataOf<E>[] {
  const matching = changes.filter((c): c is Extract<Change, { entity: E }> => c.entity === entity);
  return matching.map((c) => c.data as DataOf<E>);
}

export async function applyChanges(db: PatrolDb, changes: Change[], cursor: string): Promise<void> {
  const tables = [
    db.meta, db.hazards, db.teams, db.members, db.compounds, db.propertyCompanies, db.categories,
    db.checkpoints, db.rounds, db.trackBatches, db.checkpointScans, db.hazardEvents, db.outbox,
  ];
  await db.transaction('rw', tables, async () => {
    // Bulk writes per table: one request per table, not one per row. Events before hazards, so
    // a confirmed event is no longer replayed onto the hazard that already contains it.
    await db.hazardEvents.bulkPut(pick(changes, 'hazardEvent'));
    await putHazards(db, pick(changes, 'hazard'));
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

async function putHazards(db: PatrolDb, pulled: DataOf<'hazard'>[]): Promise<void> {
  // Which hazards have local events in the way: few (this phone's own, unsynced), so the
  // common pull stays one bulkPut. Read off indexes: the outbox may hold thousands of points.
  const pulledIds = [...new Set(pulled.map((h) => h.id))];
  const isEvent = (row: { mutation: { type: string } }) => row.mutation.type === 'hazard.event';
  const pending = await db.outbox.where('entityId').anyOf(pulledIds).filter(isEvent).toArray();
  const refused = await inState(db, 'rejected').filter(isEvent).toArray();
  const unconfirmed = await db.hazardEvents.where('hazardId').anyOf(pulledIds).filter((e) => e.receivedAt === null).toArray();
  const withLocal = new Set([...pending, ...refused].map((row) => row.entityId));
  for (const event of unconfirmed) withLocal.add(event.hazardId);
  await db.hazards.bulkPut(pulled.filter((h) => !withLocal.has(h.id)));
  for (const hazard of pulled) if (withLocal.has(hazard.id)) await rebaseHazard(db, hazard.id, hazard);
  // Refused events no longer count: rebuild their hazards from the confirmed state.
  for (const id of withLocal) if (!pulledIds.includes(id)) await rebaseHazard(db, id);
}
