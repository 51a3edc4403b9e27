import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalSender } from '../../src/channels/local/local-sender.ts';
import { createTestApp, inboundForm, type TestApp } from '../helpers/test-app.ts';

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { OUTBOX_SMS_PER_SECOND: '1000', BUSINESS_HOURS: 'mon-sun 00:00-24:00' },
      overrides: { sender: createLocalSender() },
    });
  });
  afterAll(async () => t.close());

  it('counts messages, steps, topics, escalations and the queue, and names no one', async () => {
    const user = '+5219627770000';
    for (const text of ['hola', '1', '4', '3', '9', '1', 'quiero hablar con una persona']) {
      await t.post('/webhooks/twilio/messages', inboundForm(user, text));
      await t.services.engine.idle();
    }
    await t.services.outbox.drain();
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const text = res.body;
    expect(text).toMatch(/faro_messages_in_total\{channel="sms",result="recorded"\} 7/);
    expect(text).toMatch(/faro_messages_out_total\{channel="sms",status="delivered"\} \d+/);
    expect(text).toMatch(/faro_escalations_total\{reason="asked"\} 1/);
    expect(text).toMatch(/faro_topics_viewed_total\{screen="asylum"\} 1/);
    expect(text).toMatch(/faro_step_seconds_count\{channel="sms"\} 7/);
    expect(text).toMatch(/faro_handoff_queue_waiting 1/);
    expect(text).toMatch(/faro_handoff_queue_oldest_wait_seconds \d/);
    expect(text).not.toContain('7770000');
    expect(text).not.toContain(t.services.crypto.hash(user));
  });
});
