// Lifecycle events on the endpoint: who may do what, validated against the hazard as the server
// has it at arrival, applied at most once, and pulled by every member with the updated hazard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, enroll, hazardCreate } from './helpers/api';
import { pushOutcomes } from './helpers/rounds';
import { startTestServer, type TestServer } from './helpers/testServer';
import { AFTER_PHOTO, eventMutation, hazardEvent } from '../fixtures/hazardEvents';
import { holdPhoto } from './helpers/photos';
import { pullResponseSchema, type Change } from '../../src/shared/protocol/sync';
import type { HazardEventDraft } from '../../src/shared/domain/hazardEvents';

let server: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  // m-a-10 works for property company pc1, m-a-11 for pc2: staff are members with a company.
  await server.sql.run("UPDATE members SET property_company_id = 'pc1' WHERE id = 'm-a-10'");
  await server.sql.run("UPDATE members SET property_company_id = 'pc2' WHERE id = 'm-a-11'");
  // The after photo the fixture events name, as if uploaded: a resolve needs it on the endpoint.
  await holdPhoto(server.sql, AFTER_PHOTO);
  for (const code of ['DEMO-A-01', 'DEMO-A-02', 'DEMO-A-10', 'DEMO-A-11', 'DEMO-A-LEAD', 'DEMO-B-LEAD', 'DEMO-ADMIN']) {
    tokens[code] = (await enroll(server.url, code)).token;
  }
});
afterAll(() => server.close());

const token = (code: string) => tokens[code]!;
const row = (id: string) =>
  server.sql.get('SELECT status, assigned_company_id, assigned_at, resolved_at, duplicate_of, description, severity FROM hazards WHERE id = ?', [id]);
const eventCount = async (hazardId: string) =>
  (await server.sql.get<{ n: number }>('SELECT count(*) AS n FROM hazard_events WHERE hazard_id = ?', [hazardId]))!.n;

/** Pushes events, one mutation each, and answers each event id's outcome. */
async function send(code: string, ...events: HazardEventDraft[]): Promise<string[]> {
  const mutations = events.map(eventMutation);
  const outcomes = await pushOutcomes(server.url, token(code), mutations);
  return mutations.map((m) => outcomes[m.id]!);
}

/** A hazard reported by A-01 (team A), optionally assigned to pc1 by the lead. */
async function reported(assigned = false): Promise<string> {
  const create = hazardCreate();
  expect(await pushOutcomes(server.url, token('DEMO-A-01'), [create])).toEqual({ [create.id]: 'acked' });
  if (assigned) expect(await send('DEMO-A-LEAD', hazardEvent(create.data.id, 'assign'))).toEqual(['acked']);
  return create.data.id;
}

