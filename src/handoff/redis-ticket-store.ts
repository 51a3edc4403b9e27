import type { Cluster, Redis } from 'ioredis';
import type { Clock } from '../engine/clock.ts';
import { openJson, type Sealer, sealJson } from '../privacy/seal.ts';
import { ticketKeys } from '../store/ticket-keys.ts';
import type { Ticket, TicketStatus } from './ticket.ts';
import { CREATE_TICKET, SAVE_TICKET } from './ticket-scripts.ts';
import { TicketConflictError, type TicketStore } from './ticket-store.ts';

type Client = Redis | Cluster;
type Scripted = Client & {
  faroCreateTicket(...args: Array<string | number>): Promise<string>;
  faroSaveTicket(...args: Array<string | number>): Promise<number>;
};

function defineScripts(client: Client): Scripted {
  const c = client as Scripted;
  if (typeof c.faroSaveTicket === 'function') return c;
  client.defineCommand('faroCreateTicket', { numberOfKeys: 4, lua: CREATE_TICKET });
  client.defineCommand('faroSaveTicket', { numberOfKeys: 5, lua: SAVE_TICKET });
  return c;
}

const MAX_TRIES = 20;

/** Tickets in Redis: a hash per ticket (version + JSON) and indexes moved by one Lua script each. */
export function createRedisTicketStore({
  redis,
  prefix,
  clock,
  closedTtlMs,
  sealer,
}: {
  redis: Client;
  prefix: string;
  clock: Clock;
  closedTtlMs: number;
  /** The ticket's JSON is stored sealed: notes, labels, city, its copy of the transcript. */
  sealer: Pick<Sealer, 'seal' | 'open'>;
}): TicketStore {
  const r = defineScripts(redis);
  const k = ticketKeys(prefix);

  async function read(id: string): Promise<{ version: number; ticket: Ticket } | null> {
    const [v, json] = await r.hmget(k.ticket(id), 'v', 'json');
    return json ? { version: Number(v), ticket: openJson<Ticket>(sealer, json) } : null;
  }
  async function readMany(ids: string[]): Promise<Array<Ticket | null>> {
    if (ids.length === 0) return [];
    const pipe = r.pipeline();
    for (const id of ids) pipe.hget(k.ticket(id), 'json');
    const results = (await pipe.exec()) ?? [];
    return results.map(([err, json]) =>
      !err && typeof json === 'string' ? openJson<Ticket>(sealer, json) : null,
    );
  }

  return {
    async create(ticket) {
      const cid = ticket.conversationId ?? '';
      for (let i = 0; i < MAX_TRIES; i++) {
        const existing = await r.faroCreateTicket(
          k.ticket(ticket.id),
          k.open,
          k.live,
          k.byConversation(cid),
          ticket.id,
          cid,
          sealJson(sealer, ticket),
          ticket.createdAt,
        );
        if (!existing) return { ticket, created: true };
        const current = await read(existing);
        if (current) return { ticket: current.ticket, created: false };
      }
      throw new TicketConflictError();
    },
    async get(id) {
      return (await read(id))?.ticket ?? null;
    },
    async openFor(conversationId) {
      const id = await r.hget(k.open, conversationId);
      return id ? ((await read(id))?.ticket ?? null) : null;
    },
    async forConversation(conversationId) {
      const ids = await r.smembers(k.byConversation(conversationId));
      return (await readMany(ids)).filter((t): t is Ticket => t !== null);
    },
    async update(id, change) {
      for (let i = 0; i < MAX_TRIES; i++) {
        const current = await read(id);
        if (!current) return null;
        const next = change(structuredClone(current.ticket));
        if (!next) return { ticket: current.ticket, changed: false };
        const expiresAt = (next.closedAt ?? clock.now()) + closedTtlMs;
        const saved = await r.faroSaveTicket(
          k.ticket(id),
          k.open,
          k.live,
          k.closed,
          k.byConversation(next.conversationId ?? current.ticket.conversationId ?? ''),
          current.version,
          sealJson(sealer, next),
          id,
          next.conversationId ?? '',
          next.status,
          next.createdAt,
          Math.max(1, expiresAt - clock.now()),
          expiresAt,
        );
        if (saved === 1) return { ticket: next, changed: true };
      }
      throw new TicketConflictError();
    },
    async list(status: TicketStatus, limit = 200) {
      if (status === 'closed') {
        await r.zremrangebyscore(k.closed, '-inf', clock.now());
        const ids = await r.zrevrange(k.closed, 0, limit - 1);
        return (await readMany(ids)).filter((t): t is Ticket => t?.status === 'closed');
      }
      const ids = await r.zrange(k.live, 0, -1);
      return (await readMany(ids)).filter((t): t is Ticket => t?.status === status);
    },
    async forget(conversationId) {
      await r.multi().hdel(k.open, conversationId).del(k.byConversation(conversationId)).exec();
    },
  };
}
