import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../../fakes/fake-twilio.ts';
import {
  createTestApp,
  inboundForm,
  PUBLIC_BASE_URL,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  type TestApp,
} from '../../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';
const SMS_USER = '+5219621234567';
const WA_USER = 'whatsapp:+5219627654321';

let fake: FakeTwilio;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
});
afterAll(async () => fake.close());
beforeEach(async () => {
  fake.messages.length = 0;
  t = await createTestApp({ env: { TWILIO_API_BASE_URL: fake.baseUrl } });
});
afterEach(async () => t.close());

async function settle() {
  await t.services.engine.idle();
  await t.services.outbox.drain();
}

interface Case {
  name: string;
  form: () => Record<string, string>;
  sign?: (form: Record<string, string>) => string | null;
  tamper?: (form: Record<string, string>) => Record<string, string>;
  status: number;
  contentType?: RegExp;
  bodyIncludes?: string;
  sends: number;
  to?: string;
  replyIncludes?: RegExp;
}

const sign = (url: string) => (form: Record<string, string>) =>
  twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, url, form);

const cases: Case[] = [
  {
    name: 'an SMS gets an empty TwiML and the language list by SMS',
    form: () => inboundForm(SMS_USER, 'IDIOMA'),
    status: 200,
    contentType: /text\/xml/,
    bodyIncludes: '<Response/>',
    sends: 1,
    to: SMS_USER,
    replyIncludes: /Espa(n|ñ)ol/,
  },
  {
    name: 'a WhatsApp message is answered on WhatsApp',
    form: () => inboundForm(WA_USER, 'IDIOMA', { ProfileName: 'Ana', WaId: '5219627654321' }),
    status: 200,
    bodyIncludes: '<Response/>',
    sends: 1,
    to: WA_USER,
    replyIncludes: /Kreyòl/,
  },
  {
    name: 'unknown fields that Twilio may add are accepted',
    form: () =>
      inboundForm(SMS_USER, 'IDIOMA', { FromCity: 'TAPACHULA', SomeNewField: 'x', NumSegments: '1' }),
    status: 200,
    sends: 1,
  },
  {
    name: 'no signature is refused with 403',
    form: () => inboundForm(SMS_USER, 'hola'),
    sign: () => null,
    status: 403,
    sends: 0,
  },
  {
    name: 'a wrong signature is refused with 403',
    form: () => inboundForm(SMS_USER, 'hola'),
    sign: () => 'bm90IGEgc2lnbmF0dXJl',
    status: 403,
    sends: 0,
  },
  {
    name: 'a body changed after signing is refused with 403',
    form: () => inboundForm(SMS_USER, 'hola'),
    tamper: (f) => ({ ...f, Body: 'BORRAR' }),
    status: 403,
    sends: 0,
  },
  {
    name: 'a signature for another URL is refused with 403',
    form: () => inboundForm(SMS_USER, 'hola'),
    sign: sign('https://evil.example.com/webhooks/twilio/messages'),
    status: 403,
    sends: 0,
  },
  {
    name: 'a signature made with another token is refused with 403',
    form: () => inboundForm(SMS_USER, 'hola'),
    sign: (f) => twilio.getExpectedTwilioSignature('another-token', PUBLIC_BASE_URL + PATH, f),
    status: 403,
    sends: 0,
  },
  {
    name: 'a form without MessageSid is a 400 naming the field',
    form: () => {
      const { MessageSid: _, ...rest } = inboundForm(SMS_USER, 'hola');
      return rest;
    },
    status: 400,
    bodyIncludes: 'MessageSid',
    sends: 0,
  },
  {
    name: 'a form without From and To is a 400 naming both',
    form: () => {
      const { From: _f, To: _t, ...rest } = inboundForm(SMS_USER, 'hola');
      return rest;
    },
    status: 400,
    bodyIncludes: 'From, To',
    sends: 0,
  },
  {
    // Twilio's signature joins each key and value with no separator, so a captured request can
    // be re-cut: `MessageSid=SM…` + `NumMedia=0` signs the same as `MessageSid=SM…NumMedia0`.
    name: 'a captured webhook re-cut into a new MessageSid (same signature) is refused with 400',
    form: () => inboundForm(SMS_USER, 'hola'),
    tamper: ({ NumMedia, ...f }) => ({ ...f, MessageSid: `${f.MessageSid}NumMedia${NumMedia}` }),
    status: 400,
    bodyIncludes: 'MessageSid',
    sends: 0,
  },
  {
    name: 'a captured webhook with Body folded into AccountSid (same signature) is refused with 403',
    form: () => inboundForm(SMS_USER, 'hola'),
    tamper: ({ Body, ...f }) => ({ ...f, AccountSid: `${f.AccountSid}Body${Body}` }),
    status: 403,
    sends: 0,
  },
  {
    name: 'a signed webhook for another Twilio account is refused with 403',
    form: () => inboundForm(SMS_USER, 'hola', { AccountSid: `AC${'b'.repeat(32)}` }),
    status: 403,
    sends: 0,
  },
  {
    name: 'a signed webhook without AccountSid is refused with 403',
    form: () => {
      const { AccountSid: _, ...rest } = inboundForm(SMS_USER, 'hola');
      return rest;
    },
    status: 403,
    sends: 0,
  },
  {
    name: 'a MessageSid that is not SM or MM and 32 hex characters is a 400',
    form: () => inboundForm(SMS_USER, 'hola', { MessageSid: 'SM1234' }),
    status: 400,
    bodyIncludes: 'MessageSid',
    sends: 0,
  },
  {
    name: 'an SmsSid that differs from MessageSid is a 400',
    form: () => inboundForm(SMS_USER, 'hola', { SmsSid: `SM${'0'.repeat(32)}` }),
    status: 400,
    bodyIncludes: 'SmsSid',
    sends: 0,
  },
  {
    name: 'an MMS (MessageSid MM…, SmsSid and SmsMessageSid the same) is answered',
    form: () => {
      const sid = `MM${'4'.repeat(32)}`;
      return inboundForm(WA_USER, '', {
        MessageSid: sid,
        SmsSid: sid,
        SmsMessageSid: sid,
        NumMedia: '1',
        MediaUrl0: 'https://api.twilio.com/media/ME2',
        MediaContentType0: 'audio/ogg',
      });
    },
    status: 200,
    sends: 1,
  },
  {
    name: 'a voice note gets "we cannot listen to it" in Spanish',
    form: () =>
      inboundForm(WA_USER, '', {
        NumMedia: '1',
        MediaUrl0: 'https://api.twilio.com/media/ME1',
        MediaContentType0: 'audio/ogg',
      }),
    status: 200,
    sends: 1,
    replyIncludes: /(notas de voz|audio)/i,
  },
];

