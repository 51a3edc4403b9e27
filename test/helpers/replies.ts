import { Redis } from 'ioredis';
import { createManualClock } from '../../src/engine/clock.ts';
import { createAddressCrypto } from '../../src/privacy/address-crypto.ts';
import { createSealer } from '../../src/privacy/seal.ts';
import { createRedisStore } from '../../src/store/redis/redis-store.ts';
import { REDIS_URL } from './test-redis.ts';

export interface Conversations {
  /** What each user wrote, as the transcript kept it, oldest first. */
  said(address: string): Promise<string[]>;
  /** How many replies the bot committed to this user: each outbound message has one transcript line. */
  replies(address: string): Promise<number>;
  /** Both, from one read of the transcript. */
  read(address: string): Promise<{ said: string[]; replies: number }>;
  close(): Promise<void>;
}

/**
 * Reads conversations of real Faro processes from Redis, to check a run against what was
 * committed rather than against a fixed number of replies per message (how many messages a
 * reply takes is the conversation's business, not the send path's).
 */
export function readConversations({
  prefix,
  dataKey,
  redisUrl = REDIS_URL,
}: {
  prefix: string;
  dataKey: Buffer;
  redisUrl?: string;
}): Conversations {
  const redis = new Redis(redisUrl);
  const store = createRedisStore({
    redis,
    prefix,
    clock: createManualClock(),
    sealer: createSealer({ current: dataKey, previous: [] }, 'data'),
  });
  const crypto = createAddressCrypto(dataKey);
  const transcript = (address: string) => store.transcript(crypto.hash(address));
  return {
    async said(address) {
      return (await transcript(address)).filter((e) => e.from === 'user').map((e) => e.text);
    },
    async replies(address) {
      return (await transcript(address)).filter((e) => e.from === 'bot').length;
    },
    async read(address) {
      const entries = await transcript(address);
      return {
        said: entries.filter((e) => e.from === 'user').map((e) => e.text),
        replies: entries.filter((e) => e.from === 'bot').length,
      };
    },
    async close() {
      await redis.quit();
    },
  };
}

/**
 * Waits until every user's messages were stepped (`said` has `messages` lines) and the fake
 * Twilio holds at least every committed reply; then waits `settleMs` for anything sent twice.
 * Reads each transcript once a poll, every `pollMs` (a benchmark polls seldom, not to load Redis).
 */
export async function waitForAllReplies({
  conversations,
  users,
  messages,
  sentCount,
  timeoutMs,
  settleMs = 1_000,
  pollMs = 200,
}: {
  conversations: Conversations;
  users: string[];
  messages: number;
  /** How many messages the fake Twilio holds now. */
  sentCount: () => number | Promise<number>;
  timeoutMs: number;
  settleMs?: number;
  pollMs?: number;
}) {
  const until = Date.now() + timeoutMs;
  const done = new Set<string>();
  let expected = 0;
  for (;;) {
    for (const u of users) {
      if (done.has(u)) continue;
      const { said, replies } = await conversations.read(u);
      if (said.length < messages) break;
      done.add(u);
      expected += replies;
    }
    if (done.size === users.length && (await sentCount()) >= expected) break;
    if (Date.now() > until) {
      throw new Error(
        `${done.size} of ${users.length} users answered; fewer than the ${expected} committed replies sent`,
      );
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  await new Promise((r) => setTimeout(r, settleMs));
}

/** Every user got exactly the replies committed to them: none lost, none twice. */
export async function repliesPerUser(
  conversations: Conversations,
  users: string[],
  sent: ReadonlyArray<{ to: string }>,
) {
  const rows: Array<{ user: string; committed: number; sent: number }> = [];
  for (const user of users) {
    rows.push({
      user,
      committed: await conversations.replies(user),
      sent: sent.filter((m) => m.to === user).length,
    });
  }
  return rows;
}
