import { EventEmitter } from 'node:events';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { LiveEvent, LiveEvents } from './live-events.ts';

/** The pub/sub channel of live events; `npm run staff` publishes account changes on it too. */
export const liveEventsChannel = (prefix: string) => `${prefix}staff-events`;

/**
 * Live events across instances through Redis pub/sub: every instance publishes to one
 * channel and hears every event, its own included, on a separate subscriber connection (a
 * subscribed connection can run no other command). Events are fire-and-forget: a console
 * that was disconnected re-reads the queue when it reconnects.
 * https://redis.io/docs/latest/develop/interact/pubsub/
 */
export async function createRedisLiveEvents({
  publisher,
  subscriber,
  channel,
  logger,
}: {
  publisher: Redis | Cluster;
  subscriber: Redis | Cluster;
  channel: string;
  logger: Logger;
}): Promise<LiveEvents> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  subscriber.on('message', (ch: string, raw: string) => {
    if (ch !== channel) return;
    try {
      emitter.emit('event', JSON.parse(raw) as LiveEvent);
    } catch {
      logger.warn({ event: 'live_event_unreadable' });
    }
  });
  await subscriber.subscribe(channel);
  return {
    async publish(event) {
      await publisher.publish(channel, JSON.stringify(event));
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async close() {
      emitter.removeAllListeners();
      await subscriber.quit().catch(() => undefined);
    },
  };
}
