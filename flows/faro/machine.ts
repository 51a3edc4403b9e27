import { assign, setup } from 'xstate';
import type { Lang } from '../../src/channels/inbound-message.ts';
import type { Topic } from '../content/types.ts';
import { screenState, screenTransitions } from './screens.ts';
import type {
  EscalationReason,
  FaroContext,
  FaroEvent,
  Profile,
  RiskCategory,
  Understanding,
} from './types.ts';
import { CITIES } from './types.ts';

/** Bump when a deployed snapshot may no longer fit the machine (DESIGN §4). */
export const FLOW_VERSION = 1;

const LANGUAGE_BY_NUMBER: Record<number, Lang> = { 1: 'es', 2: 'en', 3: 'fr', 4: 'ht', 5: 'pt' };
const AGE_BY_NUMBER: Record<number, Profile['age']> = { 1: 'under12', 2: '12to17', 3: 'adult', 4: null };

type MessageEvent = Extract<FaroEvent, { type: 'MESSAGE' }>;
const msg = (e: FaroEvent): MessageEvent | null => (e.type === 'MESSAGE' ? e : null);

export const initialContext = (): FaroContext => ({
  lang: null,
  profile: { age: null, alone: null, city: null },
  history: [],
  misses: 0,
  topicsSeen: [],
  alerted: false,
});

/**
 * Faro's conversation, as a pure machine: it decides, the engine acts. Effects are
 * named actions with params (say, showScreen, escalate…) that the engine reads from
 * `transition()` and carries out; their implementations here do nothing.
 *
 * Modes live at the top: `bot` (menus and topics), `waiting` (a ticket is open, the bot is
 * silent) and `staff` (a person is writing). A risk phrase is handled first in every mode.
 */
