import type { Redis } from 'ioredis';
import { type KeyKind, type KeyMemory, keyMemory } from './key-memory.ts';

export interface ConversationBytes {
  conversations: number;
  /** Conversations measured (all of them, or an evenly spaced sample). */
  sampled: number;
  /** Mean bytes of the `{c:<id>}` keys of one conversation. */
  bytesPerConversation: number;
  /** Mean bytes per conversation by key role (`conv`, `transcript`, `msgs`, `seen`…). */
  byRole: Record<string, number>;
  /** Mean transcript entries and stored outbound messages per measured conversation. */
  transcriptEntries: number;
  storedOutbound: number;
  /** Every key of the run by kind: count and bytes. */
  byKind: Partial<Record<KeyKind, { keys: number; bytes: number }>>;
  totalKeys: number;
  totalBytes: number;
}

/**
 * Redis bytes per conversation: the keys tagged `{c:<id>}` of a sample of conversations,
 * summed and divided by the sample size. `only` restricts it to some conversation ids.
 */
export async function conversationBytes({
  redis,
  prefix,
  sampleSize = 200,
  only,
}: {
  redis: Redis;
  prefix: string;
  sampleSize?: number;
  only?: (conversationId: string) => boolean;
}): Promise<ConversationBytes & { keys: KeyMemory[] }> {
  const keys = await keyMemory(redis, prefix);
  const byConversation = new Map<string, KeyMemory[]>();
  const byKind: ConversationBytes['byKind'] = {};
  let totalBytes = 0;
  for (const k of keys) {
    totalBytes += k.bytes;
    const kind = byKind[k.kind] ?? { keys: 0, bytes: 0 };
    byKind[k.kind] = kind;
    kind.keys++;
    kind.bytes += k.bytes;
    if (k.conversationId && (!only || only(k.conversationId))) {
      const list = byConversation.get(k.conversationId) ?? [];
      list.push(k);
      byConversation.set(k.conversationId, list);
    }
  }
  const ids = [...byConversation.keys()].sort();
  const step = Math.max(1, ids.length / sampleSize);
  const sample: string[] = [];
  for (let i = 0; i < ids.length && sample.length < sampleSize; i += step) sample.push(ids[Math.floor(i)]!);

  const byRole: Record<string, number> = {};
  let sum = 0;
  for (const id of sample) {
    for (const k of byConversation.get(id)!) {
      sum += k.bytes;
      byRole[k.role!] = (byRole[k.role!] ?? 0) + k.bytes;
    }
  }
  const n = Math.max(1, sample.length);
  for (const role of Object.keys(byRole)) byRole[role] = byRole[role]! / n;

  const tag = (id: string) => `${prefix}{c:${id}}`;
  const pipe = redis.pipeline();
  for (const id of sample) pipe.llen(`${tag(id)}:transcript`).hlen(`${tag(id)}:msgs`);
  const lengths = ((await pipe.exec()) ?? []).map(([, v]) => Number(v));
  let transcriptEntries = 0;
  let storedOutbound = 0;
  lengths.forEach((v, i) => {
    if (i % 2 === 0) transcriptEntries += v;
    else storedOutbound += v;
  });

  return {
    conversations: ids.length,
    sampled: sample.length,
    bytesPerConversation: sum / n,
    byRole,
    transcriptEntries: transcriptEntries / n,
    storedOutbound: storedOutbound / n,
    byKind,
    totalKeys: keys.length,
    totalBytes,
    keys,
  };
}
