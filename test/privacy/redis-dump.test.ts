import { createHash } from 'node:crypto';
import type { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationKeys } from '../../src/store/keys.ts';
import { type HandoffFixture, startHandoff } from '../console/handoff-fixture.ts';
import { api, login } from '../console/staff-session.ts';
import { redisDump } from '../helpers/redis-dump.ts';
import { inboundForm } from '../helpers/test-app.ts';

const CHILD = 'whatsapp:+5219625557001';
const OTHER = '+5219625557002';

/** What people and staff wrote, each distinctive enough to be found only where it was written. */
const WRITTEN = {
  danger: 'me quieren matar, estoy en la casa de Rosa Quintanilla',
  brother: 'mi hermanito Kevin Aguilar está conmigo',
  later: 'gracias, ya estoy más tranquila en el parque Bicentenario',
  waiting: 'quiero hablar con una persona, soy Marisol Ixcamparij',
  queued: 'sigo aquí junto al mercado Sebastián Escobar',
  reply: 'Hola, soy Ana. Quédate cerca de la puerta azul',
  queuedReply: 'Te espera el albergue Belén Xochicalco a las 18:00',
  note: 'vive con su tía Lucía Fernández Oropeza',
  labels: ['violencia-familiar-qz', 'albergue-pendiente-qz'],
  agency: 'Clínica Jurídica Quetzalcóatl',
  referralNotes: 'cita en COMAR el martes con Doña Herminia',
};

/** The hashes someone holding a list of numbers could compute without Faro's key. */
function unkeyedHashes(address: string): string[] {
  const digits = address.replace(/\D/g, '');
  return [address, `+${digits}`, digits].flatMap((v) =>
    ['sha256', 'sha1', 'md5'].flatMap((alg) => {
      const d = createHash(alg).update(v).digest();
      return [d.toString('hex'), d.toString('base64'), d.toString('base64url')];
    }),
  );
}

describe('a Redis dump after a whole conversation with a ticket', () => {
  let h: HandoffFixture;
  afterAll(async () => {
    await h?.close();
  });

  it('holds no message text, note, label, referral note, number or hash of a number in clear', async () => {
    h = await startHandoff({ store: 'redis' });
    const { t } = h;

    // A danger message opens a safety ticket; Ana claims it, replies, writes a note, labels it
    // and records a referral.
    await h.userWrites(CHILD, WRITTEN.danger);
    await h.userWrites(CHILD, WRITTEN.brother);
    const ticket = await h.ticketOf(CHILD);
    expect(ticket.reasons).toContain('safety');
    const ana = await login(t, 'ana');
    const at = `/api/staff/tickets/${ticket.id}`;
    expect((await api(t, ana, 'POST', `${at}/claim`)).statusCode).toBe(200);
    expect((await api(t, ana, 'POST', `${at}/messages`, { text: WRITTEN.reply })).statusCode).toBe(202);
    await h.sentTo(CHILD, 'puerta azul');
    expect((await api(t, ana, 'POST', `${at}/notes`, { text: WRITTEN.note })).statusCode).toBe(201);
    expect((await api(t, ana, 'PUT', `${at}/labels`, { labels: WRITTEN.labels })).statusCode).toBe(200);
    const referral = await api(t, ana, 'POST', `${at}/referrals`, {
      service_type: 'legal',
      service_implementing_agency: WRITTEN.agency,
      notes: WRITTEN.referralNotes,
    });
    expect(referral.statusCode).toBe(201);
    await h.userWrites(CHILD, WRITTEN.later);

    // Another person waits for staff: a no-answer timer is pending.
    await h.userWrites(OTHER, WRITTEN.waiting);

    // The outbox stops sending: a staff reply and a case code (an ephemeral job with the PIN) wait.
    const workers = (t.services.outbox as unknown as { workers: Worker[] }).workers;
    await Promise.all(workers.map((w) => w.pause()));
    expect((await api(t, ana, 'POST', `${at}/messages`, { text: WRITTEN.queuedReply })).statusCode).toBe(202);
    const issued = await api(t, ana, 'POST', `${at}/case-code`, { send: true });
    expect(issued.statusCode).toBe(201);
    const pinText = t.services.i18n.t('es')('case.issued', issued.json());

    // A message arrives while the conversation is being stepped elsewhere: it waits in the inbox.
    const childId = t.services.crypto.hash(CHILD);
    const lock = await t.services.store.acquireLock(childId, 60_000);
    expect(lock).not.toBeNull();
    expect((await t.post('/webhooks/twilio/messages', inboundForm(CHILD, WRITTEN.queued))).statusCode).toBe(
      200,
    );

    const { parts, dumps } = await redisDump(t.prefix);
    const bull = parts.filter((p) => p.key.includes('{bull}') && p.part === 'name');
    expect(bull.some((p) => p.key.includes(':timers:'))).toBe(true);
    expect(bull.some((p) => p.key.includes(':outbox-whatsapp'))).toBe(true);
    const inbox = parts.filter((p) => p.key === conversationKeys(t.prefix, childId).inbox);
    expect(inbox.length).toBeGreaterThan(1);
    expect(parts.filter((p) => /v2\.[\w-]{8}\.[\w-]{16}\./.test(p.text)).length).toBeGreaterThan(15);

    const numbers = [CHILD, OTHER].flatMap((n) => {
      const digits = n.replace(/\D/g, '');
      return [digits, digits.slice(-8)];
    });
    const needles = [
      ...Object.values(WRITTEN).flat(),
      pinText,
      ...numbers,
      ...[CHILD, OTHER].flatMap(unkeyedHashes),
    ];
    const found = parts
      .filter((p) => needles.some((n) => p.text.includes(n)))
      .map((p) => `${p.key} (${p.part})`);
    expect(found).toEqual([]);
    const inDumps = needles.filter((n) => dumps.some((d) => d.includes(Buffer.from(n))));
    expect(inDumps).toEqual([]);

    // The keyed hash names conversations (key names, index members), never inside a value.
    const ids = [childId, t.services.crypto.hash(OTHER)];
    const inside = parts
      .filter((p) => p.part !== 'name' && ids.some((id) => p.text.includes(id) && p.text !== id))
      .map((p) => `${p.key} (${p.part})`);
    expect(inside).toEqual([]);

    await t.services.store.releaseLock(childId, lock!);

    // Staff still read everything through the API, and the export has the referral.
    const detail = await api(t, ana, 'GET', at);
    for (const text of [WRITTEN.danger, WRITTEN.reply, WRITTEN.later, WRITTEN.note, ...WRITTEN.labels])
      expect(detail.body).toContain(text);
    const sofia = await login(t, 'sofia');
    const csv = await api(t, sofia, 'GET', '/api/staff/referrals.csv');
    expect(csv.body).toContain(WRITTEN.referralNotes);
    expect(csv.body).toContain(WRITTEN.agency);
  }, 30_000);
});
