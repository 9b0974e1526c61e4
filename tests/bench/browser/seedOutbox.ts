// Puts N waiting hazards straight into the phone's IndexedDB ('patrol-log'), as if logged
// offline: each a hazards row plus its outbox row, shaped as saveHazard writes them. Rows are
// built in Node and parsed with the protocol's own schema, so the endpoint sees valid mutations.
import type { Page } from 'playwright-core';
import type { LocalHazard, OutboxRow } from '../../../src/app/db/db';
import type { Session } from '../../../src/app/db/meta';
import { STANDARD_CATEGORIES } from '../../../src/shared/domain/categories';
import { NEW_HAZARD_LIFECYCLE, SEVERITIES } from '../../../src/shared/domain/schemas';
import { hazardCreateSchema } from '../../../src/shared/protocol/sync';
import type { HazardCreateMutation } from '../../../src/shared/protocol/sync';
import { demoCompoundCentre } from '../../../src/server/seed/compounds';
import { newId } from '../../../src/shared/ids';

export async function enrolledMember(page: Page): Promise<Session['member']> {
  const member = await page.evaluate(async () => {
    const open = indexedDB.open('patrol-log');
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = idb.transaction('meta').objectStore('meta').get('session');
    const row = await new Promise<unknown>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    idb.close();
    return (row as { value?: { member?: unknown } } | undefined)?.value?.member ?? null;
  });
  if (!member) throw new Error('the phone has no session in IndexedDB');
  return member as Session['member'];
}

export function waitingHazards(member: Session['member'], n: number, now = Date.now()) {
  const centre = demoCompoundCentre('c01');
  const hazards: LocalHazard[] = [];
  const outbox: (OutboxRow & { mutation: HazardCreateMutation })[] = [];
  for (let i = 0; i < n; i++) {
    const createdAt = new Date(now + i).toISOString();
    const mutation = hazardCreateSchema.parse({
      id: newId(),
      type: 'hazard.create',
      at: createdAt,
      data: {
        id: newId(),
        categoryId: STANDARD_CATEGORIES[i % STANDARD_CATEGORIES.length]!.id,
        severity: SEVERITIES[i % SEVERITIES.length]!,
        description: `Bench hazard ${i + 1} of ${n}: blocked fire exit, stairwell ${i % 9}`,
        position: { lat: centre.lat, lng: centre.lng, accuracy: 8, at: createdAt },
        compoundId: 'c01',
        roundId: null,
        createdAt,
      },
    });
    hazards.push({ ...mutation.data, reporterId: member.id, teamId: member.teamId, status: 'open', receivedAt: null, ...NEW_HAZARD_LIFECYCLE });
    outbox.push({ id: mutation.id, mutation, entityId: mutation.data.id, queuedAt: now + i, state: 'pending', rejection: null });
  }
  return { hazards, outbox };
}

/** One readwrite transaction over hazards and outbox, like a bulk save. */
export async function seedOutbox(page: Page, rows: { hazards: LocalHazard[]; outbox: OutboxRow[] }): Promise<void> {
  await page.evaluate(async ({ hazards, outbox }) => {
    const open = indexedDB.open('patrol-log');
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = idb.transaction(['hazards', 'queue'], 'readwrite');
    for (const hazard of hazards) tx.objectStore('hazards').add(hazard);
    for (const row of outbox) tx.objectStore('queue').add(row);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('seeding transaction aborted'));
    });
    idb.close();
  }, rows);
}
