// Scenario 6: phones whose clocks are a day fast and a day slow. The server orders changes by
// arrival (its own sequence), acks by mutation id, keeps the phone's createdAt as written and
// stamps receivedAt from its own clock.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../server/helpers/testServer';
import { startFaultProxy } from './helpers/faultProxy';
import { nodePhone, saveHazards, syncUntilSettled, type NodePhone } from './helpers/nodePhone';
import { onFirstSending } from './helpers/policies';
import { expectExactlyOnce, pullAllHazards } from './helpers/verify';
import { N } from './helpers/nodeScenario';
import { printTable, record } from './helpers/scoreboard';
import type { HazardDraft } from '../../src/shared/domain/schemas';

afterAll(printTable);

const DAY = 24 * 3600_000;

describe('device clocks', () => {
  it('#6: a phone a day fast and one a day slow', async () => {
    const server = await startTestServer();
    // Cut each first answer too, so the acks of retried batches are exercised under skew.
    const proxy = await startFaultProxy({ upstream: server.url, policy: onFirstSending('cutAfterResponse') });
    const fast = await nodePhone(server.url, 'DEMO-A-07');
    const slow = await nodePhone(server.url, 'DEMO-B-01');
    const owner = new Map<string, NodePhone>();
    try {
      const started = new Date();
      const fastDrafts = await saveHazards(fast, '#6 fast', N / 2, () => new Date(Date.now() + DAY));
      const slowDrafts = await saveHazards(slow, '#6 slow', N / 2, () => new Date(Date.now() - DAY));
      fastDrafts.forEach((d) => owner.set(d.id, fast));
      slowDrafts.forEach((d) => owner.set(d.id, slow));

      // The fast phone syncs first, the slow one second: arrival order is the reverse of createdAt order.
      const syncStart = Date.now();
      const fastRun = await syncUntilSettled(fast, { baseUrl: proxy.url });
      const slowRun = await syncUntilSettled(slow, { baseUrl: proxy.url });
      const convergeMs = Date.now() - syncStart;
      for (const phone of [fast, slow]) expect(await phone.db.outbox.count()).toBe(0);

      const drafts: HazardDraft[] = [...fastDrafts, ...slowDrafts];
      const tally = await expectExactlyOnce({
        serverUrl: server.url,
        dataDir: server.dataDir,
        databaseUrl: server.databaseUrl,
        drafts,
        reporter: (d) => owner.get(d.id)!.session.member,
        receivedBetween: [started, new Date()],
      });

      // Pull order is the server's sequence: every fast-phone hazard before every slow-phone one,
      // though the slow phone's createdAt are two days earlier; receivedAt never goes back.
      const pulled = await pullAllHazards(server.url);
      const fastIds = new Set(fastDrafts.map((d) => d.id));
      expect(pulled.map((h) => fastIds.has(h.id))).toEqual([...Array(N / 2).fill(true), ...Array(N / 2).fill(false)]);
      const received = pulled.map((h) => Date.parse(h.receivedAt));
      expect(received.every((t, i) => i === 0 || t >= received[i - 1]!)).toBe(true);
      // Both times are kept: the phone's, untouched, and the server's, from its own clock.
      const skew = pulled.map((h) => Date.parse(h.createdAt) - Date.parse(h.receivedAt));
      expect(skew.slice(0, N / 2).every((s) => s > DAY - 60_000)).toBe(true);
      expect(skew.slice(N / 2).every((s) => s < -DAY + 60_000)).toBe(true);

      record({
        scenario: '#6',
        ...tally,
        convergeMs,
        note: `+1 day phone then −1 day phone; server order = arrival; ${fastRun.attempts + slowRun.attempts} passes, ${proxy.counts.cutAfterResponse} answers cut`,
      });
    } finally {
      await proxy.close();
      await fast.close();
      await slow.close();
      await server.close();
    }
  });
});
