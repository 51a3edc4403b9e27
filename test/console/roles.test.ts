import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/handoff/ticket.ts';
import { type HandoffFixture, startHandoff } from './handoff-fixture.ts';
import { api, login, type StaffSession } from './staff-session.ts';

const WAITING = 'whatsapp:+5219620000001';
const ANAS = 'whatsapp:+5219620000002';
const BETOS = '+5219620000003';
const CLOSED = '+5219620000004';

type Who = 'ana' | 'sofia';
interface Case {
  action: string;
  method: 'GET' | 'POST' | 'PUT';
  path: (ids: Record<string, string>) => string;
  body?: unknown;
  expect: Record<Who, number>;
}

/** Every action for each role, on a waiting ticket, ana's, beto's and a closed one. */
const CASES: Case[] = [
  {
    action: 'view a waiting ticket',
    method: 'GET',
    path: (i) => `/tickets/${i.waiting}`,
    expect: { ana: 200, sofia: 200 },
  },
  {
    action: "view another agent's ticket",
    method: 'GET',
    path: (i) => `/tickets/${i.betos}`,
    expect: { ana: 403, sofia: 200 },
  },
  {
    action: 'view an own closed ticket',
    method: 'GET',
    path: (i) => `/tickets/${i.closed}`,
    expect: { ana: 200, sofia: 200 },
  },
  {
    action: 'view a missing ticket',
    method: 'GET',
    path: () => '/tickets/nope',
    expect: { ana: 404, sofia: 404 },
  },
  {
    action: 'claim a waiting ticket',
    method: 'POST',
    path: (i) => `/tickets/${i.waiting}/claim`,
    expect: { ana: 200, sofia: 200 },
  },
  {
    action: 'claim a held ticket',
    method: 'POST',
    path: (i) => `/tickets/${i.betos}/claim`,
    expect: { ana: 409, sofia: 409 },
  },
  {
    action: 'claim a closed ticket',
    method: 'POST',
    path: (i) => `/tickets/${i.closed}/claim`,
    expect: { ana: 409, sofia: 409 },
  },
  {
    action: 'reply on own ticket',
    method: 'POST',
    path: (i) => `/tickets/${i.anas}/messages`,
    body: { text: 'Hola' },
    expect: { ana: 202, sofia: 202 },
  },
  {
    action: "reply on another's ticket",
    method: 'POST',
    path: (i) => `/tickets/${i.betos}/messages`,
    body: { text: 'Hola' },
    expect: { ana: 409, sofia: 202 },
  },
  {
    action: 'reply before claiming',
    method: 'POST',
    path: (i) => `/tickets/${i.waiting}/messages`,
    body: { text: 'Hola' },
    expect: { ana: 409, sofia: 409 },
  },
  {
    action: 'reply on a closed ticket',
    method: 'POST',
    path: (i) => `/tickets/${i.closed}/messages`,
    body: { text: 'Hola' },
    expect: { ana: 409, sofia: 409 },
  },
  {
    action: 'reply with no text',
    method: 'POST',
    path: (i) => `/tickets/${i.anas}/messages`,
    body: { text: '' },
    expect: { ana: 400, sofia: 400 },
  },
  {
    action: 'note on own ticket',
    method: 'POST',
    path: (i) => `/tickets/${i.anas}/notes`,
    body: { text: 'llamar' },
    expect: { ana: 201, sofia: 201 },
  },
  {
    action: "note on another's ticket",
    method: 'POST',
    path: (i) => `/tickets/${i.betos}/notes`,
    body: { text: 'x' },
    expect: { ana: 403, sofia: 201 },
  },
  {
    action: 'note on a waiting ticket',
    method: 'POST',
    path: (i) => `/tickets/${i.waiting}/notes`,
    body: { text: 'x' },
    expect: { ana: 403, sofia: 201 },
  },
  {
    action: 'label own ticket',
    method: 'PUT',
    path: (i) => `/tickets/${i.anas}/labels`,
    body: { labels: ['asilo'] },
    expect: { ana: 200, sofia: 200 },
  },
  {
    action: "label another's ticket",
    method: 'PUT',
    path: (i) => `/tickets/${i.betos}/labels`,
    body: { labels: ['asilo'] },
    expect: { ana: 403, sofia: 200 },
  },
  {
    action: 'label with a bad list',
    method: 'PUT',
    path: (i) => `/tickets/${i.anas}/labels`,
    body: { labels: 'asilo' },
    expect: { ana: 400, sofia: 400 },
  },
  {
    action: 'transfer own ticket',
    method: 'POST',
    path: (i) => `/tickets/${i.anas}/transfer`,
    body: { to: 'beto' },
    expect: { ana: 200, sofia: 200 },
  },
  {
    action: "transfer another's ticket to the queue",
    method: 'POST',
    path: (i) => `/tickets/${i.betos}/transfer`,
    body: { to: null },
    expect: { ana: 403, sofia: 200 },
  },
  {
    action: 'transfer to nobody known',
    method: 'POST',
    path: (i) => `/tickets/${i.anas}/transfer`,
    body: { to: 'ghost' },
    expect: { ana: 400, sofia: 400 },
  },
  {
    action: 'close own ticket',
    method: 'POST',
    path: (i) => `/tickets/${i.anas}/close`,
    body: { outcome: 'referred' },
    expect: { ana: 200, sofia: 200 },
  },
  {
    action: "close another's ticket",
    method: 'POST',
    path: (i) => `/tickets/${i.betos}/close`,
    body: { outcome: 'other' },
    expect: { ana: 403, sofia: 200 },
  },
  {
    action: 'close a closed ticket',
    method: 'POST',
    path: (i) => `/tickets/${i.closed}/close`,
    body: { outcome: 'other' },
    expect: { ana: 403, sofia: 409 },
  },
  {
    action: 'close with an unknown outcome',
    method: 'POST',
    path: (i) => `/tickets/${i.anas}/close`,
    body: { outcome: 'done' },
    expect: { ana: 400, sofia: 400 },
  },
  {
    action: 'reveal a number',
    method: 'POST',
    path: (i) => `/tickets/${i.anas}/reveal`,
    expect: { ana: 403, sofia: 200 },
  },
  { action: 'list staff', method: 'GET', path: () => '/staff', expect: { ana: 200, sofia: 200 } },
  {
    action: 'read the audit log',
    method: 'GET',
    path: () => '/audit?limit=50',
    expect: { ana: 403, sofia: 200 },
  },
  {
    action: 'read the audit log with a bad limit',
    method: 'GET',
    path: () => '/audit?limit=0',
    expect: { ana: 403, sofia: 400 },
  },
];

