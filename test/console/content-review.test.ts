import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/engine/clock.ts';
import { type HandoffFixture, startHandoff } from './handoff-fixture.ts';
import { api, login } from './staff-session.ts';

describe('content due for re-checking (supervisors)', () => {
  let h: HandoffFixture | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('lists for a supervisor what is past its review date, with its sources; an agent gets 403', async () => {
    // Eight months after the facts were checked: numbers and offices (6 months) are past due.
    const clock = createManualClock(Date.UTC(2027, 7, 1, 16, 0));
    h = await startHandoff({ overrides: { clock } });
    const sofia = await login(h.t, 'sofia');
    const ana = await login(h.t, 'ana');
    expect((await api(h.t, ana, 'GET', '/api/staff/content/due')).statusCode).toBe(403);
    const res = await api(h.t, sofia, 'GET', '/api/staff/content/due');
    expect(res.statusCode).toBe(200);
    const { today, items } = res.json();
    expect(today).toBe('2027-08-01');
    const emergency = items.find((i: { id: string }) => i.id === 'safety.911');
    expect(emergency).toMatchObject({ type: 'fact', status: 'past_due' });
    expect(emergency.sources[0]).toMatch(/^https:\/\//);
    expect(items.every((i: { status: string }) => i.status !== 'ok')).toBe(true);
  });
});
