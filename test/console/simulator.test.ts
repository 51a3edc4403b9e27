import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import { openSse } from './sse-client.ts';

const NO_TWILIO = {
  TWILIO_ACCOUNT_SID: '',
  TWILIO_AUTH_TOKEN: '',
  TWILIO_SMS_FROM: '',
  TWILIO_WHATSAPP_FROM: '',
};

describe('the phone simulator', () => {
  it('plays the user through the engine and streams Faro replies to that number', async () => {
    const t = await createTestApp({ env: NO_TWILIO });
    try {
      expect(t.services.localSender).not.toBeNull();
      const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const sse = await openSse(`${url}/api/dev/simulator/events?from=%2B5219620001111&channel=sms`);
      const other = await openSse(`${url}/api/dev/simulator/events?from=%2B5219620002222&channel=sms`);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/dev/simulator/messages',
        payload: { channel: 'sms', from: '+5219620001111', text: 'hola' },
      });
      expect(res.statusCode).toBe(202);
      const reply = await sse.waitFor((e) => e.event === 'reply');
      expect(reply.data).toMatchObject({
        body: expect.any(String),
        at: expect.any(Number),
        segments: expect.any(Number),
        encoding: 'GSM-7',
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(other.events).toEqual([]);
      sse.close();
      other.close();
    } finally {
      await t.close();
    }
  });

  it('names bad fields and takes JSON only', async () => {
    const t = await createTestApp({ env: NO_TWILIO });
    try {
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/dev/simulator/messages',
        payload: { channel: 'fax', from: '12', text: 'hola' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toBe('invalid fields: channel, from');
      const form = await t.app.inject({
        method: 'POST',
        url: '/api/dev/simulator/messages',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'channel=sms&from=%2B5219620001111&text=hola',
      });
      expect(form.statusCode).toBe(415);
    } finally {
      await t.close();
    }
  });

  it('does not exist when Twilio is configured', async () => {
    const t = await createTestApp();
    try {
      const res = await t.app.inject({ method: 'POST', url: '/api/dev/simulator/messages', payload: {} });
      expect(res.statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