export function createFaroMachine(topics: Topic[]) {
  const base = setup({
    types: { context: {} as FaroContext, events: {} as FaroEvent },
    actions: {
      say: (_, _p: { key: string; params?: Record<string, unknown> }) => {},
      showMenu: () => {},
      showScreen: (_, _p: { id: string }) => {},
      showServices: (_, _p: { kinds: string[] }) => {},
      setLanguage: (_, _p: { lang: Lang }) => {},
      escalate: (_, _p: { reason: EscalationReason; risk?: RiskCategory }) => {},
      cancelHandoff: () => {},
      erase: () => {},
      resetMisses: assign({ misses: 0 }),
      countMiss: assign({ misses: ({ context }) => context.misses + 1 }),
    },
    guards: {
      risk: ({ event }) => Boolean(msg(event)?.u.risk),
      command: ({ event }, p: { is: string }) => msg(event)?.u.command === p.is,
      mediaOnly: ({ event }) => {
        const m = msg(event);
        return Boolean(m && m.mediaCount > 0 && !m.hasText);
      },
      secondMiss: ({ context }) => context.misses >= 1,
      /** A message the current state may answer: not a risk, not a command, not a topic word. */
      unhandled: ({ event }) => isUnhandled(event),
      /** Not a risk and not a command: may be a number, a topic, a city or free text. */
      plain: ({ event }) => isPlain(event),
    },
  });

  const riskActions = [
    {
      type: 'say' as const,
      params: ({ event }: { event: FaroEvent }) => ({ key: `safety.${msg(event)?.u.risk ?? 'violence'}` }),
    },
    {
      type: 'escalate' as const,
      params: ({ event }: { event: FaroEvent }) => ({
        reason: 'safety' as const,
        risk: msg(event)?.u.risk ?? undefined,
      }),
    },
  ];
  const followUp = [
    { type: 'say' as const, params: { key: 'safety.followUp' } },
    {
      type: 'escalate' as const,
      params: ({ event }: { event: FaroEvent }) => ({
        reason: 'safety' as const,
        risk: msg(event)?.u.risk ?? undefined,
      }),
    },
  ];
  const notUnderstood = (reprompt: object) => [
    {
      guard: ({ event }: { event: FaroEvent }) => isUnhandled(event) && isMediaOnly(event),
      actions: { type: 'say' as const, params: { key: 'media.unsupported' } },
    },
    {
      guard: ({ context, event }: { context: FaroContext; event: FaroEvent }) =>
        isUnhandled(event) && context.misses >= 1,
      actions: ['countMiss' as const, { type: 'say' as const, params: { key: 'notUnderstood.second' } }],
    },
    {
      guard: 'unhandled' as const,
      actions: [
        'countMiss' as const,
        { type: 'say' as const, params: { key: 'notUnderstood.first' } },
        reprompt,
      ],
    },
  ];

  const topicTargets = Object.fromEntries(
    topics.map((t) => [t.id, `#faro.bot.${stateKey(t.screens[0]!.id)}`]),
  );

  const menuTransitions = {
    MESSAGE: [
      ...topics.map((t, i) => ({
        guard: ({ event }: { event: FaroEvent }) =>
          isPlain(event) &&
          (msg(event)?.u.number === i + 1 || (msg(event)?.u.number === null && msg(event)?.u.topic === t.id)),
        target: topicTargets[t.id],
        actions: ['resetMisses' as const, assign({ history: [t.screens[0]!.id] })],
      })),
      {
        guard: ({ event }: { event: FaroEvent }) =>
          isPlain(event) && (msg(event)?.u.number === topics.length + 1 || msg(event)?.u.topic === 'person'),
        target: '#faro.waiting',
        actions: [
          'resetMisses' as const,
          { type: 'escalate' as const, params: { reason: 'asked' as const } },
        ],
      },
      ...loose(notUnderstood({ type: 'showMenu' })),
    ],
  };

  const screens = topics.flatMap((t) => t.screens.map((s) => ({ topic: t, screen: s })));

  return base.createMachine({
    id: 'faro',
    context: initialContext,
    initial: 'bot',
    states: {
      bot: {
        initial: 'chooseLanguage',
        on: {
          MESSAGE: [
            {
              guard: 'risk',
              target: '#faro.waiting',
              actions: [
                // Someone in danger who has not chosen a language is answered in the one they wrote in.
                assign({ lang: ({ context, event }) => context.lang ?? msg(event)?.u.riskLanguage ?? null }),
                ...riskActions,
                'resetMisses',
                assign({ alerted: true }),
              ],
            },
            {
              guard: { type: 'command', params: { is: 'menu' } },
              target: '.menu',
              actions: ['resetMisses', assign({ history: [] })],
            },
            {
              guard: { type: 'command', params: { is: 'person' } },
              target: '#faro.waiting',
              actions: ['resetMisses', { type: 'escalate', params: { reason: 'asked' } }],
            },
            {
              guard: { type: 'command', params: { is: 'language' } },
              target: '.chooseLanguage',
              actions: ['resetMisses', { type: 'say', params: { key: 'language.choose' } }],
            },
            {
              guard: { type: 'command', params: { is: 'help' } },
              actions: ['resetMisses', { type: 'say', params: { key: 'help' } }],
            },
            {
              guard: { type: 'command', params: { is: 'erase' } },
              target: '.confirmErase',
              actions: 'resetMisses',
            },
            ...loose(screenTransitions(screens, stateKey)),
            { guard: { type: 'command', params: { is: 'back' } }, target: '.menu', actions: 'resetMisses' },
          ],
          STAFF_JOINED: {
            target: '#faro.staff',
            actions: { type: 'say', params: { key: 'handoff.joined' } },
          },
        },
        states: {
          chooseLanguage: {
            on: {
              MESSAGE: [
                {
                  guard: ({ event }) =>
                    isPlain(event) && (msg(event)?.u.language === 'other' || msg(event)?.u.number === 6),
                  target: 'otherLanguage',
                },
                {
                  guard: ({ event }) => {
                    const u = msg(event)?.u;
                    return (
                      isPlain(event) &&
                      Boolean(
                        u &&
                          ((u.language && u.language !== 'other') ||
                            (u.number && LANGUAGE_BY_NUMBER[u.number])),
                      )
                    );
                  },
                  target: 'profileAge',
                  actions: [
                    assign({
                      lang: ({ event }) => {
                        const u = msg(event)!.u;
                        return u.language && u.language !== 'other'
                          ? u.language
                          : LANGUAGE_BY_NUMBER[u.number!]!;
                      },
                    }),
                    { type: 'setLanguage', params: ({ context }) => ({ lang: context.lang! }) },
                    { type: 'say', params: { key: 'language.set' } },
                    { type: 'say', params: { key: 'privacy.note' } },
                  ],
                },
                { guard: 'mediaOnly', actions: { type: 'say', params: { key: 'media.unsupported' } } },
                { guard: 'plain', actions: { type: 'say', params: { key: 'welcome' } } },
              ],
            },
          },
          otherLanguage: {
            entry: { type: 'say', params: { key: 'language.otherAsk' } },
            on: {
              MESSAGE: {
                guard: 'plain',
                target: '#faro.waiting',
                actions: [
                  { type: 'say', params: { key: 'language.otherThanks' } },
                  { type: 'escalate', params: { reason: 'unsupported_language' } },
                ],
              },
            },
          },
          profileAge: {
            entry: { type: 'say', params: { key: 'profile.age.ask' } },
            on: {
              MESSAGE: [
                {
                  guard: ({ event }) => isPlain(event) && (msg(event)?.u.number ?? 0) in AGE_BY_NUMBER,
                  target: 'profileAlone',
                  actions: [
                    'resetMisses',
                    assign({
                      profile: ({ context, event }) => ({
                        ...context.profile,
                        age: AGE_BY_NUMBER[msg(event)!.u.number!]!,
                      }),
                    }),
                  ],
                },
                ...loose(notUnderstood({ type: 'say', params: { key: 'profile.age.ask' } })),
              ],
            },
          },
          profileAlone: {
            entry: { type: 'say', params: { key: 'profile.alone.ask' } },
            on: {
              MESSAGE: [
                {
                  guard: ({ event }) => isPlain(event) && [1, 2, 3].includes(msg(event)?.u.number ?? 0),
                  target: 'profileCity',
                  actions: [
                    'resetMisses',
                    assign({
                      profile: ({ context, event }) => {
                        const n = msg(event)!.u.number;
                        return { ...context.profile, alone: n === 1 ? true : n === 2 ? false : null };
                      },
                    }),
                  ],
                },
                ...loose(notUnderstood({ type: 'say', params: { key: 'profile.alone.ask' } })),
              ],
            },
          },
          profileCity: {
            entry: { type: 'say', params: { key: 'profile.city.ask' } },
            on: {
              MESSAGE: [
                {
                  guard: ({ event }) => {
                    const u = msg(event)?.u;
                    return (
                      isPlain(event) && Boolean(u && (u.city || (u.number && u.number >= 1 && u.number <= 9)))
                    );
                  },
                  target: 'menu',
                  actions: [
                    'resetMisses',
                    assign({
                      profile: ({ context, event }) => ({
                        ...context.profile,
                        city: cityFrom(msg(event)!.u),
                      }),
                    }),
                  ],
                },
                ...loose(notUnderstood({ type: 'say', params: { key: 'profile.city.ask' } })),
              ],
            },
          },
          menu: { entry: { type: 'showMenu' }, on: menuTransitions as never },
          /** The menu without showing it again: after a person closed the conversation. */
          home: { on: menuTransitions as never },
          confirmErase: {
            entry: { type: 'say', params: { key: 'erase.confirm' } },
            on: {
              MESSAGE: [
                {
                  guard: { type: 'command', params: { is: 'yes' } },
                  target: 'chooseLanguage',
                  actions: [
                    { type: 'erase' },
                    assign(initialContext),
                    { type: 'say', params: { key: 'erase.done' } },
                  ],
                },
                {
                  guard: ({ event }) => !msg(event)?.u.risk,
                  target: 'menu',
                  actions: { type: 'say', params: { key: 'erase.cancelled' } },
                },
              ],
            },
          },
          ...Object.fromEntries(
            screens.map(({ topic, screen }) => [
              stateKey(screen.id),
              screenState({ topic, screen, screens, stateKey, notUnderstood }) as never,
            ]),
          ),
        },
      },
      waiting: {
        on: {
          MESSAGE: [
            { guard: 'risk', actions: [...followUp, assign({ alerted: true })] },
            // After a risk phrase the ticket stays in the queue: the user is not told it was cancelled.
            {
              guard: ({ context, event }) => context.alerted && msg(event)?.u.command === 'menu',
              target: 'bot.menu',
              actions: { type: 'cancelHandoff' },
            },
            {
              guard: { type: 'command', params: { is: 'menu' } },
              target: 'bot.menu',
              actions: [{ type: 'cancelHandoff' }, { type: 'say', params: { key: 'handoff.cancelled' } }],
            },
            { guard: { type: 'command', params: { is: 'erase' } }, target: 'bot.confirmErase' },
          ],
          STAFF_JOINED: { target: 'staff', actions: { type: 'say', params: { key: 'handoff.joined' } } },
          TICKET_CLOSED: {
            target: 'bot.home',
            actions: [{ type: 'say', params: { key: 'handoff.closed' } }, assign({ alerted: false })],
          },
          NO_ANSWER: {
            actions: [
              { type: 'say', params: { key: 'handoff.noOneYet' } },
              { type: 'showServices', params: { kinds: ['legal', 'shelter'] } },
            ],
          },
        },
      },
      staff: {
        on: {
          MESSAGE: [
            { guard: 'risk', actions: [...followUp, assign({ alerted: true })] },
            // The user can always leave: the ticket stays with the person, who sees they left.
            {
              guard: { type: 'command', params: { is: 'menu' } },
              target: 'bot.menu',
              actions: { type: 'cancelHandoff' },
            },
            { guard: { type: 'command', params: { is: 'erase' } }, target: 'bot.confirmErase' },
          ],
          TICKET_CLOSED: {
            target: 'bot.home',
            actions: [{ type: 'say', params: { key: 'handoff.closed' } }, assign({ alerted: false })],
          },
        },
      },
    },
  });
}

