import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandoffFixture, startHandoff } from '../console/handoff-fixture.ts';
import { api, login, type StaffSession } from '../console/staff-session.ts';

describe.each(['memory', 'redis'] as const)('auto-assignment (%s)', (store) => {
  let h: HandoffFixture;
  let ana: StaffSession;
  let beto: StaffSession;
  let sofia: StaffSession;

  beforeAll(async () => {
    h = await startHandoff({ store });
    ana = await login(h.t, 'ana');
    beto = await login(h.t, 'beto');
    sofia = await login(h.t, 'sofia');
  });
  afterAll(() => h.close());

  it('gives a new ticket to the available staff member with the fewest open tickets', async () => {
    expect((await api(h.t, ana, 'PUT', '/api/staff/auto-assign', { on: true })).statusCode).toBe(403);
    await api(h.t, ana, 'PUT', '/api/staff/availability', { available: true });
    await api(h.t, beto, 'PUT', '/api/staff/availability', { available: true });
    // Off: nothing is given.
    await h.userWrites('+5219625550201', 'quiero hablar con una persona');
    expect((await h.ticketOf('+5219625550201')).status).toBe('waiting');
    // On: the waiting ticket goes at once, then each new one to whoever has fewer.
    const on = await api(h.t, sofia, 'PUT', '/api/staff/auto-assign', { on: true });
    expect(on.json()).toEqual({ autoAssign: true, assigned: 1 });
    const first = await h.ticketOf('+5219625550201');
    expect(first).toMatchObject({ status: 'active', assignee: 'ana' });
    await h.sentTo('+5219625550201', /entr[oó] a la conversaci[oó]n/);
    await h.userWrites('+5219625550202', 'quiero hablar con una persona');
    expect(await h.ticketOf('+5219625550202')).toMatchObject({ status: 'active', assignee: 'beto' });
    await h.sentTo('+5219625550202', /entr[oó] a la conversaci[oó]n/);
    const board = (await api(h.t, sofia, 'GET', '/api/staff/availability')).json();
    expect(board.staff.find((s: { username: string }) => s.username === 'ana')).toMatchObject({
      available: true,
      openTickets: 1,
    });
    // Away: no more for Ana.
    await api(h.t, ana, 'PUT', '/api/staff/availability', { available: false });
    await h.userWrites('+5219625550203', 'quiero hablar con una persona');
    expect(await h.ticketOf('+5219625550203')).toMatchObject({ assignee: 'beto' });
  });
});
