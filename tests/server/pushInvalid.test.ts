// One bad mutation never costs the batch: the envelope is checked as a whole (a bad one is still
// 400), each mutation on its own; an invalid one is answered `invalid` naming its field, writes
// nothing and claims no id, and the valid ones around it are applied and acked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../src/shared/protocol/sync';
import { MAX_MUTATIONS_PER_PUSH } from '../../src/shared/protocol/limits';
import { call, countRows, enroll, errorCode, hazardCreate, push } from './helpers/api';
import { startTestServer, type TestServer } from './helpers/testServer';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = (await enroll(server.url, 'DEMO-A-05')).token;
});
afterAll(() => server.close());

const hazardRows = (id: string) => server.sql.all('SELECT id FROM hazards WHERE id = ?', [id]);
const appliedRows = (id: string) => server.sql.all('SELECT id FROM applied_mutations WHERE id = ?', [id]);
const withSeverity = (severity: string) => {
  const m = hazardCreate();
  return { ...m, data: { ...m.data, severity } };
};

async function answer(mutations: unknown[], as = token) {
  const result = await push(server.url, as, mutations);
  expect(result.status, JSON.stringify(result.body).slice(0, 300)).toBe(200);
  return pushResponseSchema.parse(result.body);
}

describe('a push with an invalid mutation among valid ones', () => {
  it('acks the 999 valid ones and refuses the one, naming its field, the same way twice', async () => {
    const valid = Array.from({ length: MAX_MUTATIONS_PER_PUSH - 1 }, () => hazardCreate());
    const bad = withSeverity('extreme');
    const batch = [...valid.slice(0, 500), bad, ...valid.slice(500)];
    const hazardsBefore = await countRows(server.sql, 'hazards');
    for (let round = 0; round < 2; round++) {
      const response = await answer(batch);
      expect(response.acked).toEqual(valid.map((m) => m.id));
      expect(response.rejected).toEqual([{ id: bad.id, code: 'invalid', message: expect.stringMatching(/^data\.severity: Invalid option/) }]);
    }
    expect(await countRows(server.sql, 'hazards')).toBe(hazardsBefore + valid.length);
    expect(await hazardRows(bad.data.id)).toHaveLength(0);
    expect(await appliedRows(bad.id)).toHaveLength(0);
  });

  it('refuses elements with no usable id under id "" and still acks the rest', async () => {
    const valid = hazardCreate();
    const { id: _id, ...noId } = hazardCreate();
    const response = await answer([42, noId, { ...hazardCreate(), id: 7 }, valid]);
    expect(response.acked).toEqual([valid.id]);
    expect(response.rejected).toEqual([
      { id: '', code: 'invalid', message: 'mutations.0: Invalid input: expected object, received number' },
      { id: '', code: 'invalid', message: expect.stringMatching(/^mutations\.1\.id: /) },
      { id: '', code: 'invalid', message: expect.stringMatching(/^mutations\.2\.id: /) },
    ]);
    expect(await hazardRows(noId.data.id)).toHaveLength(0);
  });

  it('echoes a string id that is not a uuid, so the phone can mark its row', async () => {
    const m = { ...hazardCreate(), id: 'not-a-uuid' };
    const response = await answer([m]);
    expect(response.rejected).toEqual([{ id: 'not-a-uuid', code: 'invalid', message: expect.stringMatching(/^id: /) }]);
    expect(await hazardRows(m.data.id)).toHaveLength(0);
  });

  it('lets no invalid element claim the id of another device’s mutation', async () => {
    const other = (await enroll(server.url, 'DEMO-A-06', 'another phone')).token;
    // Garbage first: the valid mutation pushed later under the same id is still applied.
    const first = hazardCreate();
    expect((await answer([{ ...first, data: { ...first.data, severity: 'nope' } }], other)).rejected).toHaveLength(1);
    expect((await answer([first])).acked).toEqual([first.id]);
    expect(await hazardRows(first.data.id)).toHaveLength(1);
    // Garbage after: the other phone hears `invalid`, not the owner's recorded answer.
    const garbage = { ...first, data: { ...first.data, severity: 'nope' } };
    expect((await answer([garbage], other)).rejected).toEqual([{ id: first.id, code: 'invalid', message: expect.any(String) }]);
    // The phone that pushed it gets its recorded ack back, even for a body it can no longer parse.
    expect((await answer([garbage])).acked).toEqual([first.id]);
  });
});

describe('a bad envelope is still refused whole', () => {
  it.each([
    ['no mutations', {}],
    ['mutations not a list', { mutations: { id: 'x' } }],
    ['one too many mutations', { mutations: Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, () => 1) }],
  ])('%s → 400 invalid_body', async (_name, body) => {
    const before = await countRows(server.sql, 'applied_mutations');
    const result = await call(server.url, '/api/v1/sync/push', { token, body });
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('invalid_body');
    expect(await countRows(server.sql, 'applied_mutations')).toBe(before);
  });
});