describe('staff actions by role', () => {
  let h: HandoffFixture;
  let ids: Record<string, string>;
  let as: Record<Who | 'beto', StaffSession>;

  beforeEach(async () => {
    h = await startHandoff();
    for (const from of [WAITING, ANAS, BETOS, CLOSED])
      await h.userWrites(from, 'quiero hablar con una persona');
    as = { ana: await login(h.t, 'ana'), beto: await login(h.t, 'beto'), sofia: await login(h.t, 'sofia') };
    ids = {
      waiting: (await h.ticketOf(WAITING)).id,
      anas: (await h.ticketOf(ANAS)).id,
      betos: (await h.ticketOf(BETOS)).id,
      closed: (await h.ticketOf(CLOSED)).id,
    };
    const call = (s: StaffSession, path: string, body?: unknown) =>
      api(h.t, s, 'POST', `/api/staff${path}`, body);
    expect((await call(as.ana, `/tickets/${ids.anas}/claim`)).statusCode).toBe(200);
    expect((await call(as.beto, `/tickets/${ids.betos}/claim`)).statusCode).toBe(200);
    expect((await call(as.ana, `/tickets/${ids.closed}/claim`)).statusCode).toBe(200);
    expect(
      (await call(as.ana, `/tickets/${ids.closed}/close`, { outcome: 'information_given' })).statusCode,
    ).toBe(200);
    await h.t.services.engine.idle();
  });
  afterEach(() => h.close());

  for (const who of ['ana', 'sofia'] as const) {
    describe(who === 'ana' ? 'agent' : 'supervisor', () => {
      it.each(CASES)('$action', async (c) => {
        const res = await api(h.t, as[who], c.method, `/api/staff${c.path(ids)}`, c.body);
        expect(res.statusCode, res.body).toBe(c.expect[who]);
        if (res.statusCode >= 400)
          expect(Object.keys(res.json()).sort()).toEqual(
            expect.arrayContaining(['error', 'message', 'reqId', 'statusCode']),
          );
      });
    });
  }

  it('lists what each role may see, in queue order', async () => {
    const list = async (s: StaffSession, status: string) =>
      (await api(h.t, s, 'GET', `/api/staff/tickets?status=${status}`))
        .json()
        .tickets.map((t: Ticket) => t.id);
    expect(await list(as.ana, 'waiting')).toEqual([ids.waiting]);
    expect(await list(as.ana, 'active')).toEqual([ids.anas]);
    expect(await list(as.ana, 'mine')).toEqual([ids.anas]);
    expect(await list(as.ana, 'closed')).toEqual([ids.closed]);
    expect((await list(as.sofia, 'active')).sort()).toEqual([ids.anas, ids.betos].sort());
    expect(await list(as.sofia, 'mine')).toEqual([]);
    expect(await list(as.beto, 'closed')).toEqual([]);
    expect((await api(h.t, as.ana, 'GET', '/api/staff/tickets?status=open')).statusCode).toBe(400);
  });

  it('reveals the whole number to a supervisor and masks it everywhere else', async () => {
    const detail = (await api(h.t, as.ana, 'GET', `/api/staff/tickets/${ids.anas}`)).json().ticket;
    expect(detail.maskedAddress).toBe('WhatsApp ••• ••• ••02');
    expect(JSON.stringify(detail)).not.toContain('9620000002');
    const res = await api(h.t, as.sofia, 'POST', `/api/staff/tickets/${ids.anas}/reveal`);
    expect(res.json()).toEqual({ address: ANAS });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('audits who viewed, claimed, replied, noted, labelled, transferred, revealed and closed', async () => {
    const id = ids.waiting;
    const call = (s: StaffSession, m: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(h.t, s, m, `/api/staff/tickets/${id}${path}`, body);
    await call(as.ana, 'GET', '');
    await call(as.ana, 'POST', '/claim');
    await call(as.ana, 'POST', '/messages', { text: 'Hola' });
    await call(as.ana, 'POST', '/notes', { text: 'nota' });
    await call(as.ana, 'PUT', '/labels', { labels: ['salud'] });
    await call(as.sofia, 'POST', '/reveal');
    await call(as.ana, 'POST', '/transfer', { to: 'beto' });
    await call(as.beto, 'POST', '/close', { outcome: 'information_given' });
    const entries = (await api(h.t, as.sofia, 'GET', '/api/staff/audit')).json().entries;
    const forTicket = entries.filter((e: { ticketId: string }) => e.ticketId === id);
    expect(
      forTicket.map((e: { actor: string; action: string }) => `${e.actor} ${e.action}`).reverse(),
    ).toEqual([
      'ana viewed',
      'ana claimed',
      'ana replied',
      'ana noted',
      'ana labelled',
      'sofia revealed',
      'ana transferred',
      'beto closed',
    ]);
    expect(entries[0]).toEqual({ at: expect.any(Number), actor: 'beto', action: 'closed', ticketId: id });
  });
});
