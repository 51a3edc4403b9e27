import { join } from 'node:path';
import { findServices } from '../../flows/directory/find-services.ts';
import { loadDirectory } from '../../flows/directory/load-directory.ts';
import { isoDay, isPastDue } from '../../flows/directory/review-policy.ts';
import type { Directory, Service, ServiceKind } from '../../flows/directory/schema.ts';
import type { Lang } from '../channels/inbound-message.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { Clock } from './clock.ts';
import type { ServicesText } from './compose-reply.ts';

const MAX_ENTRIES = 3;
/** Kinds that are lines for the whole country: asking for them is not asking for a place nearby. */
const NATIONAL_ONLY_KINDS: readonly ServiceKind[] = ['emergency'];
/** What is left when a city has nothing of the kind asked for: numbers that work everywhere. */
const FALLBACK_KINDS: ServiceKind[] = ['emergency'];

/**
 * Directory entries for the user's city as short text. An entry is shown as certain only when it
 * is verified and not past its review date; otherwise it carries "call first to confirm" (or
 * "check before you go" without a phone). A known city always gets something to act on: its own
 * entries, else the nearest city's, else national numbers. Never "a person can look with you":
 * this text also follows "nobody from the team could answer you".
 */
export function createServicesText({
  i18n,
  rootDir,
  clock = { now: () => Date.now() },
  directory = loadDirectory(join(rootDir, 'flows/directory/services.json')),
}: {
  i18n: I18n;
  rootDir: string;
  /** Decides which entries are past their review date. */
  clock?: Clock;
  /** Tests pass their own; by default the shipped file, read once. */
  directory?: Directory;
}): ServicesText {
  return ({ lang, kinds, profile }) => {
    const t = i18n.t(lang as Lang);
    const today = isoDay(clock.now());
    const city = profile.city && profile.city !== 'other' ? profile.city : undefined;
    const serves = profile.alone && profile.age !== 'adult' ? 'children_alone' : undefined;
    const found = findServices(directory, { city, kinds, serves, today });
    const asksForPlaces = kinds.some((kind) => !NATIONAL_ONLY_KINDS.includes(kind));
    const lines: string[] = [];
    let entries = found.services.slice(0, MAX_ENTRIES);
    if (found.needsCity) {
      lines.push(t('services.askCity'));
    } else if (found.nearby) {
      lines.push(t('services.header'));
    } else if (asksForPlaces && !found.services.some((s) => s.city !== 'national')) {
      // Nothing in the city, the state or nearby: say so, and give numbers that work anywhere.
      lines.push(t('services.none'));
      entries = nationalNumbers(
        found.services,
        () => findServices(directory, { city, kinds: FALLBACK_KINDS, today }).services,
      );
    }
    const from = found.nearby ? directory.cities[found.nearby].name : null;
    for (const s of entries)
      lines.push(describeService({ s, t, today, from: s.city === found.nearby ? from : null }));
    return lines.join('\n\n');
  };
}

/** National entries that can be called; if none of the kinds asked for has a number, the emergency lines. */
function nationalNumbers(found: readonly Service[], emergencyLines: () => readonly Service[]): Service[] {
  const callable = found.filter((s) => s.phones.length > 0);
  return (callable.length > 0 ? callable : emergencyLines()).slice(0, MAX_ENTRIES);
}

/** One directory entry as the user reads it; `from` names its city when the entry does not. */
export function describeService({
  s,
  t,
  today,
  from,
}: {
  s: Service;
  t: ReturnType<I18n['t']>;
  today: string;
  /** The nearby city the entry is in, when the user's own city had none. */
  from: string | null;
}): string {
  // Say which city a nearby entry is in, unless its name or address already does.
  const named = from && ![s.name, s.address ?? ''].some((text) => text.includes(from));
  const parts = [named ? `*${s.name}* (${from})` : `*${s.name}*`];
  for (const p of s.phones.slice(0, 1)) parts.push(t('services.phone', { phone: p.number }));
  if (s.address) parts.push(t('services.address', { address: s.address }));
  if (s.hours) parts.push(t('services.hours', { hours: s.hours }));
  // Never shown as certain unless verified and reviewed in time: with a number, call first;
  // without one, check before going.
  if (!s.verified || isPastDue(s, today)) {
    parts.push(t(s.phones.length > 0 ? 'services.callFirst' : 'services.confirmFirst'));
  }
  return parts.join('\n');
}
