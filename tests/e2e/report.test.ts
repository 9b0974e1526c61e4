// The office's weekly report, end to end: DEMO-ADMIN opens Reports for the seeded demo week on a
// phone (data pulled into IndexedDB, figures computed there), the figures equal the endpoint's
// JSON, Export CSV downloads an Excel-safe file with one row per hazard, and the printable report
// prints to a PDF with the Chinese compound names and the week in it.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';

// Read by the product server this file starts (it inherits the environment): seed a demo week.
process.env.DEMO_REPORT_WEEK = '1';

const { useProduct } = await import('./helpers/product');
const { newPhone } = await import('./helpers/browser');
const { enroll, seriousViolations, waitForServiceWorker } = await import('./helpers/app');
const { formatIsoWeek, lastCompleteWeek } = await import('../../src/shared/report/isoWeek');

const product = useProduct();

interface Stats {
  week: string;
  found: { total: number };
  open: { count: number };
  resolvedInWeek: number;
  effort: { rounds: number; km: number }[];
  coverage: { notVisitedCompoundIds: string[] };
}

async function endpointStats(week: string): Promise<Stats> {
  const enrolled = await fetch(`${product.server.url}/api/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'DEMO-ADMIN', deviceName: 'office pc' }),
  }).then((r) => r.json() as Promise<{ token: string }>);
  const response = await fetch(`${product.server.url}/api/v1/reports/weekly?week=${week}`, { headers: { authorization: `Bearer ${enrolled.token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { stats: Stats }).stats;
}

describe('weekly report', () => {
  it('shows the endpoint’s figures, exports a CSV for Excel and prints to PDF', async () => {
    const week = formatIsoWeek(lastCompleteWeek(Date.now(), 'Asia/Shanghai'));
    const expected = await endpointStats(week);
    expect(expected.found.total).toBeGreaterThan(0);

    const context = await newPhone(product.browser);
    const page = await context.newPage();
    await enroll(page, product.server.url, 'DEMO-ADMIN');
    await waitForServiceWorker(page);
    await page.getByRole('status').getByText('All synced').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Reports' }).click();
    await page.getByLabel('Week').fill(week);
    const figure = (name: string) => page.locator(`.report-view [data-figure="${name}"]`).textContent();
    await expect.poll(() => figure('found'), { timeout: 15_000 }).toBe(String(expected.found.total));
    expect(await figure('open')).toBe(String(expected.open.count));
    expect(await figure('resolved')).toBe(String(expected.resolvedInWeek));
    expect(await figure('rounds')).toBe(String(expected.effort.reduce((s, e) => s + e.rounds, 0)));
    expect(await figure('km')).toBe(String(Math.round(expected.effort.reduce((s, e) => s + e.km, 0) * 10) / 10));
    expect(await figure('notVisited')).toBe(String(expected.coverage.notVisitedCompoundIds.length));
    expect(await page.locator('.report-view svg.chart').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`hazards-${week}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows).toHaveLength(expected.found.total + 1);
    expect(rows[0]![0]).toBe('ID');

    // The printable report in Chinese; the print dialog itself is the browser's, so it is stubbed.
    await page.goto(`${product.server.url}/?lang=zh-CN#/reports`);
    await page.getByLabel('周').fill(week);
    await expect.poll(() => figure('found'), { timeout: 15_000 }).toBe(String(expected.found.total));
    await page.evaluate(() => {
      window.print = () => void document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByRole('button', { name: '导出 PDF' }).click();
    await page.locator('body[data-printed="yes"] #print-report svg.map').waitFor({ state: 'attached' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'patrol-report-pdf-')), 'report.pdf');
    writeFileSync(file, pdf);
    const pdftotext = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    // tests/run.mjs installs poppler-utils; a missing pdftotext is a failure, never a skipped check.
    expect(pdftotext.error).toBeUndefined();
    const text = pdftotext.stdout;
    expect(text).toContain(week);
    expect(text).toContain('隐患周报');
    // Compound names as the table of hazards found lists them (CJK fonts must be installed).
    expect(text).toMatch(/跳蹬河北路1号院|跳蹬河北路3号院|建设南路12号院/);
    // Only the report is printed, not the screen around it.
    expect(text).not.toContain('根据本机已同步的数据计算');
    await context.close();
  });
});
