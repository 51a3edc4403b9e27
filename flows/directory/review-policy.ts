import type { Fact } from '../content/types.ts';
import type { Service } from './schema.ts';

/**
 * How long a checked fact stays trusted. Offices move, hours change and numbers are cut off
 * faster than laws are amended, so they are checked twice as often.
 */
export const REVIEW_MONTHS = { contact: 6, law: 12 } as const;
export type ReviewClass = keyof typeof REVIEW_MONTHS;

/** How far ahead `content:check` lists what is coming due. */
export const DEFAULT_WITHIN_DAYS = 30;

/** Facts about a place, its hours or a number: named here because their wording may not say so. */
const CONTACT_FACTS = new Set([
  'asylum.offices',
  'asylum.tapachula_office',
  'asylum.holidays',
  'health.msf_tapachula',
  'health.msf_sexual_violence',
  'health.linea_de_la_vida',
  'safety.911',
  'safety.089',
  'safety.trafficking_line',
  'safety.red_cross_calls',
]);

// A fact added later that gives a number, a time of day or a place is a contact fact too, even
// if nobody remembered to list it above: the shorter period is the safe default.
const LOOKS_LIKE_CONTACT = [
  /\b\d{2,3}[ -]\d{3,4}[ -]\d{3,4}\b/, // 800 911 2000, 962 147 2928
  /\b(911|089)\b/,
  /\b\d{1,2}:\d{2}\b/, // 07:00
  /\b(office|offices|clinic|hours|phone|address|l[ií]nea)\b/i,
];

export function reviewClassOfFact(fact: Pick<Fact, 'id' | 'summary'>): ReviewClass {
  if (CONTACT_FACTS.has(fact.id)) return 'contact';
  return LOOKS_LIKE_CONTACT.some((pattern) => pattern.test(fact.summary)) ? 'contact' : 'law';
}

/** `2026-08-31` + 6 months → `2027-02-28`: the last day of a shorter month, never the next month. */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The calendar day in UTC; dates in the content are days, not instants. */
export function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** A directory entry is all contact facts; its oldest check (entry or any phone) sets the date. */
export function serviceDueDate(service: Pick<Service, 'checked' | 'phones'>): string {
  const oldest = [service.checked, ...service.phones.map((phone) => phone.checked)].sort()[0]!;
  return addMonths(oldest, REVIEW_MONTHS.contact);
}

/** Past due: still shown, but never as certain ("call first to confirm"). */
export function isPastDue(service: Pick<Service, 'checked' | 'phones'>, today: string): boolean {
  return today > serviceDueDate(service);
}

export type ReviewStatus = 'past_due' | 'due' | 'ok';

export interface ReviewItem {
  type: 'fact' | 'service';
  id: string;
  /** The fact's summary or the service's name. */
  what: string;
  reviewClass: ReviewClass;
  checked: string;
  due: string;
  status: ReviewStatus;
  /** Where to re-check it: every URL the item rests on. */
  sources: string[];
}

function statusOf(due: string, today: string, withinDays: number): ReviewStatus {
  if (today > due) return 'past_due';
  return daysBetween(today, due) <= withinDays ? 'due' : 'ok';
}

/**
 * Every fact and directory entry with its review date, soonest first. `today` is passed in (an
 * ISO day) so that a test or CI run decides the date, not the clock.
 */
export function reviewItems({
  facts,
  services,
  today,
  withinDays = DEFAULT_WITHIN_DAYS,
}: {
  facts: readonly Fact[];
  services: readonly Service[];
  today: string;
  withinDays?: number;
}): ReviewItem[] {
  const factItems = facts.map((fact): ReviewItem => {
    const reviewClass = reviewClassOfFact(fact);
    const due = addMonths(fact.checked, REVIEW_MONTHS[reviewClass]);
    return {
      type: 'fact',
      id: fact.id,
      what: fact.summary,
      reviewClass,
      checked: fact.checked,
      due,
      status: statusOf(due, today, withinDays),
      sources: [fact.source],
    };
  });
  const serviceItems = services.map((service): ReviewItem => {
    const due = serviceDueDate(service);
    const checked = [service.checked, ...service.phones.map((phone) => phone.checked)].sort()[0]!;
    const sources = [service.source, ...service.otherSources, ...service.phones.map((p) => p.source)];
    return {
      type: 'service',
      id: service.id,
      what: service.name,
      reviewClass: 'contact',
      checked,
      due,
      status: statusOf(due, today, withinDays),
      sources: [...new Set(sources)],
    };
  });
  return [...factItems, ...serviceItems].sort(
    (a, b) => a.due.localeCompare(b.due) || a.type.localeCompare(b.type) || a.id.localeCompare(b.id),
  );
}
