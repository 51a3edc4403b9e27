import type { Timers } from '../engine/ports.ts';

type Fire = (conversationId: string, event: 'NO_ANSWER', key: string) => Promise<unknown>;

/** Timers in this process (embedded mode): lost on restart, like the memory store. */
export function createMemoryTimers({ fire }: { fire: Fire }): Timers {
  const pending = new Map<string, NodeJS.Timeout>();
  return {
    async schedule({ key, conversationId, event, delayMs }) {
      clearTimeout(pending.get(key));
      const t = setTimeout(() => {
        pending.delete(key);
        void fire(conversationId, event, key);
      }, delayMs);
      t.unref();
      pending.set(key, t);
    },
    async cancel(key) {
      clearTimeout(pending.get(key));
      pending.delete(key);
    },
    async close() {
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
    },
  };
}
