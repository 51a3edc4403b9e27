import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far, from /proc (Linux only). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at the closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const read = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return read('used_cpu_sys') + read('used_cpu_user');
}

export type CpuSnapshot = Record<string, number>;

/** CPU seconds of each named process, of Redis, and of this process (the load generator). */
export function createCpuMeter({ pids, redis }: { pids: Record<string, number>; redis: Redis }) {
  return {
    async snapshot(): Promise<CpuSnapshot> {
      const out: CpuSnapshot = {};
      for (const [name, pid] of Object.entries(pids)) out[name] = processCpuSeconds(pid);
      out.Redis = await redisCpuSeconds(redis);
      const own = process.cpuUsage();
      out['load generator'] = (own.user + own.system) / 1e6;
      return out;
    },
  };
}

export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - (before[k] ?? 0)]));
}