export type FaroMachine = ReturnType<typeof createFaroMachine>;

/** XState keys cannot hold dots; screen ids do. */
export function stateKey(screenId: string): string {
  return `screen:${screenId.replaceAll('.', '/')}`;
}

/** Generated transitions are checked by the graph tests; XState's types cannot follow them. */
function loose(transitions: object[]): never[] {
  return transitions as never[];
}

/** Yes and no mean something only where a question asked for them; elsewhere they are text. */
const isCommand = (c: Understanding['command']) => c !== null && c !== 'yes' && c !== 'no';

function isPlain(event: FaroEvent): boolean {
  const m = msg(event);
  return Boolean(m && !m.u.risk && !isCommand(m.u.command));
}

function isUnhandled(event: FaroEvent): boolean {
  const m = msg(event);
  return Boolean(m && isPlain(event) && !(m.u.topic && m.u.number === null));
}

function isMediaOnly(event: FaroEvent): boolean {
  const m = msg(event);
  return Boolean(m && m.mediaCount > 0 && !m.hasText);
}

function cityFrom(u: { city: Profile['city']; number: number | null }): Profile['city'] {
  if (u.city) return u.city;
  if (u.number && u.number <= CITIES.length) return CITIES[u.number - 1]!;
  return u.number === 8 ? 'other' : null;
}
