import { join } from 'node:path';
import { findNearby, nearestCity, type Point } from '../../flows/directory/find-nearby.ts';
import { loadDirectory } from '../../flows/directory/load-directory.ts';
import { isoDay } from '../../flows/directory/review-policy.ts';
import type { Directory, ServiceKind } from '../../flows/directory/schema.ts';
import type { City } from '../../flows/understand/types.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { Clock } from './clock.ts';
import type { NearbyText } from './compose-reply.ts';
import { describeService } from './services-text.ts';

/** A pin farther than this from every city Faro knows does not set the city. */
export const NEAR_CITY_KM = 60;
/** Places a person may walk or ride to: not government offices (those are on "where to apply"). */
const NEARBY_KINDS: ServiceKind[] = ['shelter', 'legal', 'health', 'child_protection', 'family_contact'];

/**
 * For a WhatsApp location pin: the city it is near (or null when it is near none), and the
 * places nearest to it, each with its distance; a place without a known position is measured
 * from its city's centre, and the text says so.
 */
export function createNearby({
  i18n,
  rootDir,
  clock = { now: () => Date.now() },
  directory = loadDirectory(join(rootDir, 'flows/directory/services.json')),
}: {
  i18n: I18n;
  rootDir: string;
  clock?: Clock;
  directory?: Directory;
}): { locate: (at: Point) => City | null; text: NearbyText } {
  const locate = (at: Point) => {
    const nearest = nearestCity(directory, at);
    return nearest && nearest.km <= NEAR_CITY_KM ? nearest.city : null;
  };
  const text: NearbyText = ({ lang, at }) => {
    const t = i18n.t(lang);
    const today = isoDay(clock.now());
    const nearest = nearestCity(directory, at);
    const found = findNearby(directory, { at, kinds: NEARBY_KINDS, today });
    if (!nearest || found.length === 0) return t('location.none');
    // Whole kilometres: no decimal point or comma to get wrong in five languages.
    const km = (n: number) => String(Math.max(1, Math.round(n)));
    const cityName = directory.cities[nearest.city].name;
    const lines = [
      nearest.km <= NEAR_CITY_KM
        ? t('location.near', { city: cityName })
        : t('location.far', { city: cityName, km: km(nearest.km) }),
    ];
    for (const { service, km: distance, fromCityCentre } of found) {
      const city = directory.cities[service.city as City].name;
      const where = fromCityCentre
        ? t('location.distanceCity', { km: km(distance), city })
        : t('location.distance', { km: km(distance) });
      lines.push(`${describeService({ s: service, t, today, from: city })}\n${where}`);
    }
    return lines.join('\n\n');
  };
  return { locate, text };
}
