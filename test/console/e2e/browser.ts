import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page, type ViewportSize } from 'playwright-core';
import type { ServiceOverrides } from '../../../src/build-services.ts';
import type { Role } from '../../../src/console/staff-store.ts';
import { freePort } from '../../helpers/processes.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { addStaff, PASSWORD } from '../staff-session.ts';

const CHROMIUM = '/usr/bin/chromium';

/** Without Debian's Chromium the browser tests skip, except in CI, where they must not pass unseen. */
export const noChromium = !existsSync(CHROMIUM) && !process.env.CI;

export interface OpenBrowser {
  browser: Browser;
  page: Page;
  /** Uncaught errors thrown in the page: every test ends by expecting none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Headless Chromium with one page. No sandbox: as root or in a container Chromium's own will not
 * start. No background requests, updates or first-run screens, so the traffic is only the test's.
 */
export async function openBrowser({
  viewport,
  acceptDownloads,
  args = [],
}: {
  viewport: ViewportSize;
  acceptDownloads?: boolean;
  args?: string[];
}): Promise<OpenBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      ...args,
    ],
  });
  const page = await browser.newPage({ viewport, ...(acceptDownloads ? { acceptDownloads } : {}) });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { browser, page, pageErrors, close: () => browser.close() };
}

/**
 * The app listening on a free loopback port, with its staff accounts. PUBLIC_BASE_URL is that
 * address, so webhook signatures computed for it are the ones the app checks. `beforeListen`
 * runs while no browser can reach the app yet.
 */
export async function startConsole({
  env = {},
  overrides,
  staff,
  beforeListen,
}: {
  env?: Record<string, string>;
  overrides?: ServiceOverrides;
  staff: Record<string, Role>;
  beforeListen?: (t: TestApp, base: string) => Promise<void>;
}): Promise<{ t: TestApp; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ env: { PUBLIC_BASE_URL: base, ...env }, overrides });
  for (const [username, role] of Object.entries(staff)) await addStaff(t, username, role);
  await beforeListen?.(t, base);
  await t.app.listen({ port, host: '127.0.0.1' });
  return { t, base };
}

/** Logs in through the console's form; the queue's tab showing is the sign the session holds. */
export async function logIn({ page, base, username }: { page: Page; base: string; username: string }) {
  await page.goto(`${base}/console`);
  await page.getByLabel('Usuario').fill(username);
  await page.getByLabel('Contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('tab', { name: /Esperando/ }).waitFor();
  return page;
}
