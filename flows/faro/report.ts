import { assign } from 'xstate';
import { goTo } from './go-to.ts';
import type { Route } from './route.ts';
import { CITIES, type FaroContext, type FaroEvent, type Understanding } from './types.ts';

/**
 * An anonymous report of a rights violation (issue 13): what happened, where, when and by whom,
 * each a numbered choice. Only the four categories leave the flow, in one `report` effect that
 * the engine hands to the counters (src/stats), which keep a count per month and nothing about
 * the conversation. The answers live in the conversation's context only while the person is
 * answering, and are cleared when the report is sent or left.
 *
 * The machine (machine.ts) includes this file in four places: `reportState` among the `bot`
 * states, `reportGoTransition` among the GO transitions (free text routed to `@report`),
 * `reportMenuTransition` for its menu number, and `report: null` in the initial context.
 */

/** What happened, in the order of `report.what`. */
export const REPORT_WHAT = [
  'care_refused',
  'school_refused',
  'child_detained',
  'returned_without_procedure',
  'extortion_by_authority',
  'separated_from_family',
  'asylum_not_received',
  'other',
] as const;
/** Where: our cities, then the road between them, then anywhere else. */
export const REPORT_WHERE = [...CITIES, 'on_the_road', 'elsewhere'] as const;
export const REPORT_WHEN = ['this_week', 'this_month', 'earlier'] as const;
/** By whom: the kind of authority, or not known. */
export const REPORT_WHO = [
  'migration',
  'police',
  'national_guard_or_army',
  'comar',
  'dif_or_procuraduria',
  'health_or_school_staff',
  'other',
  'unknown',
] as const;

export type ReportWhat = (typeof REPORT_WHAT)[number];
export type ReportWhere = (typeof REPORT_WHERE)[number];
export type ReportWhen = (typeof REPORT_WHEN)[number];
export type ReportWho = (typeof REPORT_WHO)[number];

/** The answers so far, while the person is answering (never kept after). */
export interface ReportDraft {
  what?: ReportWhat;
  where?: ReportWhere;
  when?: ReportWhen;
}

/** The one thing a finished report leaves: four categories. */
export interface ReportEffect {
  type: 'report';
  what: ReportWhat;
  where: ReportWhere;
  when: ReportWhen;
  who: ReportWho;
}

type Args = { context: FaroContext; event: FaroEvent };
const u = (event: FaroEvent): Understanding | null => (event.type === 'MESSAGE' ? event.u : null);

/** A number or a city, not a risk phrase or a command (those are the `bot` state's). */
const plain = (event: FaroEvent) => {
  const m = u(event);
  return Boolean(m && !m.risk && (m.command === null || m.command === 'yes' || m.command === 'no'));
};
const numberIn = (list: readonly unknown[]) => (event: FaroEvent) => {
  const n = u(event)?.number ?? 0;
  return plain(event) && n >= 1 && n <= list.length;
};
const picked = <T>(list: readonly T[], event: FaroEvent): T => list[u(event)!.number! - 1]!;

/** "1 Tapachula" or "tapachula" both answer "¿Dónde pasó?". */
function placeOf(event: FaroEvent): ReportWhere | null {
  const m = u(event);
  if (!m || !plain(event)) return null;
  if (m.number !== null && m.number <= REPORT_WHERE.length) return REPORT_WHERE[m.number - 1]!;
  return m.city ?? null;
}

/** The place the person is in, for organisations near them; the place of the report is not theirs. */
const cityKnown = ({ context }: Args) => Boolean(context.profile.city && context.profile.city !== 'other');

export const reportRoute: Route = { to: 'report' };

/** Legal aid near the person (their city, asked if not known). */
const legalHelp = { type: 'showServices', params: { kinds: ['legal'] } };

/** `@report` from free text, or the menu number: the first question. */
export const reportGoTransition = {
  guard: ({ event }: Args) => event.type === 'GO' && event.route.to === 'report',
  target: '.report',
  reenter: true,
  actions: ['resetMisses', assign({ pending: null })],
};

/** The menu's option for reporting, after the topics and "talk to a person". */
export function reportMenuTransition(number: number) {
  return {
    // Past 9 the understanding layer has no option number: the whole message is the number.
    guard: ({ event }: Args) => plain(event) && u(event)?.integer === number,
    actions: goTo(reportRoute),
  };
}

export const reportState = {
  initial: 'what',
  // Left half-way (the menu, a question, danger): nothing of it stays.
  exit: assign({ report: null }),
  states: {
    what: {
      entry: { type: 'say', params: { key: 'report.what' } },
      on: {
        MESSAGE: {
          guard: ({ event }: Args) => numberIn(REPORT_WHAT)(event),
          target: 'where',
          actions: assign({ report: ({ event }: Args) => ({ what: picked(REPORT_WHAT, event) }) }),
        },
      },
    },
    where: {
      entry: { type: 'say', params: { key: 'report.where' } },
      on: {
        MESSAGE: {
          guard: ({ event }: Args) => placeOf(event) !== null,
          target: 'when',
          actions: assign({
            report: ({ context, event }: Args) => ({ ...context.report, where: placeOf(event)! }),
          }),
        },
      },
    },
    when: {
      entry: { type: 'say', params: { key: 'report.when' } },
      on: {
        MESSAGE: {
          guard: ({ event }: Args) => numberIn(REPORT_WHEN)(event),
          target: 'who',
          actions: assign({
            report: ({ context, event }: Args) => ({ ...context.report, when: picked(REPORT_WHEN, event) }),
          }),
        },
      },
    },
    who: {
      entry: { type: 'say', params: { key: 'report.who' } },
      on: {
        MESSAGE: [
          {
            guard: (a: Args) => numberIn(REPORT_WHO)(a.event) && cityKnown(a),
            target: 'sent',
            actions: [...send(), { type: 'say', params: { key: 'report.helpPlaces' } }, legalHelp],
          },
          {
            guard: ({ event }: Args) => numberIn(REPORT_WHO)(event),
            target: 'sent',
            actions: [...send(), { type: 'say', params: { key: 'report.helpCity' } }],
          },
        ],
      },
    },
    /**
     * Sent: the count is kept and the answers are gone. Naming a city shows legal help there;
     * anything else is answered as anywhere in the `bot` state.
     */
    sent: {
      on: {
        MESSAGE: {
          guard: ({ event }: Args) => plain(event) && Boolean(u(event)?.city) && u(event)?.number === null,
          actions: [
            assign({ profile: ({ context, event }: Args) => ({ ...context.profile, city: u(event)!.city }) }),
            { type: 'say', params: { key: 'report.helpPlaces' } },
            legalHelp,
          ],
        },
      },
    },
  },
};

/** The report effect, the thanks that says exactly what is kept, and the answers forgotten. */
function send() {
  return [
    {
      type: 'report',
      params: ({ context, event }: Args) => ({
        what: context.report?.what ?? 'other',
        where: context.report?.where ?? 'elsewhere',
        when: context.report?.when ?? 'earlier',
        who: picked(REPORT_WHO, event),
      }),
    },
    { type: 'say', params: { key: 'report.thanks' } },
    assign({ report: null }),
  ];
}
