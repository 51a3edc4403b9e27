import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Redis } from 'ioredis';
import * as ticketScripts from '../../src/handoff/ticket-scripts.ts';
import { RESERVE_SEND } from '../../src/outbox/send-pacer.ts';
import * as storeScripts from '../../src/store/redis/scripts.ts';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** SHA1 → script name, for Faro's Lua scripts and BullMQ's (ioredis runs them by EVALSHA). */
function scriptNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const [name, lua] of Object.entries({ ...storeScripts, ...ticketScripts, RESERVE_SEND })) {
    if (typeof lua === 'string') names.set(sha1(lua), `script faro ${name}`);
  }
  const bull = createRequire(import.meta.url)('bullmq/dist/cjs/scripts/index.js') as Record<
    string,
    { name: string; content: string }
  >;
  for (const script of Object.values(bull)) names.set(sha1(script.content), `script bullmq ${script.name}`);
  return names;
}

export interface CommandCounts {
  /** Commands sent by clients (each one a round trip, unless pipelined), scripts by name. */
  sent: Map<string, number>;
  /** Commands run inside those Lua scripts. */
  inScripts: Map<string, number>;
}

/**
 * Counts the Redis commands that touch a run's keys while `work` runs, with MONITOR, leaving
 * out those of `ignoreAddresses` (the benchmark's own client). MONITOR slows Redis down: use
 * it on a small, separate phase.
 */
export async function countCommands({
  redisUrl,
  prefix,
  ignoreAddresses,
  work,
}: {
  redisUrl: string;
  prefix: string;
  ignoreAddresses: string[];
  work: () => Promise<void>;
}): Promise<CommandCounts> {
  const names = scriptNames();
  const counts: CommandCounts = { sent: new Map(), inScripts: new Map() };
  // monitor() opens a second connection from this client: both are closed at the end.
  const client = new Redis(redisUrl);
  const monitor = await client.monitor();
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (ignoreAddresses.includes(source) || !args.some((a) => a.includes(prefix))) return;
    let name = (args[0] ?? '').toLowerCase();
    if (name === 'evalsha') name = names.get(args[1] ?? '') ?? 'script (unknown)';
    else if (name === 'eval') name = names.get(sha1(args[1] ?? '')) ?? 'script (unknown)';
    const map = source === 'lua' ? counts.inScripts : counts.sent;
    map.set(name, (map.get(name) ?? 0) + 1);
  });
  try {
    await work();
    // MONITOR lines trail the commands a little.
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    monitor.disconnect();
    client.disconnect();
  }
  return counts;
}

/** `ip:port` of a client's connection as Redis sees it (MONITOR's source). */
export async function clientAddress(redis: Redis): Promise<string> {
  const info = String(await redis.call('CLIENT', 'INFO'));
  return /addr=(\S+)/.exec(info)?.[1] ?? '';
}
