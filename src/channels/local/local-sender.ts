import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Channel } from '../inbound-message.ts';

export interface LocalDelivery {
  sid: string;
  channel: Channel;
  to: string;
  body: string;
  at: number;
}

/**
 * The sender used when no Twilio account is configured (embedded mode): messages stay in
 * this process for the terminal chat and the phone simulator. Never used in production.
 */
export function createLocalSender() {
  const events = new EventEmitter();
  const sent: LocalDelivery[] = [];
  return {
    sent,
    onMessage(listener: (d: LocalDelivery) => void) {
      events.on('message', listener);
      return () => events.off('message', listener);
    },
    async send(req: { channel: Channel; to: string; body: string }) {
      const delivery = { sid: `SM${randomBytes(16).toString('hex')}`, ...req, at: Date.now() };
      sent.push(delivery);
      if (sent.length > 1_000) sent.shift();
      events.emit('message', delivery);
      return { sid: delivery.sid, status: 'delivered' };
    },
  };
}

export type LocalSender = ReturnType<typeof createLocalSender>;
