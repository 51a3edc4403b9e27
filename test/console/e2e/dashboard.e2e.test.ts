import type { Page } from 'playwright-core';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalSender } from '../../../src/channels/local/local-sender.ts';
import { createManualClock } from '../../../src/engine/clock.ts';
import { TEST_AUTH_TOKEN, type TestApp } from '../../helpers/test-app.ts';
import { fillMonth, local } from '../../stats/month-fixture.ts';
import { logIn, noChromium, type OpenBrowser, openBrowser, startConsole } from './browser.ts';

/**
 * The supervisors' dashboard in Debian's Chromium (issue 13): a month filled through the webhook
 * and the staff API, then an agent finds no way in, and a supervisor reads the month's cards,
 * charts and tables, small counts suppressed, and downloads a table as CSV. With
 * FARO_SCREENSHOTS=docs the page is saved as docs/dashboard.png.
 */
describe.skipIf(noChromium)('supervisors dashboard in a browser', () => {
  let t: TestApp;
  let base: string;
  let browser: OpenBrowser;
  let page: Page;
  const consoleErrors: string[] = [];
  const clock = createManualClock(local('2026-12-01T09:00'));

  beforeAll(async () => {
    ({ t, base } = await startConsole({
      env: { OUTBOX_SMS_PER_SECOND: '1000', OUTBOX_WHATSAPP_PER_SECOND: '1000' },
      overrides: { clock, sender: createLocalSender() },
      staff: { sofia: 'supervisor', ana: 'agent' },
      beforeListen: async (t, base) => {
        // The webhook's signature covers PUBLIC_BASE_URL, here the browser's address.
        await fillMonth(t, clock, (path, params) =>
          t.app.inject({
            method: 'POST',
            url: path,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-twilio-signature': twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, base + path, params),
            },
            payload: new URLSearchParams(params).toString(),
          }),
        );
        clock.set(local('2027-01-04T10:00'));
      },
    }));
    browser = await openBrowser({ viewport: { width: 1280, height: 900 } });
    page = browser.page;
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows an agent no way to the figures, and refuses the page', async () => {
    await logIn({ page, base, username: 'ana' });
    expect(await page.getByRole('link', { name: 'Cifras' }).isVisible()).toBe(false);
    await page.goto(`${base}/console/dashboard?from=2026-12-01&to=2026-12-31`);
    await page.getByText('Solo supervisión puede ver las cifras.').waitFor();
    expect(await page.locator('#stats').isVisible()).toBe(false);
    const status = await page.evaluate(async () => (await fetch('/api/staff/stats')).status);
    expect(status).toBe(403);
    await page.goto(`${base}/console`);
    await page.getByRole('button', { name: 'Salir' }).click();
    await page.getByLabel('Usuario').waitFor();
  }, 60_000);

  it("shows a supervisor the month's figures, small counts suppressed, with charts and CSV", async () => {
    await logIn({ page, base, username: 'sofia' });
    await page.getByRole('link', { name: 'Cifras' }).click();
    await page.getByLabel('Desde').fill('2026-12-01');
    await page.getByLabel('Hasta').fill('2026-12-31');
    await page.getByRole('button', { name: 'Ver', exact: true }).click();
    await page.getByText('Cifras del 2026-12-01 al 2026-12-31.').waitFor();

    const card = (metric: string) => page.locator(`.stat-card[data-metric="${metric}"] .value`).textContent();
    expect(await card('conversations')).toBe('28');
    expect(await card('messages')).toBe('97');
    expect(await card('opened')).toBe('11');
    expect(await card('never_claimed')).toBe('< 5');
    expect(await card('first_reply_median')).toBe('10');
    expect(await card('first_reply_p90')).toBe('30');
    expect(await card('reports')).toBe('9');

    const cells = (table: string, key: string) =>
      page.locator(`table[data-table="${table}"] tr[data-key="${key}"] td`).allTextContents();
    expect(await cells('languages', 'fr')).toEqual([
      '< 5',
      expect.any(String),
      '< 5',
      '< 5',
      '< 5',
      '< 5',
      '—',
      '—',
    ]);
    expect((await cells('languages', 'es')).slice(0, 1)).toEqual(['12']);
    expect((await cells('channels', 'sms')).slice(3, 6)).toEqual(['≥ 5', '< 5', '≥ 5']);
    expect(await cells('reportsWhat', 'returned_without_procedure')).toEqual(['5']);
    expect(await cells('reportsWhat', 'extortion_by_authority')).toEqual(['< 5']);
    expect(
      await page.locator('table[data-table="reportsWhat"] tr[data-key="care_refused"] th').textContent(),
    ).toBe('Le negaron atención de salud');

    // Four charts drawn by Chart.js, served by Faro itself.
    const drawn = await page.evaluate(
      "['chart-days', 'chart-topics', 'chart-languages', 'chart-reports'].map((id) => Boolean(window.Chart.getChart(document.getElementById(id))))",
    );
    expect(drawn).toEqual([true, true, true, true]);

    const csvLink = page.getByRole('link', { name: 'Descargar “Reportes anónimos: qué pasó” en CSV' });
    const href = await csvLink.getAttribute('href');
    expect(href).toBe('/api/staff/stats/export?table=reportsWhat&from=2026-12-01&to=2026-12-31&lang=es');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href!);
    expect(csv).toContain('returned_without_procedure,Regresado sin trámite,5');
    expect(csv).toContain('extortion_by_authority,Cobro o robo de una autoridad,< 5');

    if (process.env.FARO_SCREENSHOTS) {
      // The whole page in the viewport, so that every chart and table is painted.
      const height = await page.evaluate('document.documentElement.scrollHeight');
      await page.setViewportSize({ width: 1280, height: Number(height) });
      await page.screenshot({ path: `${process.env.FARO_SCREENSHOTS}/dashboard.png`, fullPage: true });
    }
    expect(browser.pageErrors).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  }, 60_000);
});
