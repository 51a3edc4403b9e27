import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HandoffFixture, startHandoff } from './handoff-fixture.ts';
import { api, login, type StaffSession } from './staff-session.ts';

const WA = 'whatsapp:+5219625559090';
const SMS = '+5219625559191';
const MAP = { name: 'Mapa de albergues', lang: 'es', kind: 'image', url: 'https://example.org/mapa.png' };

/** A small library of documents and images that supervisors keep and staff send to a person. */
describe('the document library', () => {
  let h: HandoffFixture;
  let ana: StaffSession;
  let sofia: StaffSession;
  const ticketId = async (from: string) => (await h.ticketOf(from)).id;

  beforeEach(async () => {
    h = await startHandoff();
    ana = await login(h.t, 'ana');
    sofia = await login(h.t, 'sofia');
    for (const from of [WA, SMS]) {
      await h.userWrites(from, 'quiero hablar con una persona');
      await api(h.t, ana, 'POST', `/api/staff/tickets/${await ticketId(from)}/claim`);
    }
    await h.t.services.engine.idle();
  });
  afterEach(() => h.close());

  it('is kept by supervisors only, with https links', async () => {
    expect((await api(h.t, sofia, 'PUT', '/api/staff/library/mapa', MAP)).statusCode).toBe(200);
    expect((await api(h.t, ana, 'PUT', '/api/staff/library/otro', MAP)).statusCode).toBe(403);
    const plain = await api(h.t, sofia, 'PUT', '/api/staff/library/otro', {
      ...MAP,
      url: 'http://x.org/a.png',
    });
    expect(plain.statusCode).toBe(400);
    expect((await api(h.t, sofia, 'PUT', '/api/staff/library/Bad%20Id', MAP)).statusCode).toBe(400);
    const list = (await api(h.t, ana, 'GET', '/api/staff/library')).json();
    expect(list.items).toEqual([{ id: 'mapa', ...MAP }]);
    expect((await api(h.t, ana, 'DELETE', '/api/staff/library/mapa')).statusCode).toBe(403);
    expect((await api(h.t, sofia, 'DELETE', '/api/staff/library/mapa')).statusCode).toBe(204);
    expect((await api(h.t, ana, 'GET', '/api/staff/library')).json().items).toEqual([]);
  });

  it('sends the file on WhatsApp and the link as text on SMS', async () => {
    await api(h.t, sofia, 'PUT', '/api/staff/library/mapa', MAP);
    const wa = await api(h.t, ana, 'POST', `/api/staff/tickets/${await ticketId(WA)}/library/mapa`);
    expect(wa.statusCode).toBe(202);
    const sms = await api(h.t, ana, 'POST', `/api/staff/tickets/${await ticketId(SMS)}/library/mapa`);
    expect(sms.statusCode).toBe(202);
    await h.t.services.outbox.drain();
    const onWhatsApp = await h.sentTo(WA, 'Mapa de albergues');
    expect(onWhatsApp.mediaUrls).toEqual([MAP.url]);
    const onSms = await h.sentTo(SMS, 'Mapa de albergues');
    expect(onSms.body).toContain(MAP.url);
    expect(onSms.mediaUrls).toEqual([]);
  });

  it('follows the reply rules: an unknown item, or a ticket that is not yours', async () => {
    await api(h.t, sofia, 'PUT', '/api/staff/library/mapa', MAP);
    const id = await ticketId(WA);
    expect((await api(h.t, ana, 'POST', `/api/staff/tickets/${id}/library/nada`)).statusCode).toBe(404);
    const beto = await login(h.t, 'beto');
    const res = await api(h.t, beto, 'POST', `/api/staff/tickets/${id}/library/mapa`);
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toBe('not_assignee');
  });
});
