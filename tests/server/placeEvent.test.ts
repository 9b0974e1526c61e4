// Placing a hazard on a map: the reporter, their lead and admin may place a hazard saved without a
// fix (or with a poor one); the server stores the position and its OWN compound (from its
// polygons, whatever the phone said), writes a history row, and publishes both to every puller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enroll, hazardCreate } from './helpers/api';
import { pullAll, pushOutcomes } from './helpers/rounds';
import { startTestServer, type TestServer } from './helpers/testServer';
import { eventMutation, hazardEvent } from '../fixtures/hazardEvents';
import { demoCompoundCentre } from '../../src/server/seed/compounds';
import type { HazardEventDraft } from '../../src/shared/domain/hazardEvents';

let server: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const code of ['DEMO-A-01', 'DEMO-A-02', 'DEMO-A-LEAD', 'DEMO-B-LEAD', 'DEMO-ADMIN']) tokens[code] = (await enroll(server.url, code)).token;
});
afterAll(() => server.close());

const row = (id: string) =>
  server.sql.get<Record<string, unknown>>('SELECT lat, lng, accuracy, position_at, compound_id, status FROM hazards WHERE id = ?', [id]);
const events = (hazardId: string) =>
  server.sql.all<{ type: string; data: string; author_id: string; role: string }>('SELECT type, data, author_id, role FROM hazard_events WHERE hazard_id = ?', [hazardId]);

async function send(code: string, event: HazardEventDraft): Promise<string> {
  const m = eventMutation(event);
  return (await pushOutcomes(server.url, tokens[code]!, [m]))[m.id]!;
}

/** A hazard A-01 saved with no fix (or the given one), outside every compound. */
async function reported(position: { lat: number; lng: number; accuracy: number; at: string } | null = null): Promise<string> {
  const create = hazardCreate({ position, compoundId: null });
  expect(await pushOutcomes(server.url, tokens['DEMO-A-01']!, [create])).toEqual({ [create.id]: 'acked' });
  return create.data.id;
}

const at = '2026-11-28T10:00:00.000Z';
const placeAt = (hazardId: string, id: string, compoundId: string | null) => {
  const { lat, lng } = demoCompoundCentre(id);
  return hazardEvent(hazardId, 'place', { position: { lat, lng, accuracy: 10, at }, compoundId });
};

describe('place', () => {
  it('refuses a teammate and another team’s lead as forbidden, changing nothing', async () => {
    const id = await reported();
    const before = await row(id);
    expect(await send('DEMO-A-02', placeAt(id, 'c05', 'c05'))).toBe('forbidden');
    expect(await send('DEMO-B-LEAD', placeAt(id, 'c05', 'c05'))).toBe('forbidden');
    expect(await row(id)).toEqual(before);
    expect(await events(id)).toEqual([]);
  });

  it('lets the lead place it; the compound is the server’s own, not the phone’s word', async () => {
    const id = await reported();
    // The phone claims c01, but the pin is in c07 (and the phone's claim is not even checked).
    const event = placeAt(id, 'c07', 'c01');
    expect(await send('DEMO-A-LEAD', event)).toBe('acked');
    const centre = demoCompoundCentre('c07');
    expect(await row(id)).toEqual({ lat: centre.lat, lng: centre.lng, accuracy: 10, position_at: at, compound_id: 'c07', status: 'open' });
    const [history] = await events(id);
    expect(history).toMatchObject({ type: 'place', author_id: 'm-a-lead', role: 'lead' });
    expect(JSON.parse(history!.data)).toEqual({ position: { ...centre, accuracy: 10, at }, compoundId: 'c07' });
    // Every member pulls the event and the placed hazard.
    const { changes } = await pullAll(server.url, tokens['DEMO-A-02']!);
    expect(changes.find((c) => c.entity === 'hazardEvent' && c.id === event.id)?.data).toMatchObject({ data: { compoundId: 'c07' } });
    expect(changes.filter((c) => c.entity === 'hazard' && c.id === id).at(-1)?.data).toMatchObject({ compoundId: 'c07', position: { accuracy: 10 } });
  });

  it('stores no compound for a pin outside every compound, whatever the phone said', async () => {
    const id = await reported();
    const outside = hazardEvent(id, 'place', { position: { lat: 30.64, lng: 104.09, accuracy: 10, at }, compoundId: 'c03' });
    expect(await send('DEMO-A-01', outside)).toBe('acked');
    expect(await row(id)).toMatchObject({ lat: 30.64, compound_id: null });
  });

  it('lets the reporter and admin place a poor fix, but nobody overwrites a good one', async () => {
    const poor = await reported({ lat: 30.64, lng: 104.09, accuracy: 65, at });
    expect(await send('DEMO-ADMIN', placeAt(poor, 'c02', null))).toBe('acked');
    expect(await row(poor)).toMatchObject({ accuracy: 10, compound_id: 'c02' });
    // Now within 30 m: a second placement from another phone is stale, like a status change.
    expect(await send('DEMO-A-01', placeAt(poor, 'c03', null))).toBe('stale_status');
    expect(await row(poor)).toMatchObject({ compound_id: 'c02' });
    const good = await reported({ lat: 30.64, lng: 104.09, accuracy: 8, at });
    expect(await send('DEMO-A-01', placeAt(good, 'c03', null))).toBe('stale_status');
    expect(await row(good)).toMatchObject({ accuracy: 8, compound_id: null });
  });
});
