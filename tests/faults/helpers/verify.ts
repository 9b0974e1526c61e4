// The suite's one verdict: the server holds exactly the N drafts, each once, field for field,
// and the phone's outbox is empty. Server state is read twice: as a pull (what members get)
// and straight from its database, either backend (what is stored, duplicates included).
import { expect } from 'vitest';
import { hazardDraftSchema, hazardSchema, type Hazard, type HazardDraft } from '../../../src/shared/domain/schemas';
import { pullResponseSchema } from '../../../src/shared/protocol/sync';
import { enroll } from '../../server/helpers/api';
import { withStore, type StoredAt } from '../../e2e/helpers/server';

export interface Tally {
  records: number;
  lost: number;
  duplicated: number;
}

/** The member's part of a stored hazard: the draft schema drops what the server added. */
export const draftOf = (hazard: Hazard): HazardDraft => hazardDraftSchema.parse(hazard);

/** Every hazard a fresh admin device pulls from the endpoint, page by page (bounded). */
export async function pullAllHazards(serverUrl: string): Promise<Hazard[]> {
  const { token } = await enroll(serverUrl, 'DEMO-ADMIN', 'fault verifier');
  const hazards: Hazard[] = [];
  let cursor = '';
  for (let page = 0; page < 1_000; page++) {
    const response = await fetch(`${serverUrl}/api/v1/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const body = pullResponseSchema.parse(await response.json());
    for (const change of body.changes) if (change.entity === 'hazard') hazards.push(hazardSchema.parse(change.data));
    cursor = body.cursor;
    if (!body.hasMore) return hazards;
  }
  throw new Error('pull did not end within 1,000 pages');
}

/** Stored rows per description starting with `scope`: a hazard stored twice under two ids shows here. */
export async function storedDescriptions(at: StoredAt, scope: string): Promise<Map<string, number>> {
  const rows = await withStore(at, (store) =>
    store.sql.all<{ description: string; n: number }>('SELECT description, count(*) AS n FROM hazards GROUP BY description'),
  );
  return new Map(rows.filter((r) => r.description.startsWith(scope)).map((r) => [r.description, r.n]));
}

export function tally(drafts: readonly HazardDraft[], stored: Map<string, number>): Tally {
  let lost = 0;
  let duplicated = 0;
  const expected = new Set(drafts.map((d) => d.description));
  for (const draft of drafts) if (!stored.has(draft.description)) lost++;
  for (const [description, n] of stored) duplicated += expected.has(description) ? n - 1 : n;
  return { records: drafts.length, lost, duplicated };
}

export interface Expectations extends StoredAt {
  serverUrl: string;
  drafts: readonly HazardDraft[];
  reporter: (draft: HazardDraft) => { id: string; teamId: string | null };
  /** Only hazards whose description starts with this count (scenarios sharing one server). */
  scope?: string;
  /** The real time window the server received them in. */
  receivedBetween: [Date, Date];
}

export async function expectExactlyOnce(x: Expectations): Promise<Tally> {
  const scope = x.scope ?? '';
  const result = tally(x.drafts, await storedDescriptions(x, scope));
  expect(result, 'lost or duplicated on the server').toEqual({ records: x.drafts.length, lost: 0, duplicated: 0 });

  const pulled = (await pullAllHazards(x.serverUrl)).filter((h) => h.description.startsWith(scope));
  expect(pulled).toHaveLength(x.drafts.length);
  const byId = new Map(pulled.map((h) => [h.id, h]));
  const [from, to] = x.receivedBetween.map((d) => d.getTime());
  for (const draft of x.drafts) {
    const hazard = byId.get(draft.id);
    expect(hazard && draftOf(hazard), `hazard ${draft.description}`).toEqual(draft);
    const reporter = x.reporter(draft);
    expect(hazard).toMatchObject({ reporterId: reporter.id, teamId: reporter.teamId, status: 'open' });
    const receivedAt = Date.parse(hazard!.receivedAt);
    expect(receivedAt).toBeGreaterThanOrEqual(from! - 1_000);
    expect(receivedAt).toBeLessThanOrEqual(to! + 1_000);
  }
  return result;
}
