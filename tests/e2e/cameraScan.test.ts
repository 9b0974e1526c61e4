// A checkpoint card from the office's printable sheet, scanned with the camera as on a phone
// without BarcodeDetector (Chromium on Linux has none, like iOS Safari): Chromium's fake camera
// plays the card's image, and the app's fallback decoder (qr-scanner's worker) must read it and
// record the scan. Both ends are the app's own: the QR encoder of the sheet and the decoder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startProductServer, type ProductServer } from './helpers/server';
import { CHROMIUM_ARGS, newPhone } from './helpers/browser';
import { enroll, waitForServiceWorker } from './helpers/app';
import { E2E_DIST } from './helpers/globalSetup';
import { demoCompoundCentre } from '../../src/server/seed/compounds';

const WIDTH = 640;
const HEIGHT = 480;

/**
 * The printed card as the camera sees it: the sheet's QR image for `code`, drawn on a white
 * 640×480 frame in the admin's browser, returned as luma (Y) bytes.
 */
async function cardLuma(page: Page, code: string): Promise<Buffer> {
  const card = page.locator('.qr-card', { has: page.locator('code', { hasText: code }) });
  const base64 = await card.locator('img').evaluate(async (img: HTMLImageElement, [width, height]) => {
    await img.decode();
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingEnabled = false;
    const side = Math.floor(height * 0.8);
    context.drawImage(img, (width - side) / 2, (height - side) / 2, side, side);
    const rgba = context.getImageData(0, 0, width, height).data;
    const luma = new Uint8Array(width * height);
    for (let i = 0; i < luma.length; i++) luma[i] = 16 + Math.round((rgba[i * 4]! * 219) / 255);
    let binary = '';
    for (const byte of luma) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, [WIDTH, HEIGHT] as const);
  return Buffer.from(base64, 'base64');
}

/** One frame of 4:2:0 video (Y4M) with neutral chroma: Chromium's fake camera loops it. */
function y4m(luma: Buffer): Buffer {
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\nFRAME\n`);
  return Buffer.concat([header, luma, chroma, chroma]);
}

let server: ProductServer;
let browser: Browser | null = null;

beforeAll(async () => {
  server = await startProductServer(E2E_DIST);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('scanning a checkpoint with the camera', () => {
  it('reads the QR card with the fallback decoder and records the scan', async () => {
    const [checkpoint] = server.query<{ code: string }>("SELECT code FROM checkpoints WHERE compound_id = 'c01' LIMIT 1");
    const office = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const adminPage = await (await newPhone(office)).newPage();
    await enroll(adminPage, server.url, 'DEMO-ADMIN');
    await adminPage.getByRole('button', { name: 'Print checkpoint QR codes' }).click();
    const luma = await cardLuma(adminPage, checkpoint!.code);
    await office.close();
    const video = join(mkdtempSync(join(tmpdir(), 'patrol-camera-')), 'checkpoint.y4m');
    writeFileSync(video, y4m(luma));
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    const centre = demoCompoundCentre('c01');
    const context = await newPhone(browser, { geolocation: { latitude: centre.lat, longitude: centre.lng, accuracy: 5 } });
    await context.grantPermissions(['geolocation', 'camera'], { origin: server.url });
    const page = await context.newPage();
    await enroll(page, server.url, 'DEMO-A-05');
    await waitForServiceWorker(page);
    expect(await page.evaluate(() => 'BarcodeDetector' in globalThis)).toBe(false);

    await page.getByRole('button', { name: 'Start round' }).click();
    await page.getByRole('button', { name: 'Scan checkpoint' }).click();
    await page.getByRole('button', { name: 'Scan with camera' }).click();
    await page.getByText(/Scan recorded/).waitFor({ timeout: 15_000 });
    const scans = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('patrol-log');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      return new Promise<{ method: string }[]>((resolve) => {
        const request = db.transaction('checkpointScans').objectStore('checkpointScans').getAll();
        request.onsuccess = () => resolve(request.result as { method: string }[]);
      });
    });
    expect(scans.map((s) => s.method)).toEqual(['camera']);
    await context.close();
  });
});
