import { CITIES } from '../../flows/faro/types.ts';
import { type Channel, LANGUAGES, type Lang } from '../channels/inbound-message.ts';

/**
 * One counter: what is counted (`metric`, with an optional `key` such as a screen id or an
 * outcome) and the three dimensions every figure is broken down by. Every part comes from a
 * closed list or is checked against a narrow pattern, so a field can never carry a number, a
 * hash or anything a person wrote: `screen|asylum.where|tapachula|es|sms`.
 */
export const METRICS = [
  /** A conversation's first step (a new sender, or one who came back after erase or retention). */
  'conversations',
  /** A message a person sent that the bot read. */
  'messages',
  /** "Perdón, no te entendí". */
  'not_understood',
  /** A topic screen shown (key: the screen id). */
  'screen',
  /** A step that showed a screen of the topic (key: the topic id). */
  'topic',
  /** A ticket that became a safety ticket (key: the kind of danger, `unspecified` if none). */
  'danger',
  /** "No, me equivoqué" after an emergency answer. */
  'danger_denied',
  /** A ticket opened (key: its first reason). */
  'opened',
  /** A waiting ticket taken by a person (claim or transfer). */
  'claimed',
  /** A ticket closed (key: the outcome). */
  'closed',
  /** A ticket closed while waiting, with no reply from staff. */
  'never_claimed',
  /** A ticket whose first staff reply came after this many business minutes (key: the bucket). */
  'first_reply',
  /** A referral (key: `<kind>.<outcome>`); see StatsRecorder.referral. */
  'referral',
] as const;
export type Metric = (typeof METRICS)[number];

/** `-`: not said (city), not chosen yet (language). */
export const NONE = '-';
export type CityDim = (typeof CITIES)[number] | 'other' | typeof NONE;
export type LangDim = Lang | typeof NONE;

export interface Dims {
  city: CityDim;
  lang: LangDim;
  channel: Channel;
}

export interface Counter extends Dims {
  metric: Metric;
  key: string;
}

/** Keys are ids from code (screen ids, outcomes, categories, minutes): short, lower case. */
const KEY = /^[a-z0-9_.]{0,48}$/;
const CITY_DIMS: ReadonlySet<string> = new Set([...CITIES, 'other', NONE]);
const LANG_DIMS: ReadonlySet<string> = new Set([...LANGUAGES, NONE]);
const CHANNELS: ReadonlySet<string> = new Set(['sms', 'whatsapp']);
const METRIC_SET: ReadonlySet<string> = new Set(METRICS);

export function cityDim(city: string | null | undefined): CityDim {
  return city && CITY_DIMS.has(city) ? (city as CityDim) : NONE;
}

export function langDim(lang: string | null | undefined): LangDim {
  return lang && LANG_DIMS.has(lang) ? (lang as LangDim) : NONE;
}

export function encodeField(c: Counter): string {
  if (!METRIC_SET.has(c.metric) || !KEY.test(c.key) || !CITY_DIMS.has(c.city) || !LANG_DIMS.has(c.lang))
    throw new RangeError(`not a counter: ${c.metric}|${c.key}`);
  if (!CHANNELS.has(c.channel)) throw new RangeError(`not a channel: ${c.channel}`);
  return [c.metric, c.key, c.city, c.lang, c.channel].join('|');
}

/** Null for a field this version does not know (written by a newer one): skipped, not fatal. */
export function decodeField(field: string): Counter | null {
  const [metric, key, city, lang, channel, ...rest] = field.split('|');
  if (rest.length || !metric || key === undefined || !city || !lang || !channel) return null;
  if (!METRIC_SET.has(metric) || !KEY.test(key) || !CITY_DIMS.has(city) || !LANG_DIMS.has(lang)) return null;
  if (!CHANNELS.has(channel)) return null;
  return {
    metric: metric as Metric,
    key,
    city: city as CityDim,
    lang: lang as LangDim,
    channel: channel as Channel,
  };
}
