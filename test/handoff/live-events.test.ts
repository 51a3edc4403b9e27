import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLocalLiveEvents, type LiveEvent } from '../../src/handoff/live-events.ts';
import { createRedisLiveEvents } from '../../src/handoff/redis-live-events.ts';
import { REDIS_URL } from '../helpers/test-app.ts';

const event: LiveEvent = {
  type: 'status',
  ticketId: 't1',
  messageId: 'm1',
  status: 'delivered',
  access: { status: 'active', assignee: 'ana' },
};

describe('live events', () => {
  it('in one process: every subscriber hears, until it unsubscribes', async () => {
    const live = createLocalLiveEvents();
    const heard: LiveEvent[] = [];
    const off = live.subscribe((e) => heard.push(e));
    await live.publish(event);
    off();
    await live.publish(event);
    expect(heard).toEqual([event]);
  });

  it('through Redis pub/sub: an event published on one instance reaches every instance', async () => {
    const channel = `faro-test-${randomBytes(4).toString('hex')}:staff-events`;
    const logger = pino({ level: 'silent' });
    const clients: Redis[] = [];
    const client = () => {
      const c = new Redis(REDIS_URL);
      clients.push(c);
      return c;
    };
    const a = await createRedisLiveEvents({ publisher: client(), subscriber: client(), channel, logger });
    const b = await createRedisLiveEvents({ publisher: client(), subscriber: client(), channel, logger });
    try {
      const heard = { a: [] as LiveEvent[], b: [] as LiveEvent[] };
      a.subscribe((e) => heard.a.push(e));
      b.subscribe((e) => heard.b.push(e));
      await a.publish(event);
      const until = Date.now() + 1_000;
      while ((heard.a.length < 1 || heard.b.length < 1) && Date.now() < until)
        await new Promise((r) => setTimeout(r, 10));
      expect(heard).toEqual({ a: [event], b: [event] });
    } finally {
      await a.close();
      await b.close();
      for (const c of clients) if (c.status === 'ready') await c.quit();
    }
  });
});
