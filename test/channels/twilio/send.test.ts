import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rewriteApiUri } from '../../../src/channels/twilio/api-base-url-client.ts';
import { createTwilioSender, type TwilioSenderConfig } from '../../../src/channels/twilio/send.ts';
import {
  SendError,
  type SendErrorKind,
  sendErrorFromTwilio,
} from '../../../src/channels/twilio/send-error.ts';
import { type FakeFailure, type FakeTwilio, startFakeTwilio } from '../../fakes/fake-twilio.ts';

const accountSid = `AC${'a'.repeat(32)}`;
const authToken = 'test-auth-token';
const user = '+5296212345678';

let fake: FakeTwilio;
beforeEach(async () => {
  fake = await startFakeTwilio({ accountSid, authToken });
});
afterEach(() => fake.close());

function sender(config: Partial<TwilioSenderConfig> = {}) {
  return createTwilioSender({
    accountSid,
    authToken,
    apiBaseUrl: fake.baseUrl,
    smsFrom: '+15005550006',
    whatsappFrom: '+14155238886',
    ...config,
  });
}

async function sendError(promise: Promise<unknown>): Promise<SendError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SendError);
  return err as SendError;
}

describe('createTwilioSender', () => {
  it('delivers an SMS to Twilio with To, From, Body and StatusCallback', async () => {
    const result = await sender().send({
      channel: 'sms',
      to: user,
      body: '¿Dónde estás?',
      statusCallback: 'https://faro.example/webhooks/twilio/status',
    });
    const [message] = await fake.waitForMessages(1);
    expect(message).toMatchObject({
      to: user,
      from: '+15005550006',
      messagingServiceSid: null,
      body: '¿Dónde estás?',
      statusCallback: 'https://faro.example/webhooks/twilio/status',
    });
    expect(result).toEqual({ sid: message?.sid, status: 'queued' });
    expect(result.sid).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('sends WhatsApp from the whatsapp: sender, adding the prefix when the config lacks it', async () => {
    await sender().send({ channel: 'whatsapp', to: `whatsapp:${user}`, body: 'Hola' });
    expect(fake.messages[0]).toMatchObject({ to: `whatsapp:${user}`, from: 'whatsapp:+14155238886' });
  });

  it('keeps a whatsapp: prefix already in the config and adds one missing from To', async () => {
    await sender({ whatsappFrom: 'whatsapp:+14155238886' }).send({
      channel: 'whatsapp',
      to: user,
      body: 'Hola',
    });
    expect(fake.messages[0]).toMatchObject({ to: `whatsapp:${user}`, from: 'whatsapp:+14155238886' });
  });

  it('lets the Messaging Service pick the sender when one is configured', async () => {
    const messagingServiceSid = `MG${'b'.repeat(32)}`;
    const result = await sender({ messagingServiceSid }).send({ channel: 'sms', to: user, body: 'Hola' });
    expect(fake.messages[0]).toMatchObject({ from: null, messagingServiceSid });
    expect(result.status).toBe('accepted');
  });

  it('refuses a channel with no sender configured, without calling Twilio', async () => {
    const err = await sendError(
      sender({ smsFrom: undefined }).send({ channel: 'sms', to: user, body: 'Hola' }),
    );
    expect(err).toMatchObject({ kind: 'rejected', retryable: false });
    expect(fake.messages).toHaveLength(0);
  });

  const failures: Array<[string, FakeFailure, SendErrorKind, boolean]> = [
    ['500', { status: 500 }, 'server_error', true],
    ['503', { status: 503, code: 20503 }, 'server_error', true],
    ['429', { status: 429 }, 'throttled', true],
    ['21610 (user replied STOP)', { status: 400, code: 21610 }, 'opted_out', false],
    ['63016 (WhatsApp 24 h window)', { status: 400, code: 63016 }, 'window_closed', false],
    ['21211 (invalid To)', { status: 400, code: 21211 }, 'invalid_address', false],
    ['21614 (not a mobile)', { status: 400, code: 21614 }, 'invalid_address', false],
    ['63003 (unknown WhatsApp user)', { status: 400, code: 63003 }, 'invalid_address', false],
    ['20003 (bad credentials)', { status: 401, code: 20003 }, 'auth', false],
    ['another 4xx', { status: 400, code: 21617 }, 'rejected', false],
    ['a reset socket', 'reset', 'network', true],
  ];
  it.each(failures)('maps %s to SendError %s', async (_label, failure, kind, retryable) => {
    fake.failNext([failure]);
    const err = await sendError(sender().send({ channel: 'sms', to: user, body: 'Hola' }));
    expect(err).toMatchObject({ kind, retryable });
    if (typeof failure === 'object') {
      expect(err.httpStatus).toBe(failure.status);
      if (failure.code) expect(err.twilioCode).toBe(failure.code);
    }
    expect(fake.messages).toHaveLength(0);
  });

  it('does not retry by itself: the next send goes through', async () => {
    fake.failNext([{ status: 429 }]);
    await sendError(sender().send({ channel: 'sms', to: user, body: 'uno' }));
    await sender().send({ channel: 'sms', to: user, body: 'dos' });
    expect(fake.messages.map((m) => m.body)).toEqual(['dos']);
  });

  it('reports auth when the token is wrong', async () => {
    const err = await sendError(
      sender({ authToken: 'wrong' }).send({ channel: 'sms', to: user, body: 'Hola' }),
    );
    expect(err).toMatchObject({ kind: 'auth', retryable: false, httpStatus: 401, twilioCode: 20003 });
  });

  it('gives up after timeoutMs when Twilio never answers', async () => {
    fake.failNext(['hang']);
    const started = Date.now();
    const err = await sendError(sender({ timeoutMs: 200 }).send({ channel: 'sms', to: user, body: 'Hola' }));
    expect(err).toMatchObject({ kind: 'timeout', retryable: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports network when nothing listens at the base URL', async () => {
    const closed = await startFakeTwilio({ accountSid, authToken });
    await closed.close();
    const err = await sendError(
      sender({ apiBaseUrl: closed.baseUrl }).send({ channel: 'sms', to: user, body: 'x' }),
    );
    expect(err).toMatchObject({ kind: 'network', retryable: true });
  });

  it('never puts the phone number or the body in the error message', async () => {
    fake.failNext([{ status: 400, code: 21211, message: `The 'To' number ${user} is not valid` }]);
    const err = await sendError(sender().send({ channel: 'sms', to: user, body: 'secreto' }));
    expect(err.message).not.toContain(user.slice(1));
    expect(err.message).not.toContain('secreto');
    expect(err.cause).toBeUndefined();
  });
});

describe('sendErrorFromTwilio', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 'network'],
    [{ code: 'ETIMEDOUT' }, 'timeout'],
    [{ code: 'ECONNABORTED', message: 'timeout of 200ms exceeded' }, 'timeout'],
    [new Error('socket hang up'), 'network'],
    [{ status: 429, code: 20429 }, 'throttled'],
    [{ status: 400, code: 63016, type: 'x', title: 'RFC 9457 body' }, 'window_closed'],
    [new TypeError('boom'), 'rejected'],
  ] as const)('maps %o to %s', (err, kind) => {
    expect(sendErrorFromTwilio(err).kind).toBe(kind);
  });
});

