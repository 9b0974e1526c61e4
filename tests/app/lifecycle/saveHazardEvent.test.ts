import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PatrolDb } from '../../../src/app/db/db';
import { LifecycleRefusedError, actorOnThisPhone, saveHazardEvent } from '../../../src/app/db/saveHazardEvent';
import type { HazardRow } from '../../../src/app/db/hazardRebase';
import { AFTER_PHOTO, hazardEvent } from '../../fixtures/hazardEvents';
import { lead, member, phoneWith, photoRow, pulledHazard } from './helpers';
import { failWrites } from '../../fixtures/failingStore';

let db: PatrolDb;
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('saveHazardEvent', () => {
  it('writes the event, the hazard as it now looks, its photos and the outbox row together', async () => {
    const hazard = pulledHazard({ status: 'assigned', assignedCompanyId: 'pc1' });
    db = await phoneWith(hazard);
    const resolve = hazardEvent(hazard.id, 'resolve', {}, '2026-11-27T09:00:00.000Z');
    const saved = await saveHazardEvent(db, lead, resolve, [photoRow(AFTER_PHOTO, hazard.id, resolve.id)], new Date('2026-11-27T09:00:01Z'));
    expect(saved).toMatchObject({ id: resolve.id, authorId: 'm-a-lead', role: 'lead', status: 'resolved', receivedAt: null });
    const row: HazardRow | undefined = await db.hazards.get(hazard.id);
    expect(row).toMatchObject({ status: 'resolved', resolvedAt: resolve.at, confirmed: hazard });
    expect(await db.hazardEvents.get(resolve.id)).toEqual(saved);
    expect(await db.photos.get(AFTER_PHOTO)).toMatchObject({ hazardId: hazard.id, eventId: resolve.id, uploaded: 0 });
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([
      expect.objectContaining({ entityId: hazard.id, state: 'pending', mutation: expect.objectContaining({ type: 'hazard.event', data: resolve }) }),
    ]);
  });

  it('keeps the first confirmed state under a second local event', async () => {
    const hazard = pulledHazard();
    db = await phoneWith(hazard);
    await saveHazardEvent(db, lead, hazardEvent(hazard.id, 'assign'));
    await saveHazardEvent(db, lead, hazardEvent(hazard.id, 'reject'));
    const row: HazardRow | undefined = await db.hazards.get(hazard.id);
    expect(row).toMatchObject({ status: 'rejected', assignedCompanyId: 'pc1', confirmed: hazard });
    expect(await db.outbox.count()).toBe(2);
  });

  it('writes nothing at all when the outbox write fails', async () => {
    const hazard = pulledHazard({ status: 'assigned', assignedCompanyId: 'pc1' });
    db = await phoneWith(hazard);
    await saveHazardEvent(db, lead, hazardEvent(hazard.id, 'note'));
    const resolve = hazardEvent(hazard.id, 'resolve');
    await failWrites(db, 'queue');
    await expect(saveHazardEvent(db, lead, resolve, [photoRow(AFTER_PHOTO, hazard.id, resolve.id)])).rejects.toThrow();
    expect(await db.hazardEvents.get(resolve.id)).toBeUndefined();
    expect(await db.photos.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.hazards.get(hazard.id)).toMatchObject({ status: 'assigned', resolvedAt: null });
  });

  it('refuses what the endpoint would refuse, in its words, and writes nothing', async () => {
    const hazard = pulledHazard();
    db = await phoneWith(hazard);
    const error = await saveHazardEvent(db, member, hazardEvent(hazard.id, 'assign')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifecycleRefusedError);
    expect((error as LifecycleRefusedError).refusal.code).toBe('forbidden');
    await expect(saveHazardEvent(db, lead, hazardEvent(hazard.id, 'reopen'))).rejects.toMatchObject({ refusal: { code: 'stale_status' } });
    await expect(saveHazardEvent(db, lead, { ...hazardEvent(hazard.id, 'resolve'), data: { note: 'x', photoIds: [] } })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.hazardEvents.count()).toBe(0);
    expect(await db.hazards.get(hazard.id)).toEqual(hazard);
  });
});

describe('actorOnThisPhone', () => {
  it('takes the property company from the pulled roster', async () => {
    db = await phoneWith(pulledHazard());
    await db.members.put({ id: 'm-a-10', name: '吴刚', teamId: 'team-a', role: 'member', propertyCompanyId: 'pc1', active: true });
    const session = { member: { id: 'm-a-10', name: '吴刚', teamId: 'team-a', role: 'member' as const } };
    expect(await actorOnThisPhone(db, session)).toEqual({ memberId: 'm-a-10', role: 'member', teamId: 'team-a', propertyCompanyId: 'pc1' });
  });
});
