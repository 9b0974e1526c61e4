// A member's flood cannot take the endpoint down: 50,000 hazards pushed within the rate limit,
// then 100 concurrent weekly reports in every format. The endpoint runs as its own process with
// the heap cap `npm start` gives it; it must stay up, stay under a stated resident-memory bound,
// and answer every report with 200 or 429 (never a 5xx, never a dropped connection).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enroll, hazardCreate, push } from './helpers/api';
import { serverProcess, type ServerProcess } from './helpers/serverProcess';
import { chromiumPath } from '../../src/server/report/renderPdf';
import { formatIsoWeek, isoWeekOf } from '../../src/shared/report/isoWeek';

const HAZARDS = 50_000;
const PER_PUSH = 1_000;
const REPORTS = 100;
// The stated bound: the 192 MB heap cap `npm start` sets, plus what Node, SQLite and the sockets hold.
const RSS_BOUND_MB = 400;
const FORMATS = ['json', 'csv', 'geojson', 'html', 'pdf'] as const;

let server: ServerProcess;
beforeAll(async () => {
  server = await serverProcess({ env: { NODE_OPTIONS: '--max-old-space-size=192' } });
  await server.start();
}, 60_000);
afterAll(async () => {
  await server.signal('SIGTERM');
});

/** Peak and current resident memory of the endpoint process, from /proc. */
function memoryMb(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

it('stays up and bounded under 50,000 pushed hazards and 100 concurrent reports', { timeout: 600_000 }, async () => {
  expect(chromiumPath(), 'the PDF format needs Chromium (npm test installs it)').not.toBeNull();
  const member = await enroll(server.url, 'DEMO-A-01');
  const started = performance.now();
  const description = '消防通道堵塞，电动车停放占用楼道，需物业尽快清理。'.repeat(3);
  for (let sent = 0; sent < HAZARDS; sent += PER_PUSH) {
    const batch = Array.from({ length: PER_PUSH }, () => hazardCreate({ description, severity: 'high', createdAt: new Date().toISOString() }));
    const result = await push(server.url, member.token, batch);
    expect(result.status, JSON.stringify(result.body).slice(0, 300)).toBe(200);
    expect((result.body as { acked: string[] }).acked).toHaveLength(PER_PUSH);
  }
  const pushSeconds = (performance.now() - started) / 1000;

  const week = formatIsoWeek(isoWeekOf(new Date(), 'Asia/Shanghai'));
  const leads = await Promise.all(Array.from({ length: 5 }, (_, i) => enroll(server.url, 'DEMO-A-LEAD', `lead phone ${i}`)));
  const admins = await Promise.all(Array.from({ length: 5 }, (_, i) => enroll(server.url, 'DEMO-ADMIN', `office pc ${i}`)));
  const tokens = [...leads, ...admins].map((e) => e.token);

  const one = performance.now();
  const single = await fetch(`${server.url}/api/v1/reports/weekly?week=${week}&format=json`, { headers: { authorization: `Bearer ${tokens[5]}` } }).catch(
    (error: unknown) => {
      throw new Error(`the endpoint did not answer (${String(error)}):\n${server.output().slice(-3000)}`);
    },
  );
  expect(single.status).toBe(200);
  const body = await single.json().catch((error: unknown) => {
    throw new Error(`the endpoint cut its answer (${String(error)}):\n${server.output().split('\n').filter((l) => !l.startsWith('{"t"')).join('\n').slice(-3000)}`);
  });
  const stats = (body as { stats: { found: { total: number } } }).stats;
  expect(stats.found.total).toBe(HAZARDS);
  const reportMs = performance.now() - one;

  const answers = await Promise.all(
    Array.from({ length: REPORTS }, async (_, i) => {
      const format = FORMATS[i % FORMATS.length]!;
      const response = await fetch(`${server.url}/api/v1/reports/weekly?week=${week}&format=${format}`, {
        headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
      }).catch((error: unknown) => ({ status: -1, error: String((error as { cause?: unknown }).cause ?? error) }));
      if (!('arrayBuffer' in response)) return { format, status: response.status, error: response.error };
      // A body cut short counts as a failure, whatever the status said.
      const whole = await response.arrayBuffer().then(() => true, () => false);
      return { format, status: whole ? response.status : -2 };
    }),
  );
  const serverLog = () => server.output().split('\n').filter((l) => !l.startsWith('{"t"')).join('\n').slice(-3000);
  expect(server.running(), serverLog()).toBe(true);
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s !== 200 && s !== 429), JSON.stringify(answers.filter((a) => a.status !== 200 && a.status !== 429))).toEqual([]);
  const memory = memoryMb(server.pid()!);
  expect(memory.peak).toBeLessThan(RSS_BOUND_MB);
  // Figures for the note.
  console.log(
    JSON.stringify({
      pushesPerSecond: Math.round(HAZARDS / pushSeconds),
      reportMsAt50k: Math.round(reportMs),
      peakRssMb: Math.round(memory.peak),
      rssAfterMb: Math.round(memory.now),
      answers200: statuses.filter((s) => s === 200).length,
      answers429: statuses.filter((s) => s === 429).length,
      byFormat: Object.fromEntries(FORMATS.map((f) => [f, answers.filter((a) => a.format === f).map((a) => a.status).join(' ')])),
    }),
  );
});
