import { describe, expect, it } from 'vitest';
import { sendPriority } from '../../src/engine/engine.ts';
import type { OutboxJob, SendPriority } from '../../src/engine/ports.ts';
import { createMemoryOutbox } from '../../src/outbox/memory-outbox.ts';

const job = (messageId: string, priority?: SendPriority): OutboxJob => ({
  kind: 'stored',
  conversationId: `c-${messageId}`,
  messageId,
  channel: 'sms',
  ...(priority && { priority }),
});

describe('the embedded outbox', () => {
  it('sends a safety reply at once, then staff replies, then the rest, each in the order queued', async () => {
    const sent: string[] = [];
    let release = () => {};
    const firstHeld = new Promise<void>((r) => {
      release = r;
    });
    const outbox = createMemoryOutbox({
      maxAttempts: 1,
      deliver: async (j) => {
        const id = j.kind === 'stored' ? j.messageId : j.id;
        if (id === 'welcome-1') await firstHeld; // the sender's turn has not come yet
        sent.push(id);
        return 'sent';
      },
    });
    await outbox.enqueue([job('welcome-1'), job('welcome-2'), job('welcome-3')]);
    await outbox.enqueue([job('staff-1', 'staff'), job('welcome-4'), job('staff-2', 'staff')]);
    await outbox.enqueue([job('emergency', 'safety')]);
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual(['emergency']);
    release();
    await outbox.drain(1_000);
    expect(sent).toEqual([
      'emergency',
      'welcome-1',
      'staff-1',
      'staff-2',
      'welcome-2',
      'welcome-3',
      'welcome-4',
    ]);
  });
});

describe('which replies are safety replies', () => {
  it.each([
    ['a safety escalation', [{ type: 'escalate', reason: 'safety', risk: 'violence' }], 'safety'],
    ['an emergency text', [{ type: 'say', key: 'safety.emergency' }], 'safety'],
    ['"are you in danger now?"', [{ type: 'say', key: 'safety.check' }], 'safety'],
    [
      'a request for a person',
      [
        { type: 'escalate', reason: 'asked' },
        { type: 'say', key: 'handoff.asked' },
      ],
      'normal',
    ],
    ['a topic screen', [{ type: 'showScreen', id: 'asylum' }], 'normal'],
  ] as const)('%s', (_name, effects, expected) => {
    expect(sendPriority(effects as never)).toBe(expected);
  });
});
