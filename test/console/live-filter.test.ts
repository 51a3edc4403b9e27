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
