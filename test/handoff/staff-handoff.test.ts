import { join } from 'node:path';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../flows/faro/types.ts';
import { ROOT_DIR } from '../../src/build-services.ts';
import { createManualClock } from '../../src/engine/clock.ts';
import type { EscalateInput, Timers } from '../../src/engine/ports.ts';
import { createBusinessHours, parseHolidays, parseSchedule } from '../../src/handoff/business-hours.ts';
import { createLocalLiveEvents, type LiveEvent } from '../../src/handoff/live-events.ts';
import { createMemoryTicketStore } from '../../src/handoff/memory-ticket-store.ts';
import { createStaffHandoff, type StaffHandoff } from '../../src/handoff/staff-handoff.ts';
import { createTicketPublisher } from '../../src/handoff/ticket-events.ts';
import type { TicketStore } from '../../src/handoff/ticket-store.ts';
import { toSummary } from '../../src/handoff/ticket-view.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';

const THURSDAY_10AM = Date.parse('2026-11-26T16:00:00Z');
const SUNDAY_NOON = Date.parse('2026-11-29T18:00:00Z');
const i18n = createI18n({ localesDir: join(ROOT_DIR, 'locales') });
const profile: Profile = { age: '12to17', alone: false, city: 'tapachula' };

const input = (over: Partial<EscalateInput> = {}): EscalateInput => ({
  conversationId: 'conv-1',
  reason: 'asked',
  channel: 'whatsapp',
  lang: 'es',
  profile,
  topicsSeen: ['asylum'],
  now: THURSDAY_10AM,
  ...over,
});

