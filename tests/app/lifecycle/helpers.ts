// A phone database with one hazard on it, as the endpoint last sent it, and the people acting.
import { PatrolDb, type LocalHazard, type PhotoRow } from '../../../src/app/db/db';
import type { Actor } from '../../../src/shared/domain/hazardLifecycle';
import type { Hazard } from '../../../src/shared/domain/schemas';
import { NEW_HAZARD_LIFECYCLE } from '../../../src/shared/domain/schemas';
import { draftWith } from '../../fixtures/hazards';

export const lead: Actor = { memberId: 'm-a-lead', role: 'lead', teamId: 'team-a', propertyCompanyId: null };
export const member: Actor = { memberId: 'm-a-02', role: 'member', teamId: 'team-a', propertyCompanyId: null };

export function pulledHazard(patch: Partial<Hazard> = {}): Hazard {
  return {
    ...draftWith(),
    reporterId: 'm-a-01',
    teamId: 'team-a',
    status: 'open',
    receivedAt: '2026-11-27T08:00:10.000Z',
    ...NEW_HAZARD_LIFECYCLE,
    updatedAt: '2026-11-27T08:00:10.000Z',
    ...patch,
  };
}

export async function phoneWith(hazard: LocalHazard): Promise<PatrolDb> {
  const db = new PatrolDb(`test-${crypto.randomUUID()}`);
  await db.hazards.put(hazard);
  return db;
}

export function photoRow(id: string, hazardId: string, eventId: string): PhotoRow {
  return {
    id, hazardId, eventId, mime: 'image/jpeg', bytes: 3, width: 1, height: 1,
    takenAt: '2026-11-27T09:00:00.000Z', createdAt: '2026-11-27T09:00:00.000Z',
    blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }), thumb: null, uploaded: 0,
  };
}
