import type { createManualClock } from '../../src/engine/clock.ts';
import { api, login, type StaffSession } from '../console/staff-session.ts';
import { inboundForm, type TestApp } from '../helpers/test-app.ts';

type Clock = ReturnType<typeof createManualClock>;
type Lang = 'es' | 'en' | 'fr' | 'ht' | 'pt';

/** Mexico City is UTC-6 all year: "2026-12-01T10:00" there. */
export const local = (isoMinute: string) => Date.parse(`${isoMinute}:00-06:00`);

const PICK: Record<Lang, string> = {
  es: 'español',
  en: 'english',
  fr: 'français',
  ht: 'kreyòl',
  pt: 'português',
};
const PERSON: Record<Lang, string> = {
  es: 'PERSONA',
  en: 'PERSON',
  fr: 'PERSONNE',
  ht: 'MOUN',
  pt: 'PESSOA',
};
const CHANNEL: Record<Lang, 'sms' | 'whatsapp'> = {
  es: 'sms',
  en: 'whatsapp',
  fr: 'sms',
  ht: 'whatsapp',
  pt: 'whatsapp',
};

/** The anonymous reports of the month, as menu numbers: what, where, when, who. */
const RETURNED = ['4', '1', '1', '1']; // returned without a procedure, Tapachula, this week, migration
const EXTORTION = ['5', '8', '2', '2']; // charged by an authority, on the road, this month, police
const CARE = ['1', '5', '3', '6']; // care refused, Tenosique, earlier, health or school staff

type Kind =
  | { kind: 'asylum' }
  | { kind: 'healthSchool' }
  | { kind: 'gibberish' }
  | { kind: 'person'; wait: number; outcome: 'information_given' | 'referred' }
  | { kind: 'danger'; wait: number; outcome: 'information_given' | 'referred' }
  | { kind: 'report'; answers: string[] };
type Conversation = Kind & { lang: Lang };

const c = (lang: Lang, k: Kind): Conversation => ({ lang, ...k });

/**
 * December 2026 as Faro would see it: 28 new conversations on five Tuesdays (6, 7, 5, 6 and 4),
 * 12 in Spanish, 6 in English, 5 in Haitian Creole, 3 in French and 2 in Portuguese; 11 tickets
 * (9 asked for a person, 2 in danger), 10 of them answered after 2 to 45 business minutes (one
 * over a Friday evening and a Saturday morning), 1 cancelled while waiting; 9 anonymous reports.
 */
const DAYS: Array<[day: string, conversations: Conversation[]]> = [
  [
    '2026-12-01',
    [
      c('es', { kind: 'asylum' }),
      c('es', { kind: 'asylum' }),
      c('es', { kind: 'gibberish' }),
      c('es', { kind: 'person', wait: 2, outcome: 'information_given' }),
      c('en', { kind: 'asylum' }),
      c('en', { kind: 'healthSchool' }),
    ],
  ],
  [
    '2026-12-08',
    [
      c('es', { kind: 'person', wait: 3, outcome: 'information_given' }),
      c('es', { kind: 'person', wait: 5, outcome: 'information_given' }),
      c('es', { kind: 'danger', wait: 8, outcome: 'information_given' }),
      c('ht', { kind: 'asylum' }),
      c('ht', { kind: 'asylum' }),
      c('ht', { kind: 'report', answers: RETURNED }),
      c('fr', { kind: 'asylum' }),
    ],
  ],
  [
    '2026-12-15',
    [
      c('es', { kind: 'person', wait: 10, outcome: 'information_given' }),
      c('es', { kind: 'report', answers: RETURNED }),
      c('en', { kind: 'person', wait: 12, outcome: 'information_given' }),
      c('en', { kind: 'report', answers: EXTORTION }),
      c('ht', { kind: 'report', answers: RETURNED }),
    ],
  ],
  [
    '2026-12-22',
    [
      c('es', { kind: 'person', wait: 20, outcome: 'information_given' }),
      c('es', { kind: 'person', wait: 30, outcome: 'referred' }),
      c('en', { kind: 'report', answers: RETURNED }),
      c('en', { kind: 'report', answers: EXTORTION }),
      c('fr', { kind: 'report', answers: CARE }),
      c('pt', { kind: 'asylum' }),
    ],
  ],
  [
    '2026-12-29',
    [
      c('es', { kind: 'danger', wait: 45, outcome: 'referred' }),
      c('ht', { kind: 'report', answers: RETURNED }),
      c('fr', { kind: 'gibberish' }),
      c('pt', { kind: 'report', answers: EXTORTION }),
    ],
  ],
];