describe('who may do what', () => {
  it('refuses members, other teams’ leads and other companies as forbidden, writing nothing', async () => {
    const open = await reported();
    const assigned = await reported(true);
    const before = [await row(open), await row(assigned)];
    expect(await send('DEMO-A-02', hazardEvent(open, 'assign'), hazardEvent(open, 'edit'), hazardEvent(open, 'reject'))).toEqual([
      'forbidden', 'forbidden', 'forbidden',
    ]);
    expect(await send('DEMO-B-LEAD', hazardEvent(open, 'assign'), hazardEvent(assigned, 'resolve'))).toEqual(['forbidden', 'forbidden']);
    expect(await send('DEMO-A-11', hazardEvent(assigned, 'resolve'))).toEqual(['forbidden']);
    expect(await send('DEMO-A-01', hazardEvent(assigned, 'resolve'), hazardEvent(open, 'duplicate', { duplicateOf: assigned }))).toEqual([
      'forbidden', 'forbidden',
    ]);
    expect([await row(open), await row(assigned)]).toEqual(before);
    expect(await eventCount(open)).toBe(0);
    expect(await eventCount(assigned)).toBe(1);
  });

  it('lets the reporter edit while open, and only then', async () => {
    const id = await reported();
    expect(await send('DEMO-A-01', hazardEvent(id, 'edit', { description: 'two bikes', severity: 'urgent' }))).toEqual(['acked']);
    expect(await row(id)).toMatchObject({ description: 'two bikes', severity: 'urgent', status: 'open' });
    expect(await send('DEMO-A-LEAD', hazardEvent(id, 'assign'))).toEqual(['acked']);
    expect(await send('DEMO-A-01', hazardEvent(id, 'edit', { description: 'too late' }))).toEqual(['stale_status']);
    expect(await row(id)).toMatchObject({ description: 'two bikes' });
  });

  it('lets the assigned company’s staff resolve, with the author and role from the token', async () => {
    const id = await reported(true);
    const resolve = hazardEvent(id, 'resolve');
    const forged = { ...eventMutation(resolve), data: { ...resolve, authorId: 'm-admin', role: 'admin', status: 'rejected' } };
    expect(await pushOutcomes(server.url, token('DEMO-A-10'), [forged as never])).toEqual({ [forged.id]: 'acked' });
    expect(await row(id)).toMatchObject({ status: 'resolved', resolved_at: resolve.at, assigned_company_id: 'pc1' });
    const stored = await server.sql.get('SELECT author_id, role, status FROM hazard_events WHERE id = ?', [resolve.id]);
    expect(stored).toEqual({ author_id: 'm-a-10', role: 'member', status: 'resolved' });
  });

  it('lets the admin and the team’s lead assign, reject, reopen and mark as duplicate', async () => {
    const original = await reported();
    const id = await reported();
    const assign = hazardEvent(id, 'assign', { propertyCompanyId: 'pc3' });
    expect(await send('DEMO-ADMIN', assign, hazardEvent(id, 'reject'))).toEqual(['acked', 'acked']);
    expect(await row(id)).toMatchObject({ status: 'rejected', assigned_company_id: 'pc3', assigned_at: assign.at });
    expect(await send('DEMO-A-LEAD', hazardEvent(id, 'reopen'), hazardEvent(id, 'duplicate', { duplicateOf: original }))).toEqual([
      'acked', 'acked',
    ]);
    expect(await row(id)).toMatchObject({ status: 'closed_duplicate', duplicate_of: original });
    expect(await send('DEMO-A-LEAD', hazardEvent(id, 'reopen'))).toEqual(['acked']);
    expect(await row(id)).toMatchObject({ status: 'assigned', duplicate_of: null });
  });

  it('takes an "also seen" note from anyone, in any status, without changing the status', async () => {
    const id = await reported(true);
    expect(await send('DEMO-B-LEAD', hazardEvent(id, 'note', { text: 'still there' }))).toEqual(['acked']);
    expect(await send('DEMO-A-11', hazardEvent(id, 'note'))).toEqual(['acked']);
    expect(await row(id)).toMatchObject({ status: 'assigned' });
    expect(await eventCount(id)).toBe(3);
  });
});

describe('what an event refers to', () => {
  it('refuses unknown hazards, companies, categories and originals, self and chained duplicates as invalid', async () => {
    const id = await reported();
    const other = await reported();
    const duplicate = await reported();
    expect(await send('DEMO-ADMIN', hazardEvent(duplicate, 'duplicate', { duplicateOf: other }))).toEqual(['acked']);
    const outcomes = await send(
      'DEMO-ADMIN',
      hazardEvent(crypto.randomUUID(), 'note'),
      hazardEvent(id, 'assign', { propertyCompanyId: 'pc-nowhere' }),
      hazardEvent(id, 'duplicate', { duplicateOf: crypto.randomUUID() }),
      hazardEvent(id, 'duplicate', { duplicateOf: id }),
      hazardEvent(id, 'duplicate', { duplicateOf: duplicate }),
    );
    expect(outcomes).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    const edit = hazardEvent(id, 'edit', { categoryId: 'no-such-category' });
    expect(await send('DEMO-A-01', edit)).toEqual(['invalid']);
    expect(await row(id)).toMatchObject({ status: 'open' });
    expect(await eventCount(id)).toBe(0);
  });
});

