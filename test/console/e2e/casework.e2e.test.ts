import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakePrimero, startFakePrimero } from '../../fakes/fake-primero.ts';
import { type FakeTwilio, startFakeTwilio } from '../../fakes/fake-twilio.ts';
import { waitUntil } from '../../helpers/processes.ts';
import { inboundForm, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type TestApp } from '../../helpers/test-app.ts';
import { logIn, noChromium, type OpenBrowser, openBrowser, startConsole } from './browser.ts';

/**
 * Issue 12 in Chromium: a person opens a ticket on one number and gets a case code; they write
 * the code and PIN from a second number and staff see one case with both; a referral is
 * recorded, consented in the conversation, exported as CSV and pushed to a fake Primero; search
 * finds the ticket by label and by the number's last digits.
 */
const FIRST = '+5219624440111';
const SECOND = 'whatsapp:+5219624440122';

describe.skipIf(noChromium)('casework in the console, in a browser', () => {
  let fake: FakeTwilio;
  let primero: FakePrimero;
  let t: TestApp;
  let base: string;
  let browser: OpenBrowser;
  let page: Page;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    primero = await startFakePrimero({ user: 'faro', password: 'primero-secret' });
    ({ t, base } = await startConsole({
      env: {
        TWILIO_API_BASE_URL: fake.baseUrl,
        OUTBOX_SMS_PER_SECOND: '100',
        OUTBOX_WHATSAPP_PER_SECOND: '100',
        BUSINESS_HOURS: 'mon-sun 00:00-24:00',
        PRIMERO_BASE_URL: primero.baseUrl,
        PRIMERO_USER: 'faro',
        PRIMERO_PASSWORD: 'primero-secret',
        PRIMERO_REFER_TO: 'cp_tapachula',
      },
      staff: { sofia: 'supervisor' },
    }));
    browser = await openBrowser({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page = browser.page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await primero?.close();
    await fake?.close();
  });

  async function userWrites(text: string, from: string) {
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
  const sentTo = (to: string) => fake.messages.filter((m) => m.to === to).map((m) => m.body);
  const panel = () => page.locator('.casework');

  it('follows one person across two numbers, with a consented referral, export, Primero and search', async () => {
    await logIn({ page, base, username: 'sofia' });

    // 1. A ticket on the first number; staff take it and give a case code.
    await userWrites('quiero hablar con una persona', FIRST);
    await page.locator('.queue-row', { hasText: '••11' }).click();
    await page.getByRole('button', { name: 'Tomar el caso' }).click();
    await page.getByRole('button', { name: 'Dar código de caso' }).click();
    await panel().locator('.case-code-issued').waitFor({ timeout: 5_000 });
    const [, code, pin] = /Código ([3479CFHJKMPRTWX]{3}-[3479CFHJKMPRTWX]{3}) · PIN (\d{4})/.exec(
      (await panel().locator('.case-code-issued').textContent()) ?? '',
    )!;
    await waitUntil(
      async () => sentTo(FIRST).some((b) => b.includes(code!) && b.includes(pin!)),
      5_000,
      () => 'no code sent',
    );

    // 2. The second number writes the code, then the PIN: one case, both numbers.
    await userWrites(code!, SECOND);
    await userWrites(pin!, SECOND);
    expect(sentTo(SECOND).at(-1)).toMatch(/seguimos tu caso en este número/);
    await page
      .locator('.bubble', { hasText: 'joined by case code: WhatsApp ••• ••• ••22' })
      .waitFor({ timeout: 5_000 });
    await page.reload();
    await panel().locator('.case-joined', { hasText: 'WhatsApp ••• ••• ••22' }).waitFor({ timeout: 5_000 });
    await expect.poll(() => page.locator('#ticket-title').textContent()).toContain('••22');
    await userWrites('ahora escribo desde este teléfono', SECOND);
    await page
      .locator('.bubble', { hasText: 'ahora escribo desde este teléfono' })
      .waitFor({ timeout: 5_000 });

    // 3. A referral, consented by the person in the conversation, pushed to Primero.
    await page.getByLabel('Servicio u organización').fill('Centro de Derechos Humanos Fray Matías');
    await page.getByLabel('Para qué').fill('legal');
    await page.getByLabel('Caso en Primero (opcional)').fill('case-123');
    await page.getByRole('button', { name: 'Registrar canalización' }).click();
    await page.getByRole('button', { name: 'Pedir permiso en la conversación' }).click();
    await waitUntil(
      async () => sentTo(SECOND).some((b) => b.includes('permiso')),
      5_000,
      () => 'no consent question',
    );
    await userWrites('si', SECOND);
    expect(sentTo(SECOND).at(-1)).toMatch(/sí das permiso/);
    await page.reload();
    await panel()
      .locator('.referral-consent', { hasText: 'Permiso: sí (en la conversación)' })
      .waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Enviar a Primero' }).click();
    await panel().locator('.referral-pushed').waitFor({ timeout: 5_000 });
    expect(primero.referrals).toEqual([
      {
        caseId: 'case-123',
        data: expect.objectContaining({ transitioned_to: 'cp_tapachula', consent_for_services: true }),
      },
    ]);

    // 4. The supervisor exports referrals as CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exportar canalizaciones (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^id,ticket_id,service_type,service_implementing_agency/);
    expect(csv).toContain(',in_progress,true,true,conversation,');

    // 5. Search finds the ticket by a label and by the last digits of the number.
    await page.getByLabel('Añadir etiquetas (separa con comas)').fill('seguimiento-asilo');
    await page.getByRole('button', { name: 'Añadir', exact: true }).click();
    await page.locator('.ticket-side', { hasText: 'seguimiento-asilo' }).waitFor({ timeout: 5_000 });
    for (const q of ['seguimiento-asilo', '0122']) {
      await page.locator('#search-q').fill(q);
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await page
        .locator('.search-results a', { hasText: 'WhatsApp ••• ••• ••22' })
        .waitFor({ timeout: 5_000 });
    }
    if (process.env.FARO_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.FARO_SCREENSHOTS}/console-casework.png`, fullPage: true });
    expect(browser.pageErrors).toEqual([]);
  }, 90_000);
});
