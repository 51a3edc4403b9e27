import type { Logger } from 'pino';
import { REPORT_WHAT, REPORT_WHEN, REPORT_WHERE, REPORT_WHO } from '../../flows/faro/report.ts';
import type { Effect } from '../../flows/faro/types.ts';
import type { Channel, Lang } from '../channels/inbound-message.ts';
import type { Clock } from '../engine/clock.ts';
import { errorSummary } from '../engine/engine.ts';
import type { Ticket } from '../handoff/ticket.ts';
import { businessMinutesBetween, type Hours } from './business-minutes.ts';
import type { Bucket, CountStore } from './count-store.ts';
import { type Counter, cityDim, type Dims, encodeField, langDim, type Metric } from './counter-field.ts';
import { localDate, localMonth } from './local-date.ts';
import { waitBucket } from './wait-bucket.ts';

/** What the engine tells after each committed step (build-services.ts wires it to onStep). */
export interface StepInfo {
  effects: readonly Effect[];
  channel: Channel;
  /** The conversation's language and city after the step (null: not chosen, not said). */
  lang: Lang | null;
  city: string | null;
  /** The step read a message a person sent (not a timer or a staff event). */
  message: boolean;
  /** The conversation's first step. */
  isNew: boolean;
}

/** What a ticket was before a change (the fields whose change is counted). */
export type TicketBefore = Pick<Ticket, 'status' | 'reasons' | 'dangerDenied'>;

export interface Referral {
  /** The kind of service referred to (legal, shelter, health…): an id, never a name. */
  kind: string;
  /** What became of it (made, accepted, attended…): an id. */
  outcome: string;
  channel: Channel;
  lang: Lang | null;
  city: string | null;
}

export type StatsRecorder = ReturnType<typeof createStatsRecorder>;

const REPORT_LISTS: ReadonlyArray<readonly string[]> = [REPORT_WHAT, REPORT_WHERE, REPORT_WHEN, REPORT_WHO];

/**
 * Turns what happens into counts and nothing else: the day (in Mexico City), the city, language
 * and channel, and what was counted. Never a conversation id, a ticket id, a time finer than a
 * day, or text. Writes are not awaited by the caller (a step never waits for or fails on a
 * counter); `idle()` waits for them (tests, shutdown).
 */
export function createStatsRecorder({
  counts,
  clock,
  hours,
  logger,
}: {
  counts: CountStore;
  clock: Clock;
  /** Business hours: the wait for a first staff reply counts only time the team was on duty. */
  hours: Hours;
  logger: Logger;
}) {
  const inFlight = new Set<Promise<void>>();

  function write(bucket: Bucket, fields: Map<string, number>) {
    if (fields.size === 0) return;
    const p = counts
      .add(bucket, fields)
      .catch((err: unknown) => logger.warn({ event: 'stats_write_failed', err: errorSummary(err) }));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }

  function countDay(at: number, counters: Counter[]) {
    const fields = new Map<string, number>();
    for (const c of counters) {
      const field = encodeField(c);
      fields.set(field, (fields.get(field) ?? 0) + 1);
    }
    write({ kind: 'day', date: localDate(at, hours.timeZone) }, fields);
  }

  const counter = (dims: Dims, metric: Metric, key = ''): Counter => ({ ...dims, metric, key });

  /** A counter never fails what it counts: a step, a staff action. */
  const safely =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (err) {
        logger.warn({ event: 'stats_count_failed', err: errorSummary(err) });
      }
    };

  return {
    /** One committed step of a conversation. */
    step: safely((info: StepInfo) => {
      const dims: Dims = { city: cityDim(info.city), lang: langDim(info.lang), channel: info.channel };
      const now = clock.now();
      const out: Counter[] = [];
      if (info.isNew) out.push(counter(dims, 'conversations'));
      if (info.message) out.push(counter(dims, 'messages'));
      const topics = new Set<string>();
      for (const e of info.effects) {
        if (e.type === 'say' && e.key.startsWith('notUnderstood.')) out.push(counter(dims, 'not_understood'));
        if (e.type === 'showScreen') {
          out.push(counter(dims, 'screen', e.id));
          topics.add(e.id.split('.')[0]!);
        }
        if (e.type === 'report') report(now, [e.what, e.where, e.when, e.who]);
      }
      for (const topic of topics) out.push(counter(dims, 'topic', topic));
      countDay(now, out);
    }),

    /**
     * A ticket was created (`before` null) or changed, exactly once per change: the ticket
     * store's compare-and-set decides which writer made it (src/stats/count-tickets.ts).
     */
    ticketChanged: safely((before: TicketBefore | null, after: Ticket) => {
      const dims: Dims = { city: cityDim(after.city), lang: langDim(after.lang), channel: after.channel };
      const now = clock.now();
      const out: Counter[] = [];
      if (!before) out.push(counter(dims, 'opened', after.reasons[0] ?? 'asked'));
      if (after.reasons.includes('safety') && !before?.reasons.includes('safety'))
        out.push(counter(dims, 'danger', after.risk ?? 'unspecified'));
      if (before && !before.dangerDenied && after.dangerDenied) out.push(counter(dims, 'danger_denied'));
      if (before?.status === 'waiting' && after.status === 'active') out.push(counter(dims, 'claimed'));
      if (before && before.status !== 'closed' && after.status === 'closed') {
        out.push(counter(dims, 'closed', after.outcome ?? 'other'));
        const firstReply = (after.transcript ?? []).find(
          (e) => e.from === 'staff' && e.at >= after.createdAt,
        );
        if (before.status === 'waiting' && !firstReply) out.push(counter(dims, 'never_claimed'));
        if (firstReply) {
          // Counted on the day the ticket was opened: "tickets of that day waited this long".
          const minutes = businessMinutesBetween(hours, after.createdAt, firstReply.at);
          countDay(after.createdAt, [counter(dims, 'first_reply', String(waitBucket(minutes)))]);
        }
      }
      countDay(now, out);
    }),

    /**
     * The hook for referrals (casework, issue 12): call it when a referral is made and when its
     * status changes. Kind and outcome are ids (`legal`, `accepted`); anything else (a few words
     * typed as the kind) is counted as `other`, never kept.
     */
    referral: safely((r: Referral) => {
      const dims: Dims = { city: cityDim(r.city), lang: langDim(r.lang), channel: r.channel };
      const id = (s: string) => (/^[a-z0-9_]{1,24}$/.test(s) ? s : 'other');
      countDay(clock.now(), [counter(dims, 'referral', `${id(r.kind)}.${id(r.outcome)}`)]);
    }),

    /** Waits for the counter writes started so far. */
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };

  /** An anonymous report: its month and four categories, nothing else (not even the day). */
  function report(at: number, categories: string[]) {
    if (!categories.every((c, i) => REPORT_LISTS[i]!.includes(c))) return;
    write({ kind: 'reports', month: localMonth(at, hours.timeZone) }, new Map([[categories.join('|'), 1]]));
  }
}
