// Scenarios 1 and 2: answers lost after the commit, and batches the network delivers twice.
// The ids make every retry and every copy a no-op on the server.
import { afterAll, describe, expect, it } from 'vitest';
import { N, runScenario } from './helpers/nodeScenario';
import { isPush, onFirstSending } from './helpers/policies';
import { printTable } from './helpers/scoreboard';
import { MAX_MUTATIONS_PER_PUSH } from '../../src/shared/protocol/limits';

afterAll(printTable);

const batches = (n: number) => Math.ceil(n / MAX_MUTATIONS_PER_PUSH);

describe('answers lost and requests doubled', () => {
  it('#1: the connection is cut after the server commits, before the answer arrives', async () => {
    const result = await runScenario({
      scenario: '#1',
      code: 'DEMO-A-01',
      proxy: { policy: onFirstSending('cutAfterResponse') },
      note: (proxy, run) => `${proxy.counts.cutAfterResponse} answers cut after commit; ${run.attempts} sync passes`,
    });
    // Every push batch and the first pull were cut once, and each was retried.
    expect(result.counts.cutAfterResponse).toBeGreaterThanOrEqual(batches(N) + 1);
    expect(result.run.failures.every((f) => f.code === 'network')).toBe(true);
  });

  it('#2a: every push batch is sent twice in a row', async () => {
    const result = await runScenario({
      scenario: '#2 in a row',
      code: 'DEMO-A-02',
      proxy: { policy: (r) => (isPush(r) ? 'duplicateSequential' : 'pass') },
      note: (proxy) => `${proxy.counts.duplicateSequential} batches delivered twice, one after the other`,
    });
    expect(result.counts.duplicateSequential).toBe(batches(N));
  });

  it('#2b: every push batch is sent twice at once', async () => {
    const result = await runScenario({
      scenario: '#2 concurrent',
      code: 'DEMO-A-03',
      proxy: { policy: (r) => (isPush(r) ? 'duplicateConcurrent' : 'pass') },
      note: (proxy) => `${proxy.counts.duplicateConcurrent} batches delivered twice, concurrently`,
    });
    expect(result.counts.duplicateConcurrent).toBe(batches(N));
  });
});
