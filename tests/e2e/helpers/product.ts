// One product server (as `npm start` runs it, on a temp DATA_DIR; SQLite unless a database is
// given) and one Chromium per test file, started before its tests and stopped after them.
import { afterAll, beforeAll } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startProductServer, type ProductServer } from './server';
import { launchChromium } from './browser';
import { E2E_DIST } from './globalSetup';

export interface Product {
  server: ProductServer;
  browser: Browser;
  /** The build being served: the shared one, or a private copy the file may change. */
  staticDir: string;
}

export function useProduct(options: { privateBuild?: boolean; databaseUrl?: () => Promise<string | undefined> } = {}): Product {
  const product = {} as Product;
  beforeAll(async () => {
    product.staticDir = E2E_DIST;
    if (options.privateBuild) {
      product.staticDir = mkdtempSync(join(tmpdir(), 'patrol-build-'));
      cpSync(E2E_DIST, product.staticDir, { recursive: true });
    }
    product.server = await startProductServer(product.staticDir, {}, await options.databaseUrl?.());
    product.browser = await launchChromium();
  });
  afterAll(async () => {
    await product.browser?.close();
    await product.server?.stop();
  });
  return product;
}

/** Publishes a "new version" of a private build: a changed sw.js is all the browser looks at. */
export function publishNewServiceWorker(staticDir: string): void {
  appendFileSync(join(staticDir, 'sw.js'), `\n// next version ${Date.now()}\n`);
}
