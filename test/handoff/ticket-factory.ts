import { randomUUID } from 'node:crypto';
import type { Ticket } from '../../src/handoff/ticket.ts';
import { priorityOf } from '../../src/handoff/ticket.ts';

/** A waiting ticket with sensible defaults; tests override what they check. */
export function makeTicket(over: Partial<Ticket> = {}): Ticket {
  const base: Ticket = {
    id: randomUUID(),
    conversationId: `conv-${randomUUID().slice(0, 8)}`,
    channel: 'whatsapp',
    lang: 'es',
    city: 'tapachula',
    ageGroup: '12to17',
    alone: false,
    reasons: ['asked'],
    risk: null,
    priority: 10,
    status: 'waiting',
    assignee: null,
    labels: [],
    notes: [],
    topicsSeen: [],
    outcome: null,
    createdAt: 1_000,
    updatedAt: 1_000,
    closedAt: null,
    lastUserMessageAt: null,
    transcript: null,
  };
  const t = { ...base, ...over };
  return { ...t, priority: over.priority ?? priorityOf(t) };
}
