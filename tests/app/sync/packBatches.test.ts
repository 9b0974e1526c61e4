import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../../src/app/db/db';
import { packBatches } from '../../../src/app/sync/packBatches';
import { MAX_MUTATIONS_PER_PUSH, MAX_PUSH_BODY_BYTES } from '../../../src/shared/protocol/limits';
import { MAX_BODY_BYTES } from '../../../src/server/http/createApp';
import { draftWith } from '../../fixtures/hazards';

function rows(n: number, description = 'blocked fire exit'): OutboxRow[] {
  return Array.from({ length: n }, (_, i) => {
    const data = draftWith({ description });
    const id = crypto.randomUUID();
    return { seq: i + 1, id, mutation: { id, type: 'hazard.create', at: data.createdAt, data }, entityId: data.id, queuedAt: i, state: 'pending', rejection: null };
  });
}
const bytes = (text: string) => new TextEncoder().encode(text).byteLength;

describe('packBatches', () => {
  it('keeps queue order and serializes each body as the protocol request', () => {
    const queued = rows(5);
    const [batch, ...rest] = packBatches(queued);
    expect(rest).toEqual([]);
    expect(batch!.rows).toEqual(queued);
    expect(JSON.parse(batch!.json)).toEqual({ mutations: queued.map((r) => r.mutation) });
  });

  it('cuts at the protocol’s mutation count', () => {
    const batches = packBatches(rows(MAX_MUTATIONS_PER_PUSH + 3));
    expect(batches.map((b) => b.rows.length)).toEqual([MAX_MUTATIONS_PER_PUSH, 3]);
  });

  it('cuts at the body size in UTF-8 bytes, counting Chinese text as it travels', () => {
    const queued = rows(40, '消防通道被电动车和杂物堵塞，三号楼一单元楼梯间'.repeat(20));
    const limit = 64 * 1024;
    const batches = packBatches(queued, MAX_MUTATIONS_PER_PUSH, limit);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(bytes(batch.json)).toBeLessThanOrEqual(limit);
    // Full batches: the next row would not have fitted.
    for (const [i, batch] of batches.slice(0, -1).entries()) {
      const withNext = packBatches([...batch.rows, batches[i + 1]!.rows[0]!], MAX_MUTATIONS_PER_PUSH, Infinity)[0]!;
      expect(bytes(withNext.json)).toBeGreaterThan(limit);
    }
    expect(batches.flatMap((b) => b.rows)).toEqual(queued);
  });

  it('sends a mutation bigger than the limit alone rather than never', () => {
    const [small, big, after] = [rows(1)[0]!, rows(1, 'x'.repeat(2000))[0]!, rows(1)[0]!];
    expect(packBatches([small, big, after], 10, 1500).map((b) => b.rows)).toEqual([[small], [big], [after]]);
  });

  it('stays under the endpoint’s request limit', () => {
    expect(MAX_PUSH_BODY_BYTES).toBeLessThan(MAX_BODY_BYTES);
  });
});
