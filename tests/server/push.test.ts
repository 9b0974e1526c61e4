// Push applies each mutation at most once: retries and concurrent duplicates ack without a
// second row, the server decides who reported, and unknown fields never reach the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../src/shared/protocol/sync';
import { countRows, enroll, hazardCreate, push } from './helpers/api';
import { startTestServer, type TestServer } from './helpers/testServer';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = (await enroll(server.url, 'DEMO-A-02')).token;
});
afterAll(() => server.close());

const hazardRows = (id: string) => server.sql.all<Record<string, unknown>>('SELECT * FROM hazards WHERE id = ?', [id]);

describe('POST /api/v1/sync/push', () => {
  it('acks the same batch twice and stores one row', async () => {
    const batch = [hazardCreate(), hazardCreate()];
    const ids = batch.map((m) => m.id);
    for (let round = 0; round < 2; round++) {
      const result = await push(server.url, token, batch);
      expect(result.status).toBe(200);
      expect(pushResponseSchema.parse(result.body)).toEqual({ protocol: 'patrol-sync/1', acked: ids, rejected: [] });
    }
    for (const m of batch) expect(await hazardRows(m.data.id)).toHaveLength(1);
  });

  it('stores one row for two concurrent identical batches, and acks both', async () => {
    const before = await countRows(server.sql, 'hazards');
    const batch = Array.from({ length: 20 }, () => hazardCreate());
    const results = await Promise.all([push(server.url, token, batch), push(server.url, token, batch)]);
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(pushResponseSchema.parse(result.body).acked).toEqual(batch.map((m) => m.id));
    }
    expect(await countRows(server.sql, 'hazards')).toBe(before + 20);
  });

  it('takes reporter, team, status and received time from the server, not the client', async () => {
    const mutation = hazardCreate();
    const forged = { ...mutation, data: { ...mutation.data, reporterId: 'm-b-lead', teamId: 'team-b', status: 'resolved', receivedAt: '2000-01-01T00:00:00Z' } };
    expect((await push(server.url, token, [forged])).status).toBe(200);
    expect(await hazardRows(mutation.data.id)).toEqual([
      expect.objectContaining({ reporter_id: 'm-a-02', team_id: 'team-a', status: 'open' }),
    ]);
    const row = await server.sql.get<{ received_at: string }>('SELECT received_at FROM hazards WHERE id = ?', [mutation.data.id]);
    expect(row?.received_at).toBeTypeOf('string');
    expect(row?.received_at).not.toBe('2000-01-01T00:00:00Z');
  });

  it('ignores unknown fields and stores none of them', async () => {
    const mutation = hazardCreate({ description: 'unknown-fields probe' });
    const body = { ...mutation, extra: 'MUTATION-EXTRA', data: { ...mutation.data, secretNote: 'DATA-EXTRA' } };
    const result = await push(server.url, token, [body]);
    expect(pushResponseSchema.parse(result.body).acked).toEqual([mutation.id]);
    const change = (await server.sql.get<{ data: string }>("SELECT data FROM changes WHERE entity = 'hazard' AND entity_id = ?", [mutation.data.id]))?.data;
    expect(String(change)).toContain('unknown-fields probe');
    expect(String(change)).not.toContain('EXTRA');
    expect(JSON.stringify(await hazardRows(mutation.data.id))).not.toContain('EXTRA');
  });

  it('rejects an unknown category or compound, the same way every time, without a row', async () => {
    const badCategory = hazardCreate({ categoryId: 'volcano' });
    const badCompound = hazardCreate({ compoundId: 'c99' });
    for (let round = 0; round < 2; round++) {
      const response = pushResponseSchema.parse((await push(server.url, token, [badCategory, badCompound])).body);
      expect(response.acked).toEqual([]);
      expect(response.rejected.map((r) => [r.id, r.code])).toEqual([
        [badCategory.id, 'invalid'],
        [badCompound.id, 'invalid'],
      ]);
      expect(response.rejected[0]?.message).toContain('volcano');
    }
    expect(await hazardRows(badCategory.data.id)).toHaveLength(0);
    expect(await hazardRows(badCompound.data.id)).toHaveLength(0);
  });

  it('acks a second mutation for a hazard that already exists without changing it', async () => {
    const first = hazardCreate({ description: 'first words' });
    const resend = { ...hazardCreate(), data: { ...first.data, description: 'other words' } };
    await push(server.url, token, [first]);
    const response = pushResponseSchema.parse((await push(server.url, token, [resend])).body);
    expect(response.acked).toEqual([resend.id]);
    expect(await hazardRows(first.data.id)).toEqual([expect.objectContaining({ description: 'first words' })]);
  });
});
