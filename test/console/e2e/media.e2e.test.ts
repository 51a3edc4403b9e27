import type { Page } from 'playwright-core';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../../fakes/fake-twilio.ts';
import { sampleOggOpus, samplePng } from '../../fakes/media-samples.ts';
import { inboundForm, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type TestApp } from '../../helpers/test-app.ts';
import { logIn, noChromium, type OpenBrowser, openBrowser, startConsole } from './browser.ts';

/**
 * A voice note and a photo from a person on WhatsApp, in the staff console in Debian's Chromium:
 * the photo shows (it decoded: naturalWidth > 0) and the voice note loads its metadata, both
 * from Faro's own route, which fetched them from the fake Twilio with Faro's credentials. The
 * page never holds a Twilio URL.
 */
const USER = 'whatsapp:+5219624441111';

describe.skipIf(noChromium)('media in the staff console', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  let base: string;
  let browser: OpenBrowser;
  let page: Page;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    ({ t, base } = await startConsole({
      env: {
        TWILIO_API_BASE_URL: fake.baseUrl,
        OUTBOX_WHATSAPP_PER_SECOND: '100',
        BUSINESS_HOURS: 'mon-sun 00:00-24:00',
      },
      staff: { ana: 'agent' },
    }));
    browser = await openBrowser({
      viewport: { width: 1280, height: 800 },
      args: ['--autoplay-policy=no-user-gesture-required'],
    });
    page = browser.page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await fake?.close();
  });

  async function post(form: Record<string, string>) {
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

  async function userSends(contentType: string, bytes: Buffer) {
    const held = fake.media.addInbound([{ contentType, bytes }]);
    await post(
      inboundForm(USER, '', {
        MessageSid: held.messageSid,
        NumMedia: '1',
        MediaUrl0: held.urls[0]!,
        MediaContentType0: contentType,
      }),
    );
    return held;
  }

  it('shows the photo and plays the voice note, through Faro', async () => {
    await post(inboundForm(USER, 'quiero hablar con una persona'));
    await logIn({ page, base, username: 'ana' });
    const row = page.locator('.queue-row').first();
    await row.waitFor({ timeout: 5_000 });
    await row.click();
    await page.getByRole('button', { name: 'Tomar el caso' }).click();
    await page.getByLabel('Tu respuesta').waitFor();

    const voice = await userSends('audio/ogg', sampleOggOpus(2));
    const photo = await userSends('image/png', samplePng(24, 16));

    // Live, over the console's event stream.
    const img = page.locator('.entry-media img');
    // The entry arrives first; the picture is "visible" only once loaded through Faro's media
    // route, which the width below waits for.
    await img.waitFor({ state: 'attached', timeout: 5_000 });
    // Node's types have no DOM: the page's elements are described by what is read of them.
    const width = () =>
      img.evaluate((i) => {
        const shown = i as unknown as { complete: boolean; naturalWidth: number };
        return shown.complete ? shown.naturalWidth : 0;
      });
    await expect.poll(width, { timeout: 15_000 }).toBe(24);
    expect(await img.getAttribute('src')).toMatch(
      new RegExp(`^/api/staff/tickets/[^/]+/media/${photo.sids[0]}$`),
    );

    const audio = page.locator('.entry-media audio');
    await audio.waitFor({ timeout: 5_000 });
    expect(await audio.getAttribute('src')).toMatch(
      new RegExp(`^/api/staff/tickets/[^/]+/media/${voice.sids[0]}$`),
    );
    const metadata = await audio.evaluate(
      (node) =>
        new Promise<{ ready: number; duration: number; error: number | null }>((resolve) => {
          const a = node as unknown as {
            readyState: number;
            duration: number;
            error: { code: number } | null;
            load(): void;
            addEventListener(type: string, listener: () => void, opts: { once: boolean }): void;
          };
          const done = () =>
            resolve({ ready: a.readyState, duration: a.duration, error: a.error?.code ?? null });
          if (a.readyState >= 1) return done();
          a.addEventListener('loadedmetadata', done, { once: true });
          a.addEventListener('error', done, { once: true });
          a.load();
        }),
    );
    expect(metadata.error).toBeNull();
    expect(metadata.ready).toBeGreaterThanOrEqual(1);
    expect(metadata.duration).toBeGreaterThan(1);

    expect(fake.media.fetched).toEqual(
      expect.arrayContaining([
        `${voice.messageSid}/${voice.sids[0]}`,
        `${photo.messageSid}/${photo.sids[0]}`,
      ]),
    );
    const html = await page.content();
    expect(html).not.toContain('twilio.com');
    expect(html).not.toContain(fake.baseUrl);
    if (process.env.FARO_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.FARO_SCREENSHOTS}/console-media.png`, fullPage: true });
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);
});
