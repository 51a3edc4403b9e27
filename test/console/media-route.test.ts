import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleOggOpus, samplePng } from '../fakes/media-samples.ts';
import { inboundForm } from '../helpers/test-app.ts';
import { type HandoffFixture, startHandoff } from './handoff-fixture.ts';
import { api, login, type StaffSession } from './staff-session.ts';

const WA = 'whatsapp:+5219625550404';
const OTHER = 'whatsapp:+5219625550505';

/**
 * A person's photos and voice notes reach staff through Faro's own route: Faro fetches them from
 * Twilio with its credentials; staff never get a Twilio URL, and only those who may see the
 * ticket get the file.
 */
describe('media a person sent, through the staff API', () => {
  let h: HandoffFixture;
  let ana: StaffSession;

  /** A signed webhook with files, as Twilio sends a WhatsApp photo or voice note. */
  async function userSendsMedia(
    from: string,
    files: Array<{ contentType: string; bytes: Buffer }>,
    text = '',
  ) {
    const held = h.fake.media.addInbound(files);
    const extra: Record<string, string> = { MessageSid: held.messageSid, NumMedia: String(files.length) };
    files.forEach((f, i) => {
      extra[`MediaUrl${i}`] = held.urls[i]!;
      extra[`MediaContentType${i}`] = f.contentType;
    });
    const res = await h.t.post('/webhooks/twilio/messages', inboundForm(from, text, extra));
    expect(res.statusCode).toBe(200);
    await h.t.services.engine.idle();
    return held;
  }
  const ticketId = async (from: string) => (await h.ticketOf(from)).id;
  const mediaUrl = (id: string, sid: string) => `/api/staff/tickets/${id}/media/${sid}`;

  beforeEach(async () => {
    h = await startHandoff();
    ana = await login(h.t, 'ana');
    await h.userWrites(WA, 'quiero hablar con una persona');
    await api(h.t, ana, 'POST', `/api/staff/tickets/${await ticketId(WA)}/claim`);
    await h.t.services.engine.idle();
  });
  afterEach(() => h.close());

  it('shows the ticket holder the photo and the voice note, streamed from Twilio and never cached', async () => {
    const png = samplePng();
    const ogg = sampleOggOpus();
    const sent = await userSendsMedia(WA, [
      { contentType: 'image/png', bytes: png },
      { contentType: 'audio/ogg', bytes: ogg },
    ]);
    const id = await ticketId(WA);
    const detail = (await api(h.t, ana, 'GET', `/api/staff/tickets/${id}`)).json().ticket;
    const entry = detail.transcript.find((e: { media?: unknown[] }) => e.media?.length);
    expect(entry.media).toEqual([
      { sid: sent.sids[0], messageSid: sent.messageSid, type: 'image/png' },
      { sid: sent.sids[1], messageSid: sent.messageSid, type: 'audio/ogg' },
    ]);
    expect(JSON.stringify(detail)).not.toMatch(/twilio\.com|MediaUrl|\/Media\//);

    const image = await api(h.t, ana, 'GET', mediaUrl(id, sent.sids[0]!));
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toBe('no-store');
    expect(image.rawPayload.equals(png)).toBe(true);
    const audio = await api(h.t, ana, 'GET', mediaUrl(id, sent.sids[1]!));
    expect(audio.statusCode).toBe(200);
    expect(audio.headers['content-type']).toBe('audio/ogg');
    expect(audio.rawPayload.equals(ogg)).toBe(true);
    expect(h.fake.media.fetched).toHaveLength(2);
  });

  it('refuses without a session, to another agent, and for another ticket’s media', async () => {
    const mine = await userSendsMedia(WA, [{ contentType: 'image/jpeg', bytes: samplePng() }]);
    await h.userWrites(OTHER, 'quiero hablar con una persona');
    const beto = await login(h.t, 'beto');
    await api(h.t, beto, 'POST', `/api/staff/tickets/${await ticketId(OTHER)}/claim`);
    const theirs = await userSendsMedia(OTHER, [{ contentType: 'image/png', bytes: samplePng() }]);
    const id = await ticketId(WA);

    const anonymous = await h.t.app.inject({ method: 'GET', url: mediaUrl(id, mine.sids[0]!) });
    expect(anonymous.statusCode).toBe(401);
    const otherAgent = await api(h.t, beto, 'GET', mediaUrl(id, mine.sids[0]!));
    expect(otherAgent.statusCode).toBe(403);
    // Beto's own ticket, Ana's media: not found there.
    const crossed = await api(h.t, beto, 'GET', mediaUrl(await ticketId(OTHER), mine.sids[0]!));
    expect(crossed.statusCode).toBe(404);
    const crossedBack = await api(h.t, ana, 'GET', mediaUrl(id, theirs.sids[0]!));
    expect(crossedBack.statusCode).toBe(404);
    // A supervisor may, as for the ticket itself.
    const sofia = await login(h.t, 'sofia');
    expect((await api(h.t, sofia, 'GET', mediaUrl(id, mine.sids[0]!))).statusCode).toBe(200);
    expect(h.fake.media.fetched).toHaveLength(1);
  });

  it.each([
    ['a malformed media id', 'ME123', 400],
    ['an unknown media id', `ME${'0'.repeat(32)}`, 404],
    ['a path trick', '..%2F..%2FMessages.json', 400],
  ])('answers %s without a 5xx', async (_name, sid, status) => {
    const id = await ticketId(WA);
    expect((await api(h.t, ana, 'GET', mediaUrl(id, sid))).statusCode).toBe(status);
  });

  it('keeps a type the browser should not be handed (a vCard) at Twilio', async () => {
    const sent = await userSendsMedia(WA, [{ contentType: 'text/vcard', bytes: Buffer.from('BEGIN:VCARD') }]);
    const res = await api(h.t, ana, 'GET', mediaUrl(await ticketId(WA), sent.sids[0]!));
    expect(res.statusCode).toBe(404);
    expect(h.fake.media.fetched).toHaveLength(0);
  });

  it('gives nothing once the ticket is closed', async () => {
    const sent = await userSendsMedia(WA, [{ contentType: 'image/png', bytes: samplePng() }]);
    const id = await ticketId(WA);
    await api(h.t, ana, 'POST', `/api/staff/tickets/${id}/close`, { outcome: 'information_given' });
    expect((await api(h.t, ana, 'GET', mediaUrl(id, sent.sids[0]!))).statusCode).toBe(404);
  });

  it('answers a voice note outside a ticket kindly, in the person’s language, and keeps only ids', async () => {
    const sent = await userSendsMedia(OTHER, [{ contentType: 'audio/ogg', bytes: sampleOggOpus() }]);
    await h.t.services.outbox.drain();
    const reply = await h.sentTo(OTHER, /notas de voz/);
    expect(reply.body).toMatch(/PERSONA/);
    const transcript = await h.t.services.store.transcript(h.t.services.crypto.hash(OTHER));
    expect(JSON.stringify(transcript)).toContain(sent.sids[0]);
    expect(JSON.stringify(transcript)).not.toMatch(/https?:|twilio\.com/);
  });
});