describe('the staff handoff (engine port)', () => {
  let tickets: TicketStore;
  let handoff: StaffHandoff;
  let events: LiveEvent[];
  let scheduled: Array<{ key: string; delayMs: number }>;
  let cancelled: string[];

  beforeEach(() => {
    const clock = createManualClock(THURSDAY_10AM);
    tickets = createMemoryTicketStore({ clock, closedTtlMs: 86_400_000 });
    const live = createLocalLiveEvents();
    events = [];
    live.subscribe((e) => events.push(e));
    scheduled = [];
    cancelled = [];
    const timers: Pick<Timers, 'schedule' | 'cancel'> = {
      schedule: async ({ key, delayMs }) => void scheduled.push({ key, delayMs }),
      cancel: async (key) => void cancelled.push(key),
    };
    const views = {
      summary: async (t: Parameters<typeof toSummary>[0]) => toSummary(t, 'WhatsApp ••• ••• ••01'),
      liveTranscript: async () => [{ at: 1, from: 'user' as const, text: 'hola' }],
    };
    handoff = createStaffHandoff({
      tickets,
      views,
      publish: createTicketPublisher({ events: live, views, onError: () => {} }),
      timers,
      i18n,
      hours: createBusinessHours({
        schedule: parseSchedule('mon-fri 09:00-18:00; sat 09:00-14:00'),
        holidays: parseHolidays(''),
      }),
      expectedWaitMinutes: 15,
      noAnswerDelayMs: 20 * 60_000,
      logger: pino({ level: 'silent' }),
    });
  });

  it('opens a ticket, tells the wait in the user language, and sets the "no answer" timer', async () => {
    const res = await handoff.escalate(input({ lang: 'en' }));
    expect(res).toMatchObject({ created: true, open: true });
    expect(res.notice).toContain('about 15 minutes');
    expect(res.notice).toContain(i18n.t('en')('handoff.reminderMenu'));
    const t = (await tickets.get(res.ticketId))!;
    expect(t).toMatchObject({
      status: 'waiting',
      reasons: ['asked'],
      priority: 10,
      lang: 'en',
      city: 'tapachula',
    });
    expect(scheduled).toEqual([{ key: `noanswer-${res.ticketId}`, delayMs: 20 * 60_000 }]);
  });

  it('out of hours: the hours in the user language and no timer', async () => {
    const res = await handoff.escalate(input({ now: SUNDAY_NOON, lang: 'pt' }));
    expect(res.open).toBe(false);
    expect(res.notice).toContain('segunda-feira–sexta-feira 9:00–18:00; sábado 9:00–14:00');
    expect(scheduled).toEqual([]);
  });

  it('names the days in Haitian Creole, which Intl does not know', async () => {
    const res = await handoff.escalate(input({ now: SUNDAY_NOON, lang: 'ht' }));
    expect(res.notice).toContain('lendi–vandredi 9:00–18:00; samdi 9:00–14:00');
    expect(res.notice).not.toMatch(/Monday|Friday|Saturday/);
  });

  it('in hours says nothing more for safety (the safety message said it), and puts it first', async () => {
    const res = await handoff.escalate(input({ reason: 'safety', risk: 'violence' }));
    expect(res.notice).toBeNull();
    expect(await tickets.get(res.ticketId)).toMatchObject({ priority: 100, risk: 'violence' });
  });

  it.each([
    ['es', 'Ahora no hay nadie del equipo; atendemos lunes–viernes 9:00–18:00; sábado 9:00–14:00.'],
    ['ht', 'Kounye a pa gen pèsonn nan ekip la; nou reponn lendi–vandredi 9:00–18:00; samdi 9:00–14:00.'],
    ['en', 'No one from our team is here now; we answer Monday–Friday 9:00–18:00; Saturday 9:00–14:00.'],
  ] as const)('out of hours tells someone in danger, in %s, that nobody is on duty', async (lang, says) => {
    const res = await handoff.escalate(input({ reason: 'safety', risk: 'violence', lang, now: SUNDAY_NOON }));
    expect(res.notice).toContain(says);
    expect(res.notice).toMatch(/911\.$/);
    // Leaving for the menu is not what to do now.
    expect(res.notice).not.toContain(i18n.t(lang)('handoff.reminderMenu'));
    expect(await tickets.get(res.ticketId)).toMatchObject({ priority: 100 });
  });

  it('out of hours says nothing about nobody being on duty when a person already took the conversation', async () => {
    const first = await handoff.escalate(input({ now: SUNDAY_NOON }));
    await tickets.update(first.ticketId, (t) => ({ ...t, status: 'active', assignee: 'ana' }));
    const res = await handoff.escalate(input({ reason: 'safety', risk: 'threat', now: SUNDAY_NOON }));
    expect(res.notice).toBeNull();
  });

  it('puts a child alone before others', async () => {
    const res = await handoff.escalate(input({ profile: { ...profile, alone: true } }));
    expect((await tickets.get(res.ticketId))?.priority).toBe(50);
  });

  it('raises an open ticket for safety instead of opening a second one', async () => {
    const first = await handoff.escalate(input());
    const second = await handoff.escalate(
      input({ reason: 'safety', risk: 'threat', topicsSeen: ['shelter'] }),
    );
    expect(second).toMatchObject({ ticketId: first.ticketId, created: false, notice: null });
    expect(await tickets.get(first.ticketId)).toMatchObject({
      reasons: ['asked', 'safety'],
      priority: 100,
      risk: 'threat',
      topicsSeen: ['asylum', 'shelter'],
    });
    expect(await tickets.list('waiting')).toHaveLength(1);
    expect(scheduled).toHaveLength(1);
  });

  it('announces a new ticket once its step is committed, then streams the transcript', async () => {
    const { ticketId } = await handoff.escalate(input());
    expect(events).toEqual([]);
    await handoff.transcriptAdded('conv-1', ticketId, [
      { at: 5, from: 'user', text: 'quiero hablar' },
      { at: 6, from: 'bot', text: 'ya viene', messageId: 'm1' },
    ]);
    expect(events.map((e) => e.type)).toEqual(['ticket', 'transcript', 'transcript']);
    expect(events[2]).toMatchObject({ entry: { messageId: 'm1', status: 'pending' } });
    expect((await tickets.get(ticketId))?.lastUserMessageAt).toBe(5);
    expect(JSON.stringify(events)).not.toContain('conv-1');
  });

  it('closes a waiting ticket when the user cancels, with a copy of the transcript', async () => {
    const { ticketId } = await handoff.escalate(input());
    await handoff.cancel('conv-1', THURSDAY_10AM + 1000);
    expect(await tickets.get(ticketId)).toMatchObject({
      status: 'closed',
      outcome: 'cancelled_by_user',
      closedAt: THURSDAY_10AM + 1000,
      transcript: [{ at: 1, from: 'user', text: 'hola' }],
    });
    expect(cancelled).toEqual([`noanswer-${ticketId}`]);
    expect(await tickets.openFor('conv-1')).toBeNull();
  });

  it('keeps a safety ticket in the queue when the user cancels', async () => {
    const { ticketId } = await handoff.escalate(input({ reason: 'safety', risk: 'kidnapping' }));
    await handoff.cancel('conv-1', THURSDAY_10AM + 1000);
    expect((await tickets.get(ticketId))?.status).toBe('waiting');
  });

  it('erases: open tickets closed as erased, transcripts and notes gone, no trace of the conversation id', async () => {
    const old = await handoff.escalate(input());
    await tickets.update(old.ticketId, (t) => ({
      ...t,
      status: 'closed',
      outcome: 'referred',
      closedAt: 7,
      transcript: [{ at: 1, from: 'user', text: 'mi nombre es…' }],
      notes: [{ at: 2, author: 'ana', text: 'vive en…' }],
    }));
    const open = await handoff.escalate(input());
    await handoff.erase('conv-1', THURSDAY_10AM + 5);
    const erased = {
      at: THURSDAY_10AM + 5,
      from: 'system',
      text: "erased at the user's request",
      screen: 'erased',
    };
    expect(await tickets.get(old.ticketId)).toMatchObject({
      outcome: 'referred',
      transcript: [erased],
      notes: [],
    });
    expect(await tickets.get(open.ticketId)).toMatchObject({
      status: 'closed',
      outcome: 'erased',
      transcript: [erased],
    });
    expect(await tickets.forConversation('conv-1')).toEqual([]);
    const all = [...(await tickets.list('closed')), ...(await tickets.list('waiting'))];
    expect(all).toHaveLength(2);
    expect(JSON.stringify(all)).not.toContain('conv-1');
    expect(cancelled).toContain(`noanswer-${open.ticketId}`);
  });

  it('sends a delivery status for a message of a conversation with an open ticket', async () => {
    const { ticketId } = await handoff.escalate(input());
    await handoff.statusUpdated('conv-1', 'm9', 'delivered');
    await handoff.statusUpdated('conv-2', 'm9', 'delivered');
    expect(events).toEqual([
      {
        type: 'status',
        ticketId,
        messageId: 'm9',
        status: 'delivered',
        access: { status: 'waiting', assignee: null },
      },
    ]);
  });
});
