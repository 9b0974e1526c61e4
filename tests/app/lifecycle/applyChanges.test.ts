import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PatrolDb } from '../../../src/app/db/db';
import { applyChanges } from '../../../src/app/db/applyChanges';
import { dismissRefusedEvent, saveHazardEvent } from '../../../src/app/db/saveHazardEvent';
import type { HazardRow } from '../../../src/app/db/hazardRebase';
import type { Change } from '../../../src/shared/protocol/sync';
import type { Hazard } from '../../../src/shared/domain/schemas';
import type { HazardEvent } from '../../../src/shared/domain/hazardEvents';
import { hazardEvent } from '../../fixtures/hazardEvents';
import { lead, phoneWith, pulledHazard } from './helpers';

let db: PatrolDb;
afterEach(() => db.delete());

const hazardChange = (data: Hazard): Change => ({ entity: 'hazard', op: 'put', id: data.id, data });
const eventChange = (data: HazardEvent): Change => ({ entity: 'hazardEvent', op: 'put', id: data.id, data });

describe('applyChanges with local lifecycle events', () => {
  it('puts a pulled hazard under the pending local events instead of over them', async () => {
    const hazard = pulledHazard();
    db = await phoneWith(hazard);
    const assign = hazardEvent(hazard.id, 'assign');
    await saveHazardEvent(db, lead, assign);
    // Meanwhile the reporter corrected the description on the endpoint.
    const edited = { ...hazard, description: 'corrected on another phone', updatedAt: '2026-11-27T08:30:00.000Z' };
    await applyChanges(db, [hazardChange(edited)], '5');
    const row: HazardRow | undefined = await db.hazards.get(hazard.id);
    expect(row).toMatchObject({ description: 'corrected on another phone', status: 'assigned', assignedCompanyId: 'pc1', confirmed: edited });
    expect(await db.outbox.count()).toBe(1);
  });

  it('replays local events in queue order even when the clock was set back between them', async () => {
    const hazard = pulledHazard({ status: 'assigned', assignedCompanyId: 'pc1' });
    db = await phoneWith(hazard);
    const saved = new Date('2026-11-27T10:00:00.000Z');
    const setBack = new Date('2026-11-27T09:00:00.000Z');
    await saveHazardEvent(db, lead, hazardEvent(hazard.id, 'resolve', {}, saved.toISOString()), [], saved);
    await saveHazardEvent(db, lead, hazardEvent(hazard.id, 'reopen', {}, setBack.toISOString()), [], setBack);
    await applyChanges(db, [hazardChange(hazard)], '6');
    // Resolved, then reopened (back to its company): not the reopen skipped and left resolved.
    expect(await db.hazards.get(hazard.id)).toMatchObject({ status: 'assigned', resolvedAt: null, confirmed: hazard });
  });

  it('becomes exactly the server’s hazard once the event comes back confirmed', async () => {
    const hazard = pulledHazard();
    db = await phoneWith(hazard);
    const assign = hazardEvent(hazard.id, 'assign');
    const local = await saveHazardEvent(db, lead, assign);
    await db.outbox.clear(); // acked
    const server = { ...hazard, status: 'assigned' as const, assignedCompanyId: 'pc1', assignedAt: assign.at, updatedAt: '2026-11-27T09:00:02.000Z' };
    const accepted = { ...local, receivedAt: '2026-11-27T09:00:02.000Z' } as HazardEvent;
    await applyChanges(db, [eventChange(accepted), hazardChange(server)], '6');
    expect(await db.hazards.get(hazard.id)).toEqual(server);
    expect(await db.hazardEvents.get(assign.id)).toEqual(accepted);
  });

  it('keeps an acked event’s effect until the server’s hazard arrives', async () => {
    const hazard = pulledHazard();
    db = await phoneWith(hazard);
    await saveHazardEvent(db, lead, hazardEvent(hazard.id, 'reject'));
    await db.outbox.clear(); // acked, not pulled yet
    await applyChanges(db, [hazardChange({ ...hazard, description: 'older page' })], '7');
    expect(await db.hazards.get(hazard.id)).toMatchObject({ status: 'rejected', description: 'older page' });
  });

  it('drops a refused event’s effect but keeps the event, with its reason, until dismissed', async () => {
    const hazard = pulledHazard({ status: 'assigned', assignedCompanyId: 'pc1' });
    db = await phoneWith(hazard);
    const reject = hazardEvent(hazard.id, 'reject');
    await saveHazardEvent(db, lead, reject);
    const [row] = await db.outbox.toArray();
    await db.outbox.update(row!.seq!, { state: 'rejected', rejection: { code: 'stale_status', message: 'cannot reject a hazard that is resolved' } });
    await applyChanges(db, [], '8');
    expect(await db.hazards.get(hazard.id)).toEqual(hazard);
    expect(await db.hazardEvents.get(reject.id)).toMatchObject({ status: 'rejected', receivedAt: null });
    expect(await db.outbox.get(row!.seq!)).toMatchObject({ state: 'rejected' });
    await dismissRefusedEvent(db, row!.id);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.hazardEvents.count()).toBe(0);
    expect(await db.hazards.get(hazard.id)).toEqual(hazard);
  });

  it('shows the server’s status when a pending change no longer fits it, and keeps the change pending', async () => {
    const hazard = pulledHazard({ status: 'assigned', assignedCompanyId: 'pc1' });
    db = await phoneWith(hazard);
    await saveHazardEvent(db, lead, hazardEvent(hazard.id, 'reject'));
    const resolved = { ...hazard, status: 'resolved' as const, resolvedAt: '2026-11-27T09:10:00.000Z' };
    await applyChanges(db, [hazardChange(resolved)], '9');
    expect(await db.hazards.get(hazard.id)).toMatchObject({ status: 'resolved', confirmed: resolved });
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ state: 'pending' })]);
  });

  it('writes pulled hazards without local events as they are', async () => {
    const hazard = pulledHazard();
    db = await phoneWith(hazard);
    const other = pulledHazard();
    await applyChanges(db, [hazardChange({ ...hazard, status: 'rejected' }), hazardChange(other)], '10');
    expect(await db.hazards.get(hazard.id)).toEqual({ ...hazard, status: 'rejected' });
    expect(await db.hazards.get(other.id)).toEqual(other);
  });
});
