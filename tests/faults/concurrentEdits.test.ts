// Scenario 12: several phones change the same hazards while offline, then sync one after another
// through a proxy that cuts each first answer (so every batch is also delivered twice). The
// server applies events in arrival order: the reporter's edits while open, the office's
// rejections, then the lead's assignments and resolutions, of which those on rejected hazards
// are now stale. Every phone converges on the server's hazards, no event is lost or applied twice,
// and each refused event stays on its author's phone with its code until dismissed.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../server/helpers/testServer';
import { startFaultProxy } from './helpers/faultProxy';
import { nodePhone, saveHazards, syncUntilSettled, type NodePhone } from './helpers/nodePhone';
import { onFirstSending } from './helpers/policies';
import { printTable, record } from './helpers/scoreboard';
import { pullAllHazards } from './helpers/verify';
import { actorOnThisPhone, saveHazardEvent } from '../../src/app/db/saveHazardEvent';
import type { HazardRow } from '../../src/app/db/hazardRebase';
import type { HazardEventDraft } from '../../src/shared/domain/hazardEvents';
import { hazardEvent } from '../fixtures/hazardEvents';
import { photoFixture, sha256Of } from '../fixtures/photos';

afterAll(printTable);

const K = 60;

async function act(phone: NodePhone, events: HazardEventDraft[]): Promise<void> {
  const actor = await actorOnThisPhone(phone.db, phone.session);
  for (const event of events) await saveHazardEvent(phone.db, actor, event);
}

describe('concurrent changes to the same hazards', () => {
  it('#12: four phones change 60 hazards offline; all converge, nothing lost, stale changes shown to their authors', async () => {
    const server = await startTestServer();
    const proxy = await startFaultProxy({ upstream: server.url, policy: onFirstSending('cutAfterResponse') });
    const endpoint = { baseUrl: proxy.url };
    const reporter = await nodePhone(server.url, 'DEMO-A-01');
    const reporterTablet = await nodePhone(server.url, 'DEMO-A-01');
    const lead = await nodePhone(server.url, 'DEMO-A-LEAD');
    const office = await nodePhone(server.url, 'DEMO-ADMIN');
    const phones = [reporter, reporterTablet, lead, office];
    try {
      const drafts = await saveHazards(reporter, '#12', K);
      await syncUntilSettled(reporter, endpoint);
      for (const phone of phones) await syncUntilSettled(phone, endpoint);
      const ids = drafts.map((d) => d.id);

      // Offline, each phone acts on what it last saw: every hazard open.
      await act(reporter, ids.map((id, i) => hazardEvent(id, 'edit', { description: `phone edit ${i}`, severity: 'urgent' })));
      await act(reporter, ids.filter((_, i) => i % 3 === 0).map((id) => hazardEvent(id, 'note', { text: 'also seen' })));
      await act(reporterTablet, ids.filter((_, i) => i % 4 === 0).map((id, j) => hazardEvent(id, 'edit', { description: `tablet edit ${j * 4}` })));
      await act(office, ids.filter((_, i) => i % 2 === 0).map((id) => hazardEvent(id, 'reject', { reason: 'not ours' })));
      // The lead's after photo is a real one on the lead's phone: it must reach the endpoint before
      // any resolve that names it is pushed.
      const afterPhoto = photoFixture('small-1200x900.jpg');
      const afterPhotoId = sha256Of(afterPhoto);
      await lead.db.photos.put({
        id: afterPhotoId, hazardId: ids[0]!, eventId: null, mime: 'image/jpeg', bytes: afterPhoto.byteLength, width: 1200, height: 900,
        takenAt: new Date().toISOString(), createdAt: new Date().toISOString(), blob: new Blob([afterPhoto], { type: 'image/jpeg' }), thumb: null, uploaded: 0,
      });
      await act(lead, ids.flatMap((id) => [hazardEvent(id, 'assign'), hazardEvent(id, 'resolve', { photoIds: [afterPhotoId] })]));
      const saved = new Map<string, NodePhone>();
      for (const phone of phones) for (const e of await phone.db.hazardEvents.toArray()) saved.set(e.id, phone);

      // Back online one after another: the reporter, the tablet, the office, the lead.
      const started = Date.now();
      for (const phone of [reporter, reporterTablet, office, lead]) await syncUntilSettled(phone, endpoint);
      for (const phone of phones) await syncUntilSettled(phone, endpoint);
      const convergeMs = Date.now() - started;

      // Nothing lost, nothing twice: each event is on the server once, or refused on its author's phone.
      const onServer = await server.sql.all<{ id: string; n: number }>('SELECT id, count(*) AS n FROM hazard_events GROUP BY id');
      const duplicated = onServer.filter((r) => r.n > 1).length;
      const refused = new Map<string, string>();
      for (const phone of phones) {
        for (const row of await phone.db.outbox.toArray()) {
          expect(row.state).toBe('rejected');
          if (row.mutation.type === 'hazard.event') refused.set(row.mutation.data.id, row.rejection!.code);
          // The refused event is still in its author's history.
          expect(await phone.db.hazardEvents.get(row.mutation.type === 'hazard.event' ? row.mutation.data.id : '')).toMatchObject({ receivedAt: null });
        }
      }
      const accounted = new Set([...onServer.map((r) => r.id), ...refused.keys()]);
      const lost = [...saved.keys()].filter((id) => !accounted.has(id)).length;
      expect({ lost, duplicated, overlap: onServer.filter((r) => refused.has(r.id)).length }).toEqual({ lost: 0, duplicated: 0, overlap: 0 });

      // Exactly the lead's changes to rejected hazards were stale, and only the lead sees them.
      const leadRefused = (await lead.db.outbox.toArray()).length;
      expect(leadRefused).toBe(K); // assign + resolve on each of the K/2 rejected hazards
      expect(new Set(refused.values())).toEqual(new Set(['stale_status']));
      for (const phone of [reporter, reporterTablet, office]) expect(await phone.db.outbox.count()).toBe(0);

      // Arrival order decides: rejected (even) or resolved by the lead (odd); the tablet's later edit wins.
      const final = new Map((await pullAllHazards(server.url)).map((h) => [h.id, h]));
      ids.forEach((id, i) => {
        expect(final.get(id)).toMatchObject({
          status: i % 2 === 0 ? 'rejected' : 'resolved',
          description: i % 4 === 0 ? `tablet edit ${i}` : `phone edit ${i}`,
          severity: 'urgent',
          assignedCompanyId: i % 2 === 0 ? null : 'pc1',
        });
      });
      // Every phone shows exactly the server's hazards, with no local state left on top.
      for (const phone of phones) {
        const rows: HazardRow[] = await phone.db.hazards.bulkGet(ids).then((r) => r.filter((h) => h !== undefined));
        expect(rows.filter((h) => h.confirmed !== undefined)).toEqual([]);
        expect(rows).toEqual(ids.map((id) => final.get(id)));
      }

      record({
        scenario: '#12',
        records: saved.size,
        lost,
        duplicated,
        convergeMs,
        note: `${K} hazards × 4 phones offline; ${onServer.length} events applied, ${refused.size} stale shown to their author; ${proxy.counts.cutAfterResponse} answers cut`,
      });
    } finally {
      await proxy.close();
      for (const phone of phones) await phone.close();
      await server.close();
    }
  });
});
