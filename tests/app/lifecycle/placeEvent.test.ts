// A placement on the phone: shown at once (optimistic), replayed over a newer pulled hazard, and
// given up to the endpoint's answer (its compound) once confirmed.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PatrolDb } from '../../../src/app/db/db';
import { applyChanges } from '../../../src/app/db/applyChanges';
import { LifecycleRefusedError, saveHazardEvent } from '../../../src/app/db/saveHazardEvent';
import type { Change } from '../../../src/shared/protocol/sync';
import type { Hazard } from '../../../src/shared/domain/schemas';
import type { HazardEvent } from '../../../src/shared/domain/hazardEvents';
import { hazardEvent } from '../../fixtures/hazardEvents';
import { lead, member, phoneWith, pulledHazard } from './helpers';

let db: PatrolDb;
afterEach(() => db.delete());

const hazardChange = (data: Hazard): Change => ({ entity: 'hazard', op: 'put', id: data.id, data });
const eventChange = (data: HazardEvent): Change => ({ entity: 'hazardEvent', op: 'put', id: data.id, data });
const placed = { lat: 30.655, lng: 104.104, accuracy: 10, at: '2026-11-28T10:00:00.000Z' };

describe('place on the phone', () => {
  it('shows the placed position and compound at once, and queues the event', async () => {
    const hazard = pulledHazard({ position: null, compoundId: null });
    db = await phoneWith(hazard);
    await saveHazardEvent(db, lead, hazardEvent(hazard.id, 'place', { position: placed, compoundId: 'c01' }));
    expect(await db.hazards.get(hazard.id)).toMatchObject({ position: placed, compoundId: 'c01', confirmed: hazard });
    expect((await db.outbox.toArray()).map((r) => r.mutation.type)).toEqual(['hazard.event']);
  });

  it('refuses a teammate, and a hazard whose fix is already good, before queueing anything', async () => {
    const hazard = pulledHazard({ position: { ...placed, accuracy: 8 } });
    db = await phoneWith(hazard);
    await expect(saveHazardEvent(db, lead, hazardEvent(hazard.id, 'place'))).rejects.toMatchObject({ refusal: { code: 'stale_status' } });
    await db.hazards.put({ ...hazard, position: null });
    await expect(saveHazardEvent(db, member, hazardEvent(hazard.id, 'place'))).rejects.toBeInstanceOf(LifecycleRefusedError);
    expect(await db.outbox.count()).toBe(0);
  });

  it('replays over a newer pulled hazard, then takes the endpoint’s compound once confirmed', async () => {
    const hazard = pulledHazard({ position: null, compoundId: null });
    db = await phoneWith(hazard);
    const local = await saveHazardEvent(db, lead, hazardEvent(hazard.id, 'place', { position: placed, compoundId: 'c01' }));
    const assigned = { ...hazard, status: 'assigned' as const, assignedCompanyId: 'pc2', updatedAt: '2026-11-28T10:00:01.000Z' };
    await applyChanges(db, [hazardChange(assigned)], '5');
    expect(await db.hazards.get(hazard.id)).toMatchObject({ status: 'assigned', position: placed, compoundId: 'c01' });
    await db.outbox.clear(); // acked
    const server = { ...assigned, position: placed, compoundId: 'c02', updatedAt: '2026-11-28T10:00:02.000Z' };
    const accepted = { ...local, data: { position: placed, compoundId: 'c02' }, receivedAt: server.updatedAt } as HazardEvent;
    await applyChanges(db, [eventChange(accepted), hazardChange(server)], '6');
    expect(await db.hazards.get(hazard.id)).toEqual(server);
  });
});
