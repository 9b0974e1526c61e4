// Server-side PDF of the printable report, with the Chromium installed on the machine (never a
// downloaded one). One render at a time: the server is small and Chromium is not.
import { existsSync } from 'node:fs';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let queue: Promise<unknown> = Promise.resolve();

export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  return path !== '' && existsSync(path) ? path : null;
}

/** The PDF's bytes, or null when no Chromium is installed. */
export async function renderPdf(html: string): Promise<Buffer | null> {
  const executablePath = chromiumPath();
  if (executablePath === null) return null;
  const run = queue.then(async () => {
    // Loaded on first use: most servers never print, and playwright-core is large. An install
    // without it (or without Chromium) answers "unavailable".
    const chromium = await import('playwright-core').then((m) => m.chromium, () => null);
    if (chromium === null) return null;
    const browser = await chromium.launch({ executablePath, args: FLAGS });
    try {
      const page = await browser.newPage({ javaScriptEnabled: false });
      // The page has no script and only data: images; block any other request outright.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
