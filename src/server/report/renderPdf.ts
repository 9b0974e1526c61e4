// Server-side PDF of the printable report, with the Chromium installed on the machine (never a
// downloaded one). How many render at once is the caller's queue's business (pdfReports.ts);
// an abort closes the browser, so a client that has left costs no more rendering.
import { existsSync } from 'node:fs';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium launches so far: the tests count them to show that aborted requests cost none. */
export const pdfLaunches = { count: 0 };

export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  return path !== '' && existsSync(path) ? path : null;
}

/** The PDF's bytes, or null when no Chromium is installed. Rejects with the signal's reason on abort. */
export async function renderPdf(html: string, signal: AbortSignal): Promise<Buffer | null> {
  const executablePath = chromiumPath();
  if (executablePath === null) return null;
  // Loaded on first use: most servers never print, and playwright-core is large.
  const chromium = await import('playwright-core').then((m) => m.chromium, () => null);
  if (chromium === null) return null;
  signal.throwIfAborted();
  pdfLaunches.count++;
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  const close = () => void browser.close().catch(() => undefined);
  signal.addEventListener('abort', close, { once: true });
  try {
    signal.throwIfAborted();
    const page = await browser.newPage({ javaScriptEnabled: false });
    // The page has no script and only data: images; block any other request outright.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    signal.throwIfAborted();
    return pdf;
  } catch (error) {
    throw signal.aborted ? signal.reason : error;
  } finally {
    signal.removeEventListener('abort', close);
    await browser.close().catch(() => undefined);
  }
}
