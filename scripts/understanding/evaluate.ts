import { initialTransition, transition } from 'xstate';
import type { FaroMachine } from '../../flows/faro/machine.ts';
import { routeOf } from '../../flows/faro/route.ts';
import type { Effect, FaroEvent, Understanding } from '../../flows/faro/types.ts';
import { EFFECT_TYPES } from '../../flows/faro/types.ts';
import type { Lang } from '../../src/channels/inbound-message.ts';
import type { UnderstandingFixture } from './fixtures.ts';

export interface Miss {
  kind: 'danger' | 'ordinary' | 'question' | 'first' | 'profile';
  text: string;
  expected: string;
  got: string;
}

export interface LanguageFigures {
  lang: Lang;
  danger: { n: number; heard: number; asked: number; category: number; first: number };
  ordinary: { n: number; alarmed: number; asked: number };
  questions: { n: number; first: number; within: number };
  /** Screen questions sent as a conversation's first message, answered within two exchanges. */
  firstMessage: { n: number; answered: number };
  profile: { n: number; right: number };
  misses: Miss[];
}

const LANGUAGE_NUMBER: Record<Lang, string> = { es: '1', en: '2', fr: '3', ht: '4', pt: '5' };

/**
 * Measures understanding on labelled messages the way a person meets it: the danger answer
 * itself (not a classifier score), the screen the route reaches, and whole first exchanges
 * run through the real flow machine.
 */
export function evaluate({
  fixtures,
  understand,
  machine,
  screenIds,
}: {
  fixtures: UnderstandingFixture[];
  understand: (text: string) => Understanding;
  machine: FaroMachine;
  screenIds: ReadonlySet<string>;
}): LanguageFigures[] {
  return fixtures.map((fx) => {
    const f: LanguageFigures = {
      lang: fx.lang,
      danger: { n: 0, heard: 0, asked: 0, category: 0, first: 0 },
      ordinary: { n: 0, alarmed: 0, asked: 0 },
      questions: { n: 0, first: 0, within: 0 },
      firstMessage: { n: 0, answered: 0 },
      profile: { n: 0, right: 0 },
      misses: [],
    };
    const miss = (m: Miss) => f.misses.push(m);

    for (const d of fx.danger) {
      const u = understand(d.text);
      f.danger.n++;
      if (u.risk) {
        f.danger.heard++;
        if (u.risk === d.category) f.danger.category++;
        else miss({ kind: 'danger', text: d.text, expected: d.category, got: `heard as ${u.risk}` });
      } else {
        if (u.riskUnsure) f.danger.asked++;
        miss({ kind: 'danger', text: d.text, expected: d.category, got: u.riskUnsure ? 'asked' : 'missed' });
      }
      const first = firstExchange(machine, understand, d.text);
      if (first.effects.some(isEmergency)) f.danger.first++;
    }

    for (const text of fx.ordinary) {
      const u = understand(text);
      f.ordinary.n++;
      if (u.risk) {
        f.ordinary.alarmed++;
        miss({ kind: 'ordinary', text, expected: 'no alarm', got: `alarmed (${u.risk})` });
      } else if (u.riskUnsure) {
        f.ordinary.asked++;
        miss({ kind: 'ordinary', text, expected: 'no alarm', got: `asked (${u.riskUnsure})` });
      }
    }

    for (const q of fx.questions) {
      const accepted = new Set([q.screen, ...(q.also ?? [])]);
      const u = understand(q.text);
      const route = routeOf(u, screenIds);
      f.questions.n++;
      const reached = reachedTarget(route, u);
      if (reached.some((t) => accepted.has(t)) && reached.length === 1) {
        f.questions.first++;
        f.questions.within++;
      } else if (reached.some((t) => accepted.has(t))) {
        f.questions.within++;
        miss({ kind: 'question', text: q.text, expected: q.screen, got: `offered ${reached.join(', ')}` });
      } else {
        miss({ kind: 'question', text: q.text, expected: q.screen, got: reached.join(', ') || route.to });
      }
      if (screenIds.has(q.screen)) {
        f.firstMessage.n++;
        const shown = answeredWithinTwo(machine, understand, q.text, fx.lang, accepted);
        if (shown) f.firstMessage.answered++;
        else miss({ kind: 'first', text: q.text, expected: q.screen, got: 'not within 2 exchanges' });
      }
    }

    for (const p of fx.profile) {
      const u = understand(p.text);
      f.profile.n++;
      // An answer to "¿cuántos años tienes?" may be the bare number: the flow reads it as the age.
      const age = u.age ?? (u.integer !== null && u.integer >= 5 && u.integer <= 99 ? u.integer : null);
      const ok =
        (p.age === undefined || age === p.age || (p.age < 18 && u.minor === true)) &&
        (p.alone === undefined || u.alone === p.alone) &&
        (p.city === undefined || u.city === p.city);
      if (ok) f.profile.right++;
      else
        miss({
          kind: 'profile',
          text: p.text,
          expected: JSON.stringify({ age: p.age, alone: p.alone, city: p.city }),
          got: JSON.stringify({ age: u.age, minor: u.minor, alone: u.alone, city: u.city }),
        });
    }
    return f;
  });
}

