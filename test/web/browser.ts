// Headless Chromium for the browser tests, driven by playwright-core: the machine's own Chromium
// (Debian's `chromium` by default, CHROMIUM_PATH to name another), never a browser downloaded by
// Playwright. Missing, the tests fail and say how to install it.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Stack } from '../../platform/tools/stack';
import { startTestStack } from '../e2e/harness';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Where the tests leave their screenshots: the README's (committed) with UPDATE_SCREENSHOTS=1, a
 * temporary folder otherwise, so that a test run leaves the checkout as it found it (the pages show
 * the day's date, so every run's pictures differ).
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(__dirname, '..', '..', 'gateway', 'web', 'screenshots')
  : mkdtempSync(join(tmpdir(), 'omnigraph-screenshots-'));

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: the browser tests need one. Install Debian's (apt-get update && apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH.`,
    );
  }
  // launch() gives every run a fresh temporary profile (user data dir) of its own, removed on close
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page of the gateway of this stack, as a browser opens it: /console/, /ropo/. */
export const pageUrl = (stack: Stack, path: string) => new URL(path, stack.gatewayUrl).href;

/** A new page, its console errors (a React crash) failing the test that asks for them. */
export async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // what a page waits for is the stack's answer, slower on a loaded 2-core machine than Playwright's 30 s default allows
  page.setDefaultTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => {
    // Chromium's notice that a resize (the charts') was handled a frame later: benign, and timing-dependent
    if (!/ResizeObserver loop/.test(err.message)) errors.push(err.message);
  });
  return { page, errors };
}

/** A test file's test stack and browser, started together before its tests and stopped after them. */
export function stackAndBrowser(env: Record<string, string> = {}): { stack: Stack; browser: Browser } {
  const running = {} as { stack: Stack; browser: Browser };
  beforeAll(async () => {
    // both waited for: when one fails to start (no Chromium), afterAll still stops the other, whose
    // servers would otherwise keep the test worker from exiting
    const [stack, browser] = await Promise.allSettled([startTestStack(env), launchChromium()]);
    if (stack.status === 'fulfilled') running.stack = stack.value;
    if (browser.status === 'fulfilled') running.browser = browser.value;
    for (const started of [stack, browser]) if (started.status === 'rejected') throw started.reason;
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.stack?.close();
  });
  return running;
}
