// One Node scenario end to end: a fresh endpoint, a phone that saves N hazards, the fault
// proxy between them, sync until settled, then the exactly-once verdict and a table row.
import { expect } from 'vitest';
import type { HazardDraft } from '../../../src/shared/domain/schemas';
import type { StoredAt } from '../../e2e/helpers/server';
import { startTestServer } from '../../server/helpers/testServer';
import { startFaultProxy, type Fault, type FaultProxy, type ProxyOptions } from './faultProxy';
import { nodePhone, pendingCount, saveHazards, syncUntilSettled, type NodePhone, type SyncOptions, type SyncRun } from './nodePhone';
import { expectExactlyOnce, type Tally } from './verify';
import { record } from './scoreboard';

export const N = 1_000;

export interface Endpoint extends StoredAt {
  url: string;
}

export interface ScenarioSpec {
  scenario: string;
  code: string;
  n?: number;
  proxy?: Omit<ProxyOptions, 'upstream'>;
  /** Save and sync in this many equal rounds (more requests, so more faults); default 1. */
  rounds?: number;
  /** The phone's clock while saving. */
  clock?: () => Date;
  sync?: Omit<SyncOptions, 'baseUrl'>;
  /** An endpoint the scenario runs itself (a server process); otherwise a fresh in-process one. */
  endpoint?: Endpoint;
  /** How the phone saves its records; by default n saveHazard calls. */
  save?: (phone: NodePhone) => Promise<HazardDraft[]>;
  /** Runs with the phone and proxy up, before the sync. */
  prepare?: (phone: NodePhone, proxy: FaultProxy) => Promise<void> | void;
  note: (proxy: FaultProxy, run: SyncRun) => string;
}

export interface ScenarioResult extends Tally {
  convergeMs: number;
  run: SyncRun;
  counts: Record<Fault, number>;
  drafts: HazardDraft[];
}

export async function runScenario(spec: ScenarioSpec): Promise<ScenarioResult> {
  const own = spec.endpoint ? null : await startTestServer();
  const endpoint = spec.endpoint ?? own!;
  const proxy = await startFaultProxy({ upstream: endpoint.url, ...spec.proxy });
  const phone = await nodePhone(endpoint.url, spec.code);
  try {
    const n = spec.n ?? N;
    const rounds = spec.rounds ?? 1;
    const drafts: HazardDraft[] = [];
    const run: SyncRun = { attempts: 0, failures: [] };
    let convergeMs = 0;
    const started = new Date();
    await spec.prepare?.(phone, proxy);
    for (let round = 0; round < rounds; round++) {
      const size = n / rounds;
      drafts.push(...(spec.save ? await spec.save(phone) : await saveHazards(phone, spec.scenario, size, spec.clock, round * size)));
      expect(await pendingCount(phone)).toBe(drafts.length - (round * size));
      const syncStart = Date.now();
      const done = await syncUntilSettled(phone, { baseUrl: proxy.url, ...spec.sync });
      convergeMs += Date.now() - syncStart;
      run.attempts += done.attempts;
      run.failures.push(...done.failures);
    }

    expect(await phone.db.outbox.count(), 'outbox left on the phone').toBe(0);
    // The pull after the push brought every hazard back with the server's receivedAt.
    const local = await phone.db.hazards.bulkGet(drafts.map((d) => d.id));
    expect(local.filter((h) => !h?.receivedAt)).toHaveLength(0);

    const tally = await expectExactlyOnce({
      serverUrl: endpoint.url,
      dataDir: endpoint.dataDir,
      databaseUrl: endpoint.databaseUrl,
      drafts,
      reporter: () => phone.session.member,
      receivedBetween: [started, new Date()],
    });
    record({ scenario: spec.scenario, ...tally, convergeMs, note: spec.note(proxy, run) });
    return { ...tally, convergeMs, run, counts: { ...proxy.counts }, drafts };
  } finally {
    await proxy.close();
    await phone.close();
    await own?.close();
  }
}
