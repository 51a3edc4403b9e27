import { describe, expect, it } from 'vitest';
import { createWorkGate } from '../../src/engine/work-gate.ts';

describe('the work gate of a work thread', () => {
  it('takes on all it can while the webhooks leave CPU to spare', () => {
    const gate = createWorkGate({ max: 256, webBusy: () => false, now: () => 0 });
    expect(gate.room(0)).toBe(256);
    expect(gate.room(250)).toBe(6);
    expect(gate.room(300)).toBe(0);
  });

  it('trickles while the webhook thread is saturated: one conversation at a time, one per 100 ms', () => {
    let t = 1_000;
    const gate = createWorkGate({ max: 256, webBusy: () => true, now: () => t });
    expect(gate.room(0)).toBe(1);
    gate.took();
    expect(gate.room(1)).toBe(0); // one in hand
    expect(gate.room(0)).toBe(0); // done, but too soon
    t += 100;
    expect(gate.room(0)).toBe(1);
  });

  it('never waits without a webhook thread (a worker process)', () => {
    const gate = createWorkGate({ max: 8, now: () => 0 });
    gate.took();
    expect(gate.room(0)).toBe(8);
  });
});