describe('POST /webhooks/twilio/messages', () => {
  it.each(cases)('$name', async (c) => {
    const form = c.form();
    const signature = c.sign
      ? c.sign(form)
      : twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, PUBLIC_BASE_URL + PATH, form);
    const sent = c.tamper ? c.tamper(form) : form;
    const res = await t.post(PATH, sent, { signature });
    expect(res.statusCode).toBe(c.status);
    if (c.contentType) expect(res.headers['content-type']).toMatch(c.contentType);
    if (c.bodyIncludes) expect(res.body).toContain(c.bodyIncludes);
    await settle();
    expect(fake.messages).toHaveLength(c.sends);
    if (c.to) expect(fake.messages[0]?.to).toBe(c.to);
    if (c.replyIncludes) expect(fake.messages[0]?.body).toMatch(c.replyIncludes);
  });

  it('answers a Twilio retry of the same MessageSid once', async () => {
    // A one-message answer (the language list), so that one reply is one message at Twilio.
    const form = inboundForm(SMS_USER, 'IDIOMA');
    const [a, b] = await Promise.all([t.post(PATH, form), t.post(PATH, form)]);
    const c = await t.post(PATH, form);
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([200, 200, 200]);
    await settle();
    expect(fake.messages).toHaveLength(1);
  });

  it('sends replies with a status callback to our own status route', async () => {
    await t.post(PATH, inboundForm(SMS_USER, 'hola'));
    await settle();
    expect(fake.messages[0]?.statusCallback).toMatch(
      /^https:\/\/faro\.example\.org\/webhooks\/twilio\/status\?c=/,
    );
    expect(fake.messages[0]?.from).toBe('+15005550006');
  });
});

describe('POST /webhooks/twilio/status', () => {
  it('moves a message forward and never back', async () => {
    // A message in a ticket keeps its status (the console shows it); bot chatter does not.
    await t.post(PATH, inboundForm(SMS_USER, 'quiero hablar con una persona'));
    await settle();
    const sent = fake.messages[0]!;
    const url = new URL(sent.statusCallback!);
    const path = url.pathname + url.search;
    const c = url.searchParams.get('c')!;
    const m = url.searchParams.get('m')!;
    for (const status of ['delivered', 'sent']) {
      const res = await t.post(path, {
        MessageSid: sent.sid,
        MessageStatus: status,
        AccountSid: TEST_ACCOUNT_SID,
      });
      expect(res.statusCode).toBe(200);
    }
    expect((await t.services.store.getMessage(c, m))?.status).toBe('delivered');
    await t.post(path, { MessageSid: sent.sid, MessageStatus: 'read', AccountSid: TEST_ACCOUNT_SID });
    expect((await t.services.store.getMessage(c, m))?.status).toBe('read');
  });

  it.each([
    ['another account', { AccountSid: `AC${'b'.repeat(32)}` }, 403],
    ['no AccountSid', { AccountSid: undefined }, 403],
    ['a malformed MessageSid', { MessageSid: 'SMx' }, 400],
  ])('refuses a signed status callback with %s', async (_, change, status) => {
    await t.post(PATH, inboundForm(SMS_USER, 'quiero hablar con una persona'));
    await settle();
    const sent = fake.messages[0]!;
    const url = new URL(sent.statusCallback!);
    const form: Record<string, string> = {
      MessageSid: sent.sid,
      MessageStatus: 'delivered',
      AccountSid: TEST_ACCOUNT_SID,
    };
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete form[k];
      else form[k] = v;
    }
    const res = await t.post(url.pathname + url.search, form);
    expect(res.statusCode).toBe(status);
    const m = url.searchParams.get('m')!;
    expect((await t.services.store.getMessage(url.searchParams.get('c')!, m))?.status).not.toBe('delivered');
  });

  it('refuses an unsigned status callback', async () => {
    const res = await t.post(
      '/webhooks/twilio/status',
      { MessageSid: 'SMx', MessageStatus: 'delivered' },
      { signature: null },
    );
    expect(res.statusCode).toBe(403);
  });
});
