import fc from 'fast-check';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalSender, type LocalSender } from '../../src/channels/local/local-sender.ts';
import {
  createTestApp,
  PUBLIC_BASE_URL,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  type TestApp,
} from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';
let t: TestApp;
let sender: LocalSender;
beforeAll(async () => {
  sender = createLocalSender();
  t = await createTestApp({
    env: {
      OUTBOX_SMS_PER_SECOND: '10000',
      OUTBOX_WHATSAPP_PER_SECOND: '10000',
      FLOOD_MAX_PER_MINUTE: '100000',
    },
    overrides: { sender },
  });
});
afterAll(async () => t.close());

/** Twilio sends UTF-8, so what the server parses is what gets signed: sign the round trip. */
async function postSigned(form: Record<string, string>) {
  const payload = new URLSearchParams(form).toString();
  const parsed = Object.fromEntries(new URLSearchParams(payload));
  const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, PUBLIC_BASE_URL + PATH, parsed);
  return t.app.inject({
    method: 'POST',
    url: PATH,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    payload,
  });
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000\u0007\u001b',
    '\u202e\u05e9\u05dc\u05d5\u05dd',
    '🆘🆘🆘',
    '\uD800',
    '0',
    '9999999999',
  ),
  fc.string({ unit: 'binary', minLength: 9_000, maxLength: 10_000 }),
);
const media = fc.array(
  fc.record({
    url: fc.webUrl(),
    type: fc.constantFrom('audio/ogg', 'image/jpeg', 'video/mp4', 'text/vcard', ''),
  }),
  { maxLength: 12 },
);
const unknownFields = fc.dictionary(
  fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((k) => !/^(MessageSid|From|To|Body|NumMedia|MediaUrl|MediaContentType)/.test(k)),
  fc.string({ maxLength: 50 }),
  { maxKeys: 5 },
);

let n = 0;
describe('any inbound message', () => {
  it('is never a 5xx, and a recorded message always gets a reply', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, media, unknownFields, fc.boolean(), async (body, items, extra, whatsapp) => {
        n++;
        const from = `${whatsapp ? 'whatsapp:' : ''}+52196200${String(n).padStart(5, '0')}`;
        const form: Record<string, string> = {
          ...extra,
          MessageSid: `SM${String(n).padStart(32, '0')}`,
          AccountSid: TEST_ACCOUNT_SID,
          From: from,
          To: '+15005550006',
          Body: body,
          NumMedia: String(items.length),
        };
        items.forEach((m, i) => {
          form[`MediaUrl${i}`] = m.url;
          form[`MediaContentType${i}`] = m.type;
        });
        const before = sender.sent.length;
        const res = await postSigned(form);
        expect(res.statusCode).toBeLessThan(500);
        expect([200, 400, 413]).toContain(res.statusCode);
        if (res.statusCode === 200) {
          await t.services.engine.idle();
          await t.services.outbox.drain();
          expect(sender.sent.slice(before).filter((d) => d.to === from).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
    expect(t.logs.join('')).not.toContain('process_failed');
  });

  it('is refused with 413 when the body is larger than Twilio ever sends', async () => {
    const res = await postSigned({
      MessageSid: 'SMbig',
      From: '+5219620000000',
      To: '+15005550006',
      Body: 'a'.repeat(70_000),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('is refused with 403 when a signed request is replayed with another body', async () => {
    const form = {
      MessageSid: `SM${'e'.repeat(32)}`,
      AccountSid: TEST_ACCOUNT_SID,
      From: '+5219620000001',
      To: '+15005550006',
      Body: 'hola',
    };
    const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, PUBLIC_BASE_URL + PATH, form);
    const replay = (payload: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: PATH,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        payload: new URLSearchParams(payload).toString(),
      });
    expect((await replay(form)).statusCode).toBe(200);
    expect((await replay({ ...form, Body: 'BORRAR' })).statusCode).toBe(403);
    expect((await replay({ ...form, From: '+5219629999999' })).statusCode).toBe(403);
  });
});
