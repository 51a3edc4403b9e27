import { describe, expect, it } from 'vitest';
import { sseFrame } from '../../src/console/events-route.ts';
import type { LiveEvent } from '../../src/handoff/live-events.ts';

const agent = { role: 'agent' as const, username: 'ana' };
const supervisor = { role: 'supervisor' as const, username: 'sofia' };
const entry = { at: 1, from: 'user' as const, text: '<b>hola</b>' };
const transcript = (status: 'waiting' | 'active', assignee: string | null): LiveEvent => ({
  type: 'transcript',
  ticketId: 't1',
  entry,
  access: { status, assignee },
});

describe('what each staff member hears live', () => {
  it.each([
    ['agent, waiting ticket', agent, transcript('waiting', null), true],
    ['agent, own ticket', agent, transcript('active', 'ana'), true],
    ["agent, another agent's ticket", agent, transcript('active', 'beto'), false],
    ["supervisor, another agent's ticket", supervisor, transcript('active', 'beto'), true],
  ])('%s', (_, user, event, heard) => {
    expect(sseFrame(user, event) !== null).toBe(heard);
  });

  const summary = (status: 'waiting' | 'active', assignee: string | null): LiveEvent => ({
    type: 'ticket',
    ticket: {
      id: 't2',
      status,
      priority: 50,
      reasons: ['asked'],
      risk: 'trafficking',
      channel: 'whatsapp',
      lang: 'es',
      city: 'tapachula',
      ageGroup: '12to17',
      alone: true,
      maskedAddress: 'WhatsApp ••• ••• ••67',
      assignee,
      labels: ['trata'],
      createdAt: 1,
      updatedAt: 2,
      lastUserMessageAt: 2,
      outcome: null,
      topicsSeen: [],
    },
  });

  it.each([
    ['agent, waiting ticket: all of it', agent, summary('waiting', null), 18],
    ['agent, own ticket: all of it', agent, summary('active', 'ana'), 18],
    ["agent, another agent's ticket: id, status and holder only", agent, summary('active', 'beto'), 3],
    ["supervisor, another agent's ticket: all of it", supervisor, summary('active', 'beto'), 18],
  ])('ticket summaries: %s', (_, user, event, fields) => {
    const data = JSON.parse(sseFrame(user, event)!.split('\n')[1]!.slice('data: '.length));
    expect(Object.keys(data)).toHaveLength(fields);
    if (fields === 3) expect(data).toEqual({ id: 't2', status: 'active', assignee: 'beto' });
  });

  it('never passes an account change on to a console', () => {
    expect(sseFrame(supervisor, { type: 'account', username: 'sofia' })).toBeNull();
  });

  it('writes one event and one JSON data line, with the markup escaped by JSON only', () => {
    const frame = sseFrame(supervisor, transcript('active', 'ana'))!;
    expect(frame).toBe(`event: transcript\ndata: ${JSON.stringify({ ticketId: 't1', entry })}\n\n`);
    expect(frame.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('does not pass the access data on', () => {
    expect(
      sseFrame(agent, {
        type: 'status',
        ticketId: 't',
        messageId: 'm',
        status: 'read',
        access: { status: 'active', assignee: 'ana' },
      }),
    ).toBe('event: status\ndata: {"ticketId":"t","messageId":"m","status":"read"}\n\n');
  });
});
