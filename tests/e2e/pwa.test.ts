// The PWA shell: installable in Chromium's own judgement, Chinese by default for a Chinese phone,
// English on request, and the language choice remembered.
import { describe, expect, it } from 'vitest';
import { useProduct } from './helpers/product';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, newPhone } from './helpers/browser';
import { waitForServiceWorker } from './helpers/app';

const product = useProduct();

describe('the PWA shell', () => {
  it('has no installability errors and a complete manifest', async () => {
    // Chromium never offers installation in an incognito context, so this one gets a real profile.
    const profile = mkdtempSync(join(tmpdir(), 'patrol-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(product.server.url);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);

    const manifest = (await (await fetch(`${product.server.url}/manifest.webmanifest`)).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: '巡逻日志 Patrol Log', short_name: '巡逻日志', display: 'standalone', lang: 'zh-CN' });
    const icons = manifest.icons as { sizes: string; purpose: string }[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    await context.close();
  });

  it('speaks Chinese to a Chinese phone, English with ?lang=en, and remembers the choice', async () => {
    const context = await newPhone(product.browser, { locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(product.server.url);
    await page.getByLabel('登记码').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await page.goto(`${product.server.url}/?lang=en`);
    await page.getByLabel('Enrollment code').fill('DEMO-B-01');
    await page.getByRole('button', { name: 'Enroll' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: '中文' }).check();
    await page.getByRole('button', { name: '返回' }).click();

    await page.goto(product.server.url);
    await page.getByRole('button', { name: '新隐患' }).waitFor();
    await expect(page.getByRole('button', { name: '立即同步' }).count()).resolves.toBe(1);
    await context.close();
  });
});