/** What a route shows: one target, or the choices it offers. */
function reachedTarget(route: ReturnType<typeof routeOf>, u: Understanding): string[] {
  switch (route.to) {
    case 'screen':
      return [route.id];
    case 'choices':
      return route.ids;
    case 'person':
      return ['@person'];
    case 'menu':
      return ['@help'];
    case 'smallTalk':
      return [`@smalltalk.${route.talk}`];
    case 'afraidPerson':
      return ['@person'];
    case 'noted':
      return ['@noted'];
    case 'report':
      return ['@report'];
    case 'askDanger':
      return [`askDanger→${route.after}`];
    default:
      return u.risk ? [`risk:${u.risk}`] : [];
  }
}

const isEmergency = (e: Effect) => e.type === 'say' && /^safety\.(?!check)/.test(e.key);

type Snapshot = ReturnType<typeof initialTransition<FaroMachine>>[0];

function step(machine: FaroMachine, snapshot: Snapshot, event: FaroEvent) {
  const [next, actions] = transition(machine, snapshot, event);
  const effects = actions
    .filter((a) => (EFFECT_TYPES as readonly string[]).includes(a.type))
    .map((a) => ({ type: a.type, ...(a.params as object) }) as Effect);
  return { snapshot: next as Snapshot, effects };
}

function message(understand: (text: string) => Understanding, text: string): FaroEvent {
  return { type: 'MESSAGE', u: understand(text), hasText: true, mediaCount: 0 };
}

function firstExchange(machine: FaroMachine, understand: (text: string) => Understanding, text: string) {
  return step(machine, initialTransition(machine)[0] as Snapshot, message(understand, text));
}

/**
 * A new conversation whose first message is the question; if Faro asks something back (the
 * language, the city, the age, which of two screens), the person answers it as asked.
 */
function answeredWithinTwo(
  machine: FaroMachine,
  understand: (text: string) => Understanding,
  text: string,
  lang: Lang,
  accepted: ReadonlySet<string>,
): boolean {
  const shows = (effects: Effect[]) => effects.some((e) => e.type === 'showScreen' && accepted.has(e.id));
  const first = firstExchange(machine, understand, text);
  if (shows(first.effects)) return true;
  const value = JSON.stringify(first.snapshot.value);
  let reply: string | null = null;
  if (value.includes('chooseLanguage')) reply = LANGUAGE_NUMBER[lang];
  else if (value.includes('askCity')) reply = '9';
  else if (value.includes('askAge')) reply = '4';
  else if (value.includes('checkDanger')) reply = '2';
  else if (value.includes('clarify')) {
    const index = first.snapshot.context.choices.findIndex((id) => accepted.has(id));
    reply = index >= 0 ? String(index + 1) : null;
  }
  if (reply === null) return false;
  const second = step(machine, first.snapshot, message(understand, reply));
  if (shows(second.effects)) return true;
  // Language chosen, then a city or age question before the answer: still the same question.
  const again = JSON.stringify(second.snapshot.value);
  if (again.includes('askCity') || again.includes('askAge')) return false;
  return false;
}