export interface FilledMonth {
  /** Every address that wrote, as Twilio sends it. */
  addresses: string[];
  /** Every text a person or the staff wrote (none may appear among the counters). */
  texts: string[];
  /** Messages sent through the webhook. */
  messages: number;
  /** Logs the supervisor and the agent in again (sessions end 12 hours after logging in). */
  sessions(): Promise<{ supervisor: StaffSession; agent: StaffSession }>;
}

/**
 * Fills a month through the signed webhook and the staff API, on a manual clock: every figure
 * the dashboard, the CSV and the monthly export show comes from here.
 */
export async function fillMonth(
  t: TestApp,
  clock: Clock,
  /** How a signed webhook is posted (a test that changes PUBLIC_BASE_URL signs for it). */
  post: TestApp['post'] = t.post,
): Promise<FilledMonth> {
  const addresses: string[] = [];
  const texts: string[] = [];
  let messages = 0;
  let next = 0;

  async function write(from: string, text: string) {
    const res = await post('/webhooks/twilio/messages', inboundForm(from, text));
    if (res.statusCode !== 200) throw new Error(`webhook ${res.statusCode}`);
    await t.services.engine.idle();
    messages++;
    texts.push(text);
  }
  const ticketOf = async (from: string) => {
    const ticket = await t.services.handoffSide.tickets.openFor(t.services.crypto.hash(from));
    if (!ticket) throw new Error('no open ticket');
    return ticket.id;
  };
  async function staffAnswers(from: string, opened: number, wait: number, outcome: string) {
    const id = await ticketOf(from);
    clock.set(opened + wait * 60_000);
    // Sessions last 12 hours and the month moves on by days: log in again each time.
    const supervisor = await login(t, 'sofia');
    const ok = async (res: Awaited<ReturnType<typeof api>>) => {
      if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
      await t.services.engine.idle();
    };
    await ok(await api(t, supervisor, 'POST', `/api/staff/tickets/${id}/claim`));
    const reply = 'Hola, soy Sofía del equipo. ¿Sigues ahí?';
    texts.push(reply);
    await ok(await api(t, supervisor, 'POST', `/api/staff/tickets/${id}/messages`, { text: reply }));
    clock.advance(60_000);
    await ok(await api(t, supervisor, 'POST', `/api/staff/tickets/${id}/close`, { outcome }));
  }

  const newAddress = (lang: Lang) => {
    next++;
    const number = `+5219625${String(60_000 + next).padStart(6, '0')}`;
    const address = CHANNEL[lang] === 'whatsapp' ? `whatsapp:${number}` : number;
    addresses.push(address);
    return address;
  };

  let firstOfDecember: string | null = null;
  let secondOfDecember: string | null = null;
  for (const [day, conversations] of DAYS) {
    for (const [i, conv] of conversations.entries()) {
      const start = local(`${day}T${String(10 + i).padStart(2, '0')}:00`);
      clock.set(start);
      const from = newAddress(conv.lang);
      await write(from, PICK[conv.lang]);
      clock.advance(60_000);
      switch (conv.kind) {
        case 'asylum':
          await write(from, '1');
          if (day === '2026-12-01') firstOfDecember ??= from;
          break;
        case 'healthSchool':
          for (const text of ['5', '0', '6']) await write(from, text);
          break;
        case 'gibberish':
          await write(from, 'kjhg lkjh');
          if (day === '2026-12-01') secondOfDecember = from;
          break;
        case 'report':
          for (const text of ['10', ...conv.answers]) await write(from, text);
          break;
        case 'person':
        case 'danger': {
          const opened = clock.now();
          await write(from, conv.kind === 'person' ? PERSON[conv.lang] : 'me quieren matar');
          await staffAnswers(from, opened, conv.wait, conv.outcome);
          break;
        }
      }
    }
    if (day === '2026-12-01') {
      // The next day someone asks for a person and changes their mind while waiting.
      clock.set(local('2026-12-02T11:00'));
      await write(secondOfDecember!, 'PERSONA');
      clock.advance(60_000);
      await write(secondOfDecember!, 'MENU');
      // Friday 17:50: asked for a person ten minutes before closing, answered Saturday at 9:05.
      const friday = local('2026-12-04T17:50');
      clock.set(friday);
      await write(firstOfDecember!, 'PERSONA');
      clock.set(friday);
      await staffAnswers(firstOfDecember!, friday, 15 * 60 + 15, 'referred');
    }
  }
  await t.services.outbox.drain();
  await t.services.stats.recorder.idle();
  return {
    addresses,
    texts,
    messages,
    sessions: async () => ({ supervisor: await login(t, 'sofia'), agent: await login(t, 'ana') }),
  };
}
