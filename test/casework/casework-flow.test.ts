import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_LIMITS } from '../../src/casework/types.ts';
import { type HandoffFixture, startHandoff } from '../console/handoff-fixture.ts';
import { api, login, type StaffSession } from '../console/staff-session.ts';
import { type FakePrimero, startFakePrimero } from '../fakes/fake-primero.ts';

const OLD = '+5219625550111';
const NEW = 'whatsapp:+5219625550122';
const THIRD = '+5219625550133';

/**
 * Casework end to end through the signed webhook and the staff API: a case code moves the
 * conversation to a new number, consent is answered in the conversation, the referral is
 * exported and pushed to a fake Primero; erase takes it all.
 */
describe.each(['memory', 'redis'] as const)('casework (%s)', (store) => {
  let h: HandoffFixture;
  let primero: FakePrimero;
  let ana: StaffSession;
  let sofia: StaffSession;
  let beto: StaffSession;
  let ticketId: string;
  let code: string;
  let pin: string;

  beforeAll(async () => {
    primero = await startFakePrimero({ user: 'faro', password: 'primero-secret' });
    h = await startHandoff({
      store,
      env: {
        PRIMERO_BASE_URL: primero.baseUrl,
        PRIMERO_USER: 'faro',
        PRIMERO_PASSWORD: 'primero-secret',
        PRIMERO_REFER_TO: 'cp_tapachula',
      },
    });
    ana = await login(h.t, 'ana');
    sofia = await login(h.t, 'sofia');
    beto = await login(h.t, 'beto');
  });
  afterAll(async () => {
    await h.close();
    await primero.close();
  });

  const toOld = () => h.fake.messages.filter((m) => m.to === OLD).length;

  it('gives a code to the person of an open ticket, and the PIN only to them', async () => {
    await h.userWrites(OLD, 'quiero hablar con una persona');
    ticketId = (await h.ticketOf(OLD)).id;
    expect((await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/claim`)).statusCode).toBe(200);
    // Only the holder (or a supervisor) gives a code.
    expect((await api(h.t, beto, 'POST', `/api/staff/tickets/${ticketId}/case-code`, {})).statusCode).toBe(
      403,
    );
    const res = await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/case-code`, {});
    expect(res.statusCode).toBe(201);
    ({ code, pin } = res.json());
    expect(code).toMatch(/^[3479CFHJKMPRTWX]{3}-[3479CFHJKMPRTWX]{3}$/);
    const sent = await h.sentTo(OLD, code);
    expect(sent.body).toContain(pin);
    const detail = (await api(h.t, ana, 'GET', `/api/staff/tickets/${ticketId}`)).json().ticket;
    expect(detail.caseCode).toMatchObject({ code, issuedBy: 'ana' });
    // Staff read that a code went out; the PIN is stored nowhere in the transcript.
    expect(JSON.stringify(detail.transcript)).toContain(code);
    // (The texts only: a random message id may hold the same four digits.)
    expect(detail.transcript.map((e: { text: string }) => e.text).join('\n')).not.toContain(pin);
  });

  it('joins a second number by code then PIN: one case with both numbers, the old one hears nothing more', async () => {
    await h.userWrites(OLD, 'hola, sigo aquí');
    await h.userWrites(NEW, code.toLowerCase());
    await h.sentTo(NEW, 'PIN');
    await h.userWrites(NEW, pin);
    await h.sentTo(NEW, 'seguimos tu caso en este número');
    const before = toOld();

    const detail = (await api(h.t, ana, 'GET', `/api/staff/tickets/${ticketId}`)).json().ticket;
    expect(detail.channel).toBe('whatsapp');
    expect(detail.maskedAddress).toBe('WhatsApp ••• ••• ••22');
    expect(detail.joinedNumbers).toEqual([
      expect.objectContaining({ maskedAddress: 'WhatsApp ••• ••• ••22' }),
    ]);
    const texts = detail.transcript.map((e: { text: string }) => e.text);
    expect(texts).toContain('hola, sigo aquí');
    expect(texts).toContain('joined by case code: WhatsApp ••• ••• ••22');

    // The new number writes into the case; staff replies reach it, not the old one.
    await h.userWrites(NEW, 'ya tengo otro teléfono');
    const after = (await api(h.t, ana, 'GET', `/api/staff/tickets/${ticketId}`)).json().ticket;
    expect(after.transcript.map((e: { text: string }) => e.text)).toContain('ya tengo otro teléfono');
    expect(
      (await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/messages`, { text: 'Te leo, Ana' }))
        .statusCode,
    ).toBe(202);
    await h.sentTo(NEW, 'Te leo, Ana');

    // The old number is a stranger now: its message opens nothing in the case.
    await h.userWrites(OLD, 'hola');
    const final = (await api(h.t, ana, 'GET', `/api/staff/tickets/${ticketId}`)).json().ticket;
    expect(final.transcript.filter((e: { text: string }) => e.text === 'hola')).toHaveLength(0);
    expect(
      h.fake.messages
        .filter((m) => m.to === OLD)
        .slice(before)
        .some((m) => m.body.includes('Ana')),
    ).toBe(false);
    const audit = (await api(h.t, sofia, 'GET', '/api/staff/audit')).json().entries;
    expect(audit.map((e: { action: string }) => e.action)).toContain('case_code_joined');
  });

  it('refuses a wrong PIN, audits it, and stops guessing per number', async () => {
    for (let i = 0; i < CASE_LIMITS.perNumber; i++) {
      await h.userWrites(THIRD, `${code} 0000`);
    }
    await h.sentTo(THIRD, 'no son correctos');
    await h.userWrites(THIRD, `${code} ${pin}`);
    await h.sentTo(THIRD, 'demasiados intentos');
    const audit = (await api(h.t, sofia, 'GET', '/api/staff/audit?limit=1000')).json().entries;
    const actions = audit.map((e: { action: string }) => e.action);
    expect(actions).toContain('case_code_failed');
    expect(actions).toContain('case_code_refused');
    // The right PIN from a number over its limit did not join.
    const detail = (await api(h.t, ana, 'GET', `/api/staff/tickets/${ticketId}`)).json().ticket;
    expect(detail.maskedAddress).toBe('WhatsApp ••• ••• ••22');
  });

  it('records a referral, asks consent in the conversation, exports it and pushes it to Primero', async () => {
    const created = await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/referrals`, {
      service_type: 'legal',
      service_implementing_agency: 'Centro Fray Matías',
      notes: '=cmd asylum appointment',
      primero_case_id: 'case-123',
    });
    expect(created.statusCode).toBe(201);
    const rid = created.json().referral.id;
    // No push before the person consents.
    expect(
      (await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/referrals/${rid}/push`)).statusCode,
    ).toBe(409);
    expect(
      (await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/referrals/${rid}/consent`)).statusCode,
    ).toBe(200);
    await h.sentTo(NEW, 'Centro Fray Matías');
    await h.userWrites(NEW, 'sí');
    await h.sentTo(NEW, 'Anotamos que sí das permiso');
    const [r] = (await api(h.t, ana, 'GET', `/api/staff/tickets/${ticketId}/referrals`)).json().referrals;
    expect(r).toMatchObject({
      consent_for_services: true,
      disclosure_other_orgs: true,
      consent_source: 'conversation',
      status: 'in_progress',
    });

    const pushed = await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/referrals/${rid}/push`);
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json().referral.primero_referral_id).toBe('ref-1');
    expect(primero.referrals).toEqual([
      {
        caseId: 'case-123',
        data: expect.objectContaining({
          transitioned_to: 'cp_tapachula',
          consent_for_services: true,
          service_type: 'legal',
        }),
      },
    ]);
    // A token Primero no longer knows: one fresh login, then the push goes through.
    primero.expireTokens();
    expect(
      (await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/referrals/${rid}/push`)).statusCode,
    ).toBe(200);
    expect(primero.logins).toBe(2);

    const outcome = await api(h.t, ana, 'PUT', `/api/staff/tickets/${ticketId}/referrals/${rid}`, {
      status: 'done',
      service_implemented: 'not_implemented',
      reason_not_successful: 'no appointments',
    });
    expect(outcome.json().referral).toMatchObject({
      status: 'done',
      reason_not_successful: 'no appointments',
    });

    expect((await api(h.t, ana, 'GET', '/api/staff/referrals.csv')).statusCode).toBe(403);
    const csv = await api(h.t, sofia, 'GET', '/api/staff/referrals.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row] = csv.body.trim().split('\r\n');
    expect(header).toMatch(
      /^id,ticket_id,service_type,service_implementing_agency,service_id,status,consent_for_services,disclosure_other_orgs/,
    );
    expect(row).toContain(',done,true,true,conversation,not_implemented,no appointments,');
    expect(row).toContain("'=cmd asylum appointment");
    const conversationId = (await h.t.services.handoffSide.tickets.get(ticketId))!.conversationId!;
    expect(csv.body).not.toContain(conversationId);

    // The supervisors' figures count referrals by kind and status, and nothing else of them.
    await h.t.services.stats.recorder.idle();
    const figures = (await api(h.t, sofia, 'GET', '/api/staff/stats')).json().stats;
    const referrals = figures.tables.find((t: { id: string }) => t.id === 'referrals');
    expect(referrals.rows.map((r: { key: string }) => r.key).sort()).toEqual([
      'legal.done',
      'legal.in_progress',
    ]);
  });

  it('finds the ticket by digits, label, code, outcome and words, within what each may see', async () => {
    await api(h.t, ana, 'PUT', `/api/staff/tickets/${ticketId}/labels`, { labels: ['asilo-urgente'] });
    const find = async (who: StaffSession, q: string) =>
      (await api(h.t, who, 'GET', `/api/staff/search?q=${encodeURIComponent(q)}`))
        .json()
        .results.map((r: { id: string }) => r.id);
    expect(await find(ana, '0122')).toContain(ticketId);
    expect(await find(ana, 'asilo-urgente')).toContain(ticketId);
    expect(await find(ana, code)).toContain(ticketId);
    expect(await find(ana, 'otro telefono')).toContain(ticketId);
    expect(await find(ana, '0111')).not.toContain(ticketId);
    // Beto may not see Ana's ticket, so search does not show it to him.
    expect(await find(beto, 'asilo-urgente')).toEqual([]);
    expect(await find(sofia, 'asilo-urgente')).toContain(ticketId);
  });

  it('closes, writes after closing, shows earlier tickets and reopens', async () => {
    expect(
      (await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/close`, { outcome: 'referred' }))
        .statusCode,
    ).toBe(200);
    const follow = await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/follow-up`, {
      text: '¿Pudiste ir a la cita?',
    });
    expect(follow.statusCode).toBe(202);
    await h.sentTo(NEW, '¿Pudiste ir a la cita?');
    expect(
      (await api(h.t, sofia, 'GET', '/api/staff/search?q=referred'))
        .json()
        .results.map((r: { id: string }) => r.id),
    ).toContain(ticketId);

    await h.userWrites(NEW, 'quiero hablar con una persona');
    const second = (await h.t.services.handoffSide.tickets.openFor(
      (await h.t.services.handoffSide.tickets.get(ticketId))!.conversationId!,
    ))!;
    const history = (await api(h.t, sofia, 'GET', `/api/staff/tickets/${second.id}/history`)).json().tickets;
    expect(history.map((t: { id: string }) => t.id)).toEqual([ticketId]);
    // Not while the person has another open ticket.
    expect((await api(h.t, sofia, 'POST', `/api/staff/tickets/${ticketId}/reopen`)).statusCode).toBe(409);
    await api(h.t, sofia, 'POST', `/api/staff/tickets/${second.id}/claim`);
    await api(h.t, sofia, 'POST', `/api/staff/tickets/${second.id}/close`, { outcome: 'other' });
    const reopened = await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/reopen`);
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().ticket).toMatchObject({ status: 'active', assignee: 'ana', outcome: null });
    await h.sentTo(NEW, 'entró a la conversación');
  });

  it('erase takes the code, the routes and the referrals', async () => {
    await h.userWrites(NEW, 'BORRAR');
    await h.userWrites(NEW, 'sí');
    const cases = h.t.services.casework.cases;
    expect(await cases.getCode(code)).toBeNull();
    expect(await cases.listReferrals(10)).toEqual([]);
    expect(await h.t.services.casework.codes.resolve(h.t.services.crypto.hash(NEW))).toBe(
      h.t.services.crypto.hash(NEW),
    );
  });
});