describe('rewriteApiUri', () => {
  const base = new URL('http://127.0.0.1:4010/twilio/');
  it.each([
    [
      'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json',
      '/2010-04-01/Accounts/AC1/Messages.json',
    ],
    [
      'https://api.sydney.au1.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=2',
      '/2010-04-01/Accounts/AC1/Messages.json?PageSize=2',
    ],
  ])('sends %s to the base URL', (uri, path) => {
    expect(rewriteApiUri(uri, base)).toBe(`http://127.0.0.1:4010/twilio${path}`);
  });
  it('leaves other Twilio products alone', () => {
    const uri = 'https://messaging.twilio.com/v1/Services';
    expect(rewriteApiUri(uri, base)).toBe(uri);
  });
});

describe('fake Twilio status callbacks', () => {
  it('signs them so that twilio.validateRequest accepts them', async () => {
    const received: Array<{ valid: boolean; params: Record<string, string> }> = [];
    const app = createServer(async (req, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const params = Object.fromEntries(new URLSearchParams(raw));
      const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}${req.url}`;
      const signature = String(req.headers['x-twilio-signature']);
      received.push({ valid: twilio.validateRequest(authToken, signature, url, params), params });
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    try {
      const statusCallback = `http://127.0.0.1:${(app.address() as AddressInfo).port}/webhooks/twilio/status`;
      const { sid } = await sender().send({ channel: 'sms', to: user, body: 'Hola', statusCallback });
      expect(await fake.deliverStatus(sid, 'undelivered', { errorCode: 30003 })).toMatchObject({
        status: 204,
      });
      expect(received).toEqual([
        {
          valid: true,
          params: expect.objectContaining({
            MessageSid: sid,
            MessageStatus: 'undelivered',
            ErrorCode: '30003',
            To: user,
          }),
        },
      ]);
      expect(fake.messages[0]?.status).toBe('undelivered');
    } finally {
      await new Promise((resolve) => app.close(resolve));
    }
  });
});
