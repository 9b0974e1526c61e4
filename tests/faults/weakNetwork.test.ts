// Scenarios 5 and 7 in Node: a network that fails 30% of the time with 300 ms of latency, and
// a captive portal that answers 200 text/html. Nothing is acked that the endpoint did not ack.
import { afterAll, describe, expect, it } from 'vitest';
import { N, runScenario } from './helpers/nodeScenario';
import { faultSeed, mulberry32 } from './helpers/prng';
import { isSync, randomFailures } from './helpers/policies';
import { pendingCount, type NodePhone } from './helpers/nodePhone';
import { printTable } from './helpers/scoreboard';

afterAll(printTable);

describe('weak networks', () => {
  it('#5: 30% of requests reset, time out or get a 503, with 300 ms latency', async () => {
    const seed = faultSeed();
    console.log(`#5 FAULT_SEED=${seed} (set FAULT_SEED to replay)`);
    const random = mulberry32(seed);
    const result = await runScenario({
      scenario: '#5',
      code: 'DEMO-A-05',
      // Five rounds of 200 saves then sync: more requests, so the 30% has traffic to bite.
      rounds: 5,
      proxy: { policy: randomFailures(random, 0.3), latencyMs: 300 },
      // The client gives up on a silent request after 1.5 s, like the app's own timeout but shorter.
      sync: { timeoutMs: 1_500, random, maxAttempts: 200 },
      note: (proxy, run) => {
        const c = proxy.counts;
        return `seed ${seed}: ${c.resetBeforeForward} resets before, ${c.cutAfterResponse} after commit, ${c.timeout} timeouts, ${c.status503} × 503, ${c.pass} passed; ${run.attempts} passes`;
      },
    });
    expect(result.run.failures.length).toBeGreaterThan(0);
  });

  it('#7: a captive portal answers 200 text/html for a while: nothing is acked, then it converges', async () => {
    const PORTAL_ANSWERS = 6;
    let phone: NodePhone | undefined;
    const seenDuringPortal: number[] = [];
    const result = await runScenario({
      scenario: '#7 (Node)',
      code: 'DEMO-A-06',
      prepare: (p, proxy) => {
        phone = p;
        let portal = 0;
        proxy.setPolicy((r) => (isSync(r) && portal < PORTAL_ANSWERS && ++portal ? 'portal' : 'pass'));
      },
      sync: {
        afterFailure: async (failure) => {
          expect(failure.code).toBe('protocol');
          seenDuringPortal.push(await pendingCount(phone!));
        },
      },
      note: (proxy) => `${proxy.counts.portal} portal pages (200 text/html) answered; none acked anything`,
    });
    expect(result.counts.portal).toBe(PORTAL_ANSWERS);
    // Every push during the portal left the whole outbox in place.
    expect(seenDuringPortal).toEqual(Array(PORTAL_ANSWERS).fill(N));
  });
});
