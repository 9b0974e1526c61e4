// The phone's CSV export of a big week: built in chunks with progress, identical to the one-shot
// file, and stopped by Cancel between chunks.
import { describe, expect, it } from 'vitest';
import { csvBlob } from '../../src/app/features/report/exportFiles';
import { buildCsv } from '../../src/shared/report/csv';
import { syntheticWeek, BENCH_ZONE } from '../bench/report/syntheticWeek';

const week = syntheticWeek();

describe('chunked CSV export', () => {
  it('reports progress up to 100% and gives the same bytes as the one-shot builder', async () => {
    const fractions: number[] = [];
    const blob = await csvBlob(week.input, week.range, 'zh-CN', BENCH_ZONE, { signal: new AbortController().signal, onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBe(20);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    // Blob.text() decodes as UTF-8 and drops the BOM, which the next line checks byte by byte.
    expect(await blob.text()).toBe(buildCsv(week.input, week.range, { locale: 'zh-CN', zone: BENCH_ZONE }).slice(1));
    expect([...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const fractions: number[] = [];
    const run = csvBlob(week.input, week.range, 'en', BENCH_ZONE, {
      signal: controller.signal,
      onProgress: (f) => {
        fractions.push(f);
        if (fractions.length === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(fractions).toHaveLength(3);
  });
});
