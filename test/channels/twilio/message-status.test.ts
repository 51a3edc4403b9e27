import { describe, expect, it } from 'vitest';
import {
  isFinalStatus,
  MESSAGE_STATUSES,
  type MessageStatus,
  nextStatus,
} from '../../../src/channels/twilio/message-status.ts';

describe('nextStatus', () => {
  const cases: Array<[MessageStatus, string, MessageStatus, string]> = [
    ['accepted', 'queued', 'queued', 'moves forward through the Messaging Service queue'],
    ['queued', 'sent', 'sent', 'moves forward to sent'],
    ['sent', 'delivered', 'delivered', 'moves forward to delivered'],
    ['delivered', 'sent', 'delivered', 'ignores a late sent after delivered'],
    ['delivered', 'queued', 'delivered', 'ignores a late queued after delivered'],
    ['delivered', 'read', 'read', 'lets read beat delivered'],
    ['read', 'delivered', 'read', 'ignores a late delivered after read'],
    ['queued', 'failed', 'failed', 'takes a failure over queued'],
    ['sending', 'undelivered', 'undelivered', 'takes a failure over sending'],
    ['sent', 'failed', 'failed', 'takes a failure over sent'],
    ['failed', 'sent', 'failed', 'ignores a late sent after a failure'],
    ['delivered', 'undelivered', 'delivered', 'ignores a failure after delivered'],
    ['read', 'failed', 'read', 'ignores a failure after read'],
    ['failed', 'undelivered', 'failed', 'keeps the first of two failures'],
    ['scheduled', 'canceled', 'canceled', 'cancels a scheduled message'],
    ['partially_delivered', 'delivered', 'delivered', 'lets delivered beat partially_delivered'],
    ['sent', 'sent', 'sent', 'keeps a repeated status'],
    ['sent', 'exploded', 'sent', 'ignores an unknown status'],
    ['sent', 'Delivered', 'sent', 'ignores a wrongly cased status'],
    ['sent', '', 'sent', 'ignores an empty status'],
  ];
  it.each(cases)('%s + %s → %s (%s)', (current, incoming, expected) => {
    expect(nextStatus(current, incoming)).toBe(expected);
  });

  it('never moves backwards from any status', () => {
    for (const a of MESSAGE_STATUSES) {
      for (const b of MESSAGE_STATUSES) {
        const once = nextStatus(a, b);
        expect(nextStatus(once, a)).toBe(once);
      }
    }
  });
});

describe('isFinalStatus', () => {
  it.each([
    ['delivered', true],
    ['read', true],
    ['failed', true],
    ['undelivered', true],
    ['canceled', true],
    ['queued', false],
    ['accepted', false],
    ['sending', false],
    ['sent', false],
    ['scheduled', false],
    ['nonsense', false],
  ] as const)('%s is final: %s', (status, final) => {
    expect(isFinalStatus(status)).toBe(final);
  });
});
