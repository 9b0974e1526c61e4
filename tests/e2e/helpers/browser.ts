// Debian's Chromium, headless, with the flags this closed network needs, and phone-sized contexts.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface PhoneOptions {
  locale?: string;
  geolocation?: { latitude: number; longitude: number; accuracy?: number };
}

/** An iPhone-12-sized context, in English unless told otherwise. */
export async function newPhone(browser: Browser, options: PhoneOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: options.locale ?? 'en-US',
    geolocation: options.geolocation,
    permissions: options.geolocation ? ['geolocation'] : [],
    serviceWorkers: 'allow',
  });
}
