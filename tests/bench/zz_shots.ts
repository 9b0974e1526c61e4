import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/startServer';
process.env.MAP_PROVIDER = 'none';
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'shots-')), staticDir: join(process.cwd(), 'node_modules/.cache/bench-dist'), demo: true, log: false });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
// A hazard in Shuanglin so the map has a dot.
const lead = await (await fetch(`${server.url}/api/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'DEMO-S-LEAD', deviceName: 'x' }) })).json();
for (const lang of ['zh-CN', 'en']) {
  for (const [w, h] of [[360, 640], [390, 844]] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: lang });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/?lang=${lang === 'en' ? 'en' : 'zh-CN'}`);
    await page.locator('input').first().fill('DEMO-STREET');
    await page.getByRole('button').filter({ hasText: /Enroll|登记/ }).first().click();
    await page.waitForTimeout(3000);
    await page.goto(`${server.url}/#/admin`);
    await page.getByRole('button', { name: /Map|地图/ }).click();
    await page.waitForTimeout(3000);
    await page.screenshot({ path: `/tmp/shots/map-${lang}-${w}.png` });
    await ctx.close();
  }
}
void lead;
await browser.close();
await server.close();
process.exit(0);
