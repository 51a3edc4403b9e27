import type { Cluster, Redis } from 'ioredis';
import type { Channel } from '../channels/inbound-message.ts';
import type { SenderProfile } from '../channels/twilio/send-rates.ts';
import { countSegments } from '../render/index.ts';
import { globalKeys } from '../store/keys.ts';

/**
 * How much of a sender's time Twilio may hold in its queue when Faro hands it a message. Twilio
 * sends first in, first out, so this (plus the message Twilio is sending) is all that can stand
 * between an emergency reply and the phone; it also absorbs the API's latency so that the
 * sender never idles while Faro has work.
 */
export const TWILIO_QUEUE_AHEAD_MS = 1_000;

/**
 * Paces what Faro hands each Twilio sender: it keeps a model of the sender's queue at Twilio
 * (when the sender will have sent everything handed to it so far) and says when a message may
 * be handed over. Shared by every instance through Redis, so N instances together hand a
 * sender no more than it can send. A safety reply is handed over at once; the rest wait their
 * turn.
 */
export interface SendPacer {
  /**
   * Reserves a message's time on its sender and returns how long to wait (ms) before handing it
   * to Twilio: 0 for an urgent message, else until Twilio's queue holds at most
   * `TWILIO_QUEUE_AHEAD_MS` of earlier messages.
   */
  reserve(req: { lane: Channel; body: string; urgent: boolean }): Promise<number>;
}

/** A message's time on its sender: SMS segments, or one WhatsApp message, at the sender's rate. */
export function sendCostMs(profile: SenderProfile, body: string): number {
  const units = profile.lane === 'sms' ? countSegments(body).segments : 1;
  return (units * 1_000) / profile.perSecond;
}

/**
 * KEYS: the sender's pace key. ARGV: costMs, aheadMs, urgent (1/0).
 * The key holds when (Redis's clock, ms) the sender will have sent all it was handed. Returns the
 * ms to wait before handing this message over; its time is reserved either way.
 */
export const RESERVE_SEND = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local busy = tonumber(redis.call('GET', KEYS[1]) or '0')
if busy < now then busy = now end
local hand = now
if ARGV[3] ~= '1' then
  hand = busy - tonumber(ARGV[2])
  if hand < now then hand = now end
end
busy = busy + tonumber(ARGV[1])
redis.call('SET', KEYS[1], math.ceil(busy), 'PX', math.ceil(busy - now) + 60000)
return math.ceil(hand - now)
`;

type Scripted = (Redis | Cluster) & {
  faroReservePace(key: string, costMs: number, aheadMs: number, urgent: number): Promise<number>;
};

/** The pacer shared by every instance, on Redis's clock (instances' clocks may disagree). */
export function createRedisSendPacer({
  redis,
  prefix,
  senders,
  aheadMs = TWILIO_QUEUE_AHEAD_MS,
}: {
  redis: Redis | Cluster;
  prefix: string;
  senders: Readonly<Record<Channel, SenderProfile>>;
  aheadMs?: number;
}): SendPacer {
  const r = redis as Scripted;
  if (typeof r.faroReservePace !== 'function') {
    redis.defineCommand('faroReservePace', { numberOfKeys: 1, lua: RESERVE_SEND });
  }
  return {
    async reserve({ lane, body, urgent }) {
      const costMs = sendCostMs(senders[lane], body);
      return r.faroReservePace(globalKeys(prefix).pace(lane), costMs, aheadMs, urgent ? 1 : 0);
    },
  };
}

/** The same pacing within one process (embedded mode). */
export function createMemorySendPacer({
  senders,
  now = () => performance.timeOrigin + performance.now(),
  aheadMs = TWILIO_QUEUE_AHEAD_MS,
}: {
  senders: Readonly<Record<Channel, SenderProfile>>;
  now?: () => number;
  aheadMs?: number;
}): SendPacer {
  const busyUntil: Record<Channel, number> = { sms: 0, whatsapp: 0 };
  return {
    async reserve({ lane, body, urgent }) {
      const t = now();
      const busy = Math.max(busyUntil[lane], t);
      const hand = urgent ? t : Math.max(t, busy - aheadMs);
      busyUntil[lane] = busy + sendCostMs(senders[lane], body);
      return Math.ceil(hand - t);
    },
  };
}
