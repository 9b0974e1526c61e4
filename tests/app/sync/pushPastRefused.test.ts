// Nothing waits behind a refused mutation: the endpoint here is a stand-in at the network edge
// (the config's fetch) that checks each mutation with the shared schema, as the real one does,
// refusing the bad ones as `invalid` and acking the rest.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PatrolDb } from '../../../src/app/db/db';
import { saveHazard } from '../../../src/app/db/saveHazard';
import { pushOutbox, PUSH_BATCH_SIZE } from '../../../src/app/sync/pushOutbox';
import { PROTOCOL, type Rejection } from '../../../src/shared/protocol/sync';
import { checkMutation } from '../../../src/shared/protocol/checkMutation';
import { draftWith } from '../../fixtures/hazards';

const session = { member: { id: 'm-a-01', name: '张伟', teamId: 'team-a', role: 'member' as const } };
let db: PatrolDb;
beforeEach(() => {
  db = new PatrolDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

function checkingEndpoint() {
  const requests: unknown[][] = [];
  const fetch = async (_url: URL | RequestInfo, init?: RequestInit) => {
    const { mutations } = JSON.parse(String(init?.body)) as { mutations: unknown[] };
    requests.push(mutations);
    const acked: string[] = [];
    const rejected: Rejection[] = [];
    for (const m of mutations) {
      const checked = checkMutation(m);
      if (checked.ok) acked.push(checked.mutation.id);
      else rejected.push({ id: checked.id, code: 'invalid', message: checked.message });
    }
    return new Response(JSON.stringify({ protocol: PROTOCOL, acked, rejected }), { headers: { 'content-type': 'application/json' } });
  };
  return { config: { baseUrl: 'http://127.0.0.1:1', token: 't', fetch: fetch as typeof globalThis.fetch }, requests };
}

/** Queues n hazards, then spoils the mutations at the given queue positions (as an old backup might). */
async function queueWithBad(n: number, spoil: Record<number, (mutation: Record<string, unknown>) => void>) {
  for (let i = 0; i < n; i++) await saveHazard(db, session, draftWith({ description: `hazard ${i}` }));
  const rows = await db.outbox.orderBy(':id').toArray();
  for (const [index, change] of Object.entries(spoil)) {
    const row = rows[Number(index)]!;
    const mutation = structuredClone(row.mutation) as unknown as Record<string, unknown>;
    change(mutation);
    await db.outbox.update(row.seq!, { mutation: mutation as unknown as typeof row.mutation });
  }
  return rows;
}

it('marks a refused head row and sends and acks every row after it, the next batch too', async () => {
  const rows = await queueWithBad(PUSH_BATCH_SIZE + 5, {
    0: (m) => void ((m.data as Record<string, unknown>).severity = 'extreme'),
  });
  const { config, requests } = checkingEndpoint();
  const result = await pushOutbox(db, config);
  expect(result).toEqual({ acked: PUSH_BATCH_SIZE + 4, rejected: 1 });
  expect(requests.map((r) => r.length)).toEqual([PUSH_BATCH_SIZE, 5]);
  expect(await db.outbox.toArray()).toEqual([
    expect.objectContaining({ id: rows[0]!.id, state: 'rejected', rejection: { code: 'invalid', message: 'data.severity: Invalid input' } }),
  ]);
  // The refused row is not sent again: the next run has nothing to send.
  await pushOutbox(db, config);
  expect(requests).toHaveLength(2);
  // A thousand rows through fake-indexeddb: slow on a shared machine, not a condition to wait for.
}, 30_000);

it('marks a row whose mutation lost its id, and goes on past it', async () => {
  const rows = await queueWithBad(4, { 1: (m) => delete m.id, 2: (m) => void (m.id = 12) });
  const { config, requests } = checkingEndpoint();
  expect(await pushOutbox(db, config)).toEqual({ acked: 2, rejected: 2 });
  expect((await db.outbox.toArray()).map((r) => [r.id, r.state, r.rejection?.code])).toEqual([
    [rows[1]!.id, 'rejected', 'invalid'],
    [rows[2]!.id, 'rejected', 'invalid'],
  ]);
  await pushOutbox(db, config);
  expect(requests).toHaveLength(1);
});
