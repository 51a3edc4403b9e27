import type { Page } from 'playwright-core';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../../fakes/fake-twilio.ts';
import { waitUntil } from '../../helpers/processes.ts';
import { inboundForm, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type TestApp } from '../../helpers/test-app.ts';
import { PASSWORD } from '../staff-session.ts';
import { logIn, noChromium, type OpenBrowser, openBrowser, startConsole } from './browser.ts';

/**
 * The staff console in Debian's Chromium, driven by playwright-core: a user asks for a person
 * through a signed webhook, a staff member sees it live, claims, replies (the fake Twilio API
 * gets the message for the user's number), reads the user's answer live, closes, and the bot
 * answers the user again. Hostile text in a message shows as text and runs nothing.
 */
const USER = 'whatsapp:+5219624440000';
const XSS = '<img src=x onerror=alert(1)> <script>alert(2)</script> hola';

describe.skipIf(noChromium)('staff console in a browser', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  let base: string;
  let browser: OpenBrowser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    ({ t, base } = await startConsole({
      env: {
        TWILIO_API_BASE_URL: fake.baseUrl,
        OUTBOX_WHATSAPP_PER_SECOND: '100',
        BUSINESS_HOURS: 'mon-sun 00:00-24:00',
      },
      staff: { ana: 'agent', beto: 'agent' },
    }));
    browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
    page = browser.page;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await fake?.close();
  });

  async function userWrites(text: string, from = USER) {
    const form = inboundForm(from, text);
    const signature = twilio.getExpectedTwilioSignature(
      TEST_AUTH_TOKEN,
      `${base}/webhooks/twilio/messages`,
      form,
    );
    const res = await fetch(`${base}/webhooks/twilio/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(form).toString(),
    });
    expect(res.status).toBe(200);
    await t.services.engine.idle();
    await t.services.outbox.drain();
  }
  const toUser = () => fake.messages.filter((m) => m.to === USER).map((m) => m.body);

  it('takes a conversation from the bot to a person and back, live', async () => {
    await logIn({ page, base, username: 'ana' });

    // The ticket appears live, after the staff member is already looking at the queue.
    await userWrites('quiero hablar con una persona');
    expect(toUser().at(-1)).toMatch(/persona de nuestro equipo/);
    const row = page.locator('.queue-row').first();
    await row.waitFor({ timeout: 5_000 });
    await expect.poll(() => row.textContent()).toMatch(/••67|••00/);
    await row.click();

    await page.getByRole('button', { name: 'Tomar el caso' }).click();
    await waitUntil(
      async () => toUser().some((b) => /entró a la conversación/.test(b)),
      5_000,
      () => 'no joined message',
    );

    await page.getByLabel('Tu respuesta').fill('Hola, soy Ana del equipo. ¿Dónde estás ahora?');
    await page.getByRole('button', { name: 'Enviar' }).click();
    await waitUntil(
      async () => toUser().some((b) => b.includes('soy Ana del equipo')),
      5_000,
      () => 'staff reply not at Twilio',
    );

    await userWrites('Estoy en el parque central');
    await page.locator('.bubble', { hasText: 'Estoy en el parque central' }).waitFor({ timeout: 5_000 });

    await userWrites(XSS);
    const hostile = page.locator('.bubble', { hasText: '<img src=x onerror=alert(1)>' });
    await hostile.waitFor({ timeout: 5_000 });
    expect(await hostile.textContent()).toContain('<script>alert(2)</script>');
    expect(await page.locator('.bubble img, .bubble script').count()).toBe(0);
    if (process.env.FARO_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.FARO_SCREENSHOTS}/console-ticket.png`, fullPage: true });

    await page.getByRole('button', { name: 'Cerrar el caso' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cerrar el caso' }).click();
    await waitUntil(
      async () => toUser().some((b) => /cerró la conversación/.test(b)),
      5_000,
      () => 'no closing message',
    );

    const before = toUser().length;
    await userWrites('hola');
    expect(toUser().length).toBe(before + 1);
    expect(toUser().at(-1)).toMatch(/¿En qué te ayudo\?|Pedir asilo/);

    expect(dialogs).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);

  it('shows an agent nothing of a ticket another agent took, live (F7)', async () => {
    const [taken, mine] = ['whatsapp:+5219624441111', 'whatsapp:+5219624443333'];
    for (const from of [taken, mine]) await userWrites('quiero hablar con una persona', from);
    const rowOf = (digits: string) => page.locator('.queue-row', { hasText: `••${digits}` });
    await page.getByRole('tab', { name: /Esperando/ }).click();
    await rowOf('11').waitFor({ timeout: 5_000 });
    await rowOf('33').waitFor({ timeout: 5_000 });

    await page.getByRole('tab', { name: /Activos/ }).click();
    const ticketOf = async (from: string) =>
      (await t.services.handoffSide.tickets.openFor(t.services.crypto.hash(from)))!.id;
    const claim = async (username: string, from: string) => {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/staff/session',
        payload: { username, password: PASSWORD },
      });
      const cookie = `faro_session=${login.cookies.find((c) => c.name === 'faro_session')!.value}`;
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/staff/tickets/${await ticketOf(from)}/claim`,
        headers: { cookie, 'x-csrf-token': login.json().csrfToken },
      });
      expect(res.statusCode).toBe(200);
    };
    await claim('beto', taken);
    await claim('ana', mine);
    // Ana's own claim reaches her after Beto's: by then Beto's ticket would have shown too.
    await rowOf('33').waitFor({ timeout: 5_000 });
    expect(await rowOf('11').count()).toBe(0);
    await page.getByRole('tab', { name: /Esperando/ }).click();
    await page.getByRole('tab', { name: /Esperando/ }).waitFor();
    await expect.poll(() => rowOf('11').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);
});
