// The weekly PDF is bounded work: a client that leaves costs no Chromium launch, a device may
// queue only a few renders (then 429 with Retry-After), and a finished PDF is served again from
// the cache until the data changes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enroll, hazardCreate, push } from './helpers/api';
import { startTestServer, type TestServer } from './helpers/testServer';
import { chromiumPath, pdfLaunches } from '../../src/server/report/renderPdf';
import { PDF_QUEUE } from '../../src/server/report/pdfReports';

let server: TestServer;
let lead = '';
let admin = '';
beforeAll(async () => {
  server = await startTestServer();
  lead = (await enroll(server.url, 'DEMO-A-LEAD')).token;
  admin = (await enroll(server.url, 'DEMO-ADMIN')).token;
});
afterAll(() => server.close());

const pdf = (week: string, token: string, signal?: AbortSignal) =>
  fetch(`${server.url}/api/v1/reports/weekly?week=${week}&format=pdf`, { headers: { authorization: `Bearer ${token}` }, signal });
const weeks = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `2026-W${String(from + i).padStart(2, '0')}`);

it('aborted requests leave the queue and cancel the render: eight of them launch Chromium at most once', { timeout: 120_000 }, async () => {
  expect(chromiumPath()).not.toBeNull();
  const before = pdfLaunches.count;
  const controllers = weeks(8).map(() => new AbortController());
  const requests = weeks(8).map((week, i) => pdf(week, i < 4 ? lead : admin, controllers[i]!.signal).then(() => 'answered', () => 'aborted'));
  await expect.poll(() => pdfLaunches.count - before, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  for (const c of controllers) c.abort();
  expect(await Promise.all(requests)).toEqual(Array(8).fill('aborted'));
  // One more that stays (from another device, whose queue share is untouched by the aborted
  // ones): it runs once the cancelled render is gone, and is the only other launch.
  const office = (await enroll(server.url, 'DEMO-ADMIN', 'office pc 2')).token;
  const kept = await pdf('2026-W20', office);
  expect(kept.status).toBe(200);
  expect(kept.headers.get('content-type')).toBe('application/pdf');
  expect(pdfLaunches.count - before).toBe(2);
});

it(`a device may queue ${PDF_QUEUE.perKey} renders; one more is 429 with Retry-After at once`, { timeout: 120_000 }, async () => {
  // Sent together, they may reach the endpoint in any order: whichever comes fifth is refused.
  const answers = await Promise.all(
    weeks(PDF_QUEUE.perKey + 1, 30).map(async (week) => {
      const started = performance.now();
      const response = await pdf(week, lead);
      await response.arrayBuffer();
      return { status: response.status, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started };
    }),
  );
  const refusedAtOnce = answers.filter((a) => a.status === 429 && a.ms < 5_000);
  expect(refusedAtOnce.length).toBeGreaterThanOrEqual(1);
  expect(refusedAtOnce[0]!.retryAfter).toBe(String(PDF_QUEUE.retryAfterSeconds));
  // The queued ones render in turn; on a slow machine a late one may be told to come back (429),
  // never anything else.
  expect(answers.some((a) => a.status === 200)).toBe(true);
  expect(answers.every((a) => a.status === 200 || a.status === 429)).toBe(true);
});

it('serves a finished PDF from the cache until data changes', { timeout: 120_000 }, async () => {
  const first = await pdf('2026-W45', admin);
  expect(first.status).toBe(200);
  const launches = pdfLaunches.count;
  const again = await pdf('2026-W45', admin);
  expect(again.status).toBe(200);
  expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
  expect(pdfLaunches.count).toBe(launches);
  // New data: the next request renders again.
  const member = (await enroll(server.url, 'DEMO-A-07')).token;
  expect((await push(server.url, member, [hazardCreate()])).status).toBe(200);
  expect((await pdf('2026-W45', admin)).status).toBe(200);
  expect(pdfLaunches.count).toBe(launches + 1);
});