describe('two phones changing the same hazard offline', () => {
  it('applies status changes in arrival order and refuses the one no longer valid as stale_status', async () => {
    const id = await reported(true);
    // Both saw it assigned; the admin's phone reconnects first.
    const reject = hazardEvent(id, 'reject', { reason: 'not ours' }, '2026-11-27T09:00:00.000Z');
    const resolve = hazardEvent(id, 'resolve', {}, '2026-11-27T08:00:00.000Z');
    expect(await send('DEMO-ADMIN', reject)).toEqual(['acked']);
    const result = await call(server.url, '/api/v1/sync/push', { token: token('DEMO-A-LEAD'), body: { mutations: [eventMutation(resolve)] } });
    expect(result.body).toMatchObject({ rejected: [{ code: 'stale_status', message: expect.stringContaining('rejected') }] });
    expect(await row(id)).toMatchObject({ status: 'rejected', resolved_at: null });
    expect(await eventCount(id)).toBe(2);
  });

  it('keeps the last edit to arrive, whatever the phones’ clocks said', async () => {
    const id = await reported();
    const second = (await enroll(server.url, 'DEMO-A-01', 'second phone')).token;
    const later = hazardEvent(id, 'edit', { description: 'phone 1, later clock' }, '2026-11-27T10:00:00.000Z');
    const earlier = hazardEvent(id, 'edit', { description: 'phone 2, earlier clock', severity: 'low' }, '2026-11-27T09:00:00.000Z');
    expect(await send('DEMO-A-01', later)).toEqual(['acked']);
    const m = eventMutation(earlier);
    expect(await pushOutcomes(server.url, second, [m])).toEqual({ [m.id]: 'acked' });
    expect(await row(id)).toMatchObject({ description: 'phone 2, earlier clock', severity: 'low' });
  });
});

describe('retries', () => {
  it('applies an event once, however often and under however many mutation ids it arrives', async () => {
    const id = await reported(true);
    const resolve = eventMutation(hazardEvent(id, 'resolve'));
    const again = { ...resolve, id: crypto.randomUUID() };
    expect(await pushOutcomes(server.url, token('DEMO-A-LEAD'), [resolve, resolve, again])).toEqual({
      [resolve.id]: 'acked',
      [again.id]: 'acked',
    });
    // A retried refusal answers the same refusal.
    const stale = eventMutation(hazardEvent(id, 'reject'));
    expect(await pushOutcomes(server.url, token('DEMO-A-LEAD'), [stale])).toEqual({ [stale.id]: 'stale_status' });
    expect(await pushOutcomes(server.url, token('DEMO-A-LEAD'), [stale])).toEqual({ [stale.id]: 'stale_status' });
    expect(await eventCount(id)).toBe(2);
  });
});

describe('pull', () => {
  it('gives every member each event with author, role and resulting status, and the updated hazard', async () => {
    const id = await reported(true);
    const resolve = hazardEvent(id, 'resolve');
    expect(await send('DEMO-A-LEAD', resolve)).toEqual(['acked']);
    const changes: Change[] = [];
    let cursor = '';
    for (;;) {
      const page = pullResponseSchema.parse((await call(server.url, `/api/v1/sync/pull?cursor=${cursor}&limit=1000`, { token: token('DEMO-A-11') })).body);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const events = changes.filter((c) => c.entity === 'hazardEvent' && c.data.hazardId === id).map((c) => c.data);
    expect(events).toEqual([
      expect.objectContaining({ type: 'assign', authorId: 'm-a-lead', role: 'lead', status: 'assigned' }),
      expect.objectContaining({ id: resolve.id, type: 'resolve', authorId: 'm-a-lead', status: 'resolved', data: resolve.data }),
    ]);
    const hazard = changes.find((c) => c.entity === 'hazard' && c.id === id);
    expect(hazard?.data).toMatchObject({ status: 'resolved', assignedCompanyId: 'pc1', resolvedAt: resolve.at });
    // The event comes before the hazard it changed, so a page never shows a status without its event.
    expect(changes.findIndex((c) => c.id === resolve.id)).toBeLessThan(changes.findIndex((c) => c.id === id));
  });
});
