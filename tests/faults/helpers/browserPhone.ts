// A phone in Chromium for the (B) scenarios: the built PWA with its service worker, enrolled,
// idle, with N waiting hazards put straight into its IndexedDB (creating 1,000 through the form
// would take minutes and test the form, not sync). Rows come from the bench's seeding helper,
// labelled with the scenario so scenarios can share one server.
import type { Page } from 'playwright-core';
import type { LocalHazard, OutboxRow } from '../../../src/app/db/db';
import type { HazardDraft } from '../../../src/shared/domain/schemas';
import { enrolledMember, seedOutbox, waitingHazards } from '../../bench/browser/seedOutbox';

export interface SeededRows {
  hazards: LocalHazard[];
  outbox: OutboxRow[];
  drafts: HazardDraft[];
}

export async function seedWaiting(page: Page, label: string, n: number): Promise<SeededRows> {
  const member = await enrolledMember(page);
  const rows = waitingHazards(member, n);
  const relabel = (description: string) => `${label} ${description}`;
  const hazards = rows.hazards.map((h) => ({ ...h, description: relabel(h.description) }));
  const outbox = rows.outbox.map((row) => ({
    ...row,
    mutation: { ...row.mutation, data: { ...row.mutation.data, description: relabel(row.mutation.data.description) } },
  }));
  await seedOutbox(page, { hazards, outbox });
  return { hazards, outbox, drafts: outbox.map((row) => row.mutation.data) };
}

/** Rows in the phone's outbox, read on a connection of its own. */
export function outboxCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const open = indexedDB.open('patrol-log');
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = idb.transaction('queue').objectStore('queue').count();
    const n = await new Promise<number>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    idb.close();
    return n;
  });
}

/** Polls a condition every 100 ms until it holds; fails naming it after `ms`. */
export async function until(what: string, condition: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not within ${ms} ms`);
}
