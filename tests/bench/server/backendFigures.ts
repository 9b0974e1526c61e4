// The storage backends side by side, in one run: one device's push of 10,000 mutations on each
// (interleaved SQLite, PostgreSQL, SQLite…), 50 devices pushing at once through two endpoint
// processes on one PostgreSQL database (latency per request and records/s in all, RSS per
// process), and pull scaling at 10k and 10M rows on each backend.
import type { Dialect } from '../../../src/server/store/sql/sql';
import { packBatches } from '../../../src/app/sync/packBatches';
import { waitingHazards } from '../browser/seedOutbox';
import { measured, percentile, type Figure } from '../lib/figure';
import { api, BACKENDS, backendName, databaseFor, endpointProcess, inProcessServer } from './backendServers';
import { pullScalingOn } from './pullScalingOn';
import { streetScaleFigures } from './streetScale';

const PUSH_RECORDS = 10_000;
const PUSH_ROUNDS = 3;
export const PG_PUSH_RATIO = 0.7;
const DEVICES = 50;
const BATCHES_PER_DEVICE = 20;
const RECORDS_PER_BATCH = 100;
export const AGGREGATE_RECORDS_PER_S = 20_000;

type Member = Parameters<typeof waitingHazards>[0];

async function onePushRun(backend: Dialect, staticDir: string): Promise<number> {
  const server = await inProcessServer(backend, staticDir);
  try {
    const { token, member } = await api<{ token: string; member: Member }>(server.url, '/api/v1/enroll', null, { code: 'DEMO-A-01', deviceName: 'bench' });
    // Cut as the phone cuts its outbox: at most 1,000 mutations and 768 KB a request.
    const batches = packBatches(waitingHazards(member, PUSH_RECORDS).outbox);
    const t0 = performance.now();
    for (const batch of batches) {
      const { acked } = await api<{ acked: string[] }>(server.url, '/api/v1/sync/push', token, undefined, batch.json);
      if (acked.length !== batch.rows.length) throw new Error(`push acked ${acked.length} of ${batch.rows.length}`);
    }
    return PUSH_RECORDS / ((performance.now() - t0) / 1000);
  } finally {
    await server.close();
  }
}

export async function pushFigures(staticDir: string): Promise<Figure[]> {
  const runs: Record<Dialect, number[]> = { sqlite: [], postgres: [] };
  for (let round = 0; round < PUSH_ROUNDS; round++) for (const backend of BACKENDS) runs[backend].push(await onePushRun(backend, staticDir));
  const ratios = runs.postgres.map((pgRate, i) => pgRate / runs.sqlite[i]!);
  return [
    ...BACKENDS.map((backend) =>
      measured({ id: `push10k_${backend}`, name: `push 10,000 mutations, one device, ${backendName(backend)}`, unit: 'records/s', budget: null, note: `${PUSH_ROUNDS} runs, interleaved with the other backend` }, runs[backend]),
    ),
    measured({ id: 'push10kRatio', name: 'push: PostgreSQL / SQLite', unit: 'ratio', budget: { op: '>=', limit: PG_PUSH_RATIO, on: 'median' }, note: 'per round, PostgreSQL run over the SQLite run beside it' }, ratios),
  ];
}

export async function aggregatePushFigures(staticDir: string): Promise<Figure[]> {
  const databaseUrl = (await databaseFor('postgres'))!;
  const processes = [await endpointProcess(databaseUrl, staticDir, 2), await endpointProcess(databaseUrl, staticDir, 2)];
  try {
    const codes = ['DEMO-A-LEAD', 'DEMO-B-LEAD', ...Array.from({ length: 11 }, (_, i) => [`DEMO-A-${String(i + 1).padStart(2, '0')}`, `DEMO-B-${String(i + 1).padStart(2, '0')}`]).flat()];
    const devices = [];
    for (let d = 0; d < DEVICES; d++) {
      const enrolled = await api<{ token: string; member: Member }>(processes[d % 2]!.url, '/api/v1/enroll', null, { code: codes[d % codes.length], deviceName: `bench ${d}` });
      const outbox = waitingHazards(enrolled.member, BATCHES_PER_DEVICE * RECORDS_PER_BATCH).outbox;
      devices.push({ token: enrolled.token, batches: packBatches(outbox, RECORDS_PER_BATCH) });
    }
    const latencies: number[] = [];
    let request = 0;
    const t0 = performance.now();
    // Each device sends its batches one after another, as a phone does; the balancer alternates.
    await Promise.all(
      devices.map(async (device) => {
        for (const batch of device.batches) {
          const target = processes[request++ % 2]!;
          const r0 = performance.now();
          const { acked } = await api<{ acked: string[] }>(target.url, '/api/v1/sync/push', device.token, undefined, batch.json);
          latencies.push(performance.now() - r0);
          if (acked.length !== batch.rows.length) throw new Error(`push acked ${acked.length} of ${batch.rows.length}`);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const records = DEVICES * BATCHES_PER_DEVICE * RECORDS_PER_BATCH;
    const note = `${DEVICES} devices × ${BATCHES_PER_DEVICE} pushes of ${RECORDS_PER_BATCH}, two processes, one PostgreSQL database`;
    return [
      { id: 'aggregatePush', name: 'aggregate push, 50 devices, 2 processes', unit: 'records/s', median: records / seconds, p95: null, runs: [records / seconds], budget: { op: '>=', limit: AGGREGATE_RECORDS_PER_S, on: 'median' }, note },
      { ...measured({ id: 'aggregatePushLatency', name: 'aggregate push, latency per request', unit: 'ms', budget: null, note: `p99 ${percentile(latencies, 99).toFixed(0)} ms over ${latencies.length} requests` }, latencies) },
      ...processes.map((p, i) => ({ id: `aggregatePushRss${i + 1}`, name: `aggregate push, peak RSS of process ${i + 1}`, unit: 'MB' as const, median: p.peakRssMb(), p95: null, runs: [], budget: null })),
    ];
  } finally {
    for (const p of processes) await p.stop();
  }
}

export async function backendFigures(staticDir: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  console.log('Measuring one device pushing 10,000 mutations on SQLite and PostgreSQL (interleaved)…');
  figures.push(...(await pushFigures(staticDir)));
  console.log('Measuring 50 devices pushing through two endpoint processes on PostgreSQL…');
  figures.push(...(await aggregatePushFigures(staticDir)));
  for (const backend of BACKENDS) {
    console.log(`Measuring pull scaling on ${backendName(backend)} (pull logs of 10k and 10M rows)…`);
    figures.push(...(await pullScalingOn(backend, staticDir)));
  }
  console.log('Measuring the street at scale on PostgreSQL (1,000 communities)…');
  figures.push(...(await streetScaleFigures(staticDir)));
  return figures;
}
