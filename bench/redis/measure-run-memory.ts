import type { Redis } from 'ioredis';
import { type ConversationBytes, conversationBytes } from './conversation-bytes.ts';
import { type CommandCounts, clientAddress, countCommands } from './count-commands.ts';
import { sendIdleConversations } from './idle-conversation-probe.ts';
import { usedMemory } from './key-memory.ts';

export interface RunMemory {
  usedMemory: number;
  /** The conversations of the benchmark phases. */
  bench: ConversationBytes;
  /** New conversations of a fixed length, measured alone. */
  idle: ConversationBytes & { messagesPerConversation: number };
  /** Redis commands while the idle conversations were sent, stepped and answered. */
  commands: CommandCounts;
  probeMessages: number;
}

/**
 * After the phases (Faro drained): Redis memory of the benchmark conversations, then new
 * conversations of a fixed length, their bytes, and the Redis commands they cost (MONITOR).
 */
export async function measureRunMemory({
  redis,
  redisUrl,
  prefix,
  faroUrl,
  drain,
  probeSenders = 100,
}: {
  redis: Redis;
  redisUrl: string;
  prefix: string;
  faroUrl: string;
  drain: () => Promise<number>;
  probeSenders?: number;
}): Promise<RunMemory> {
  const used = await usedMemory(redis);
  const { keys, ...bench } = await conversationBytes({ redis, prefix, sampleSize: 200 });
  const known = new Set(keys.flatMap((k) => (k.conversationId ? [k.conversationId] : [])));
  let probe = { senders: 0, messagesPerConversation: 0 };
  const commands = await countCommands({
    redisUrl,
    prefix,
    ignoreAddresses: [await clientAddress(redis)],
    work: async () => {
      probe = await sendIdleConversations({ faroUrl, drain, senders: probeSenders });
    },
  });
  const { keys: _, ...idle } = await conversationBytes({
    redis,
    prefix,
    sampleSize: probe.senders,
    only: (id) => !known.has(id),
  });
  return {
    usedMemory: used,
    bench,
    idle: { ...idle, messagesPerConversation: probe.messagesPerConversation },
    commands,
    probeMessages: probe.senders * probe.messagesPerConversation,
  };
}
