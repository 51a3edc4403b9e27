import { CITIES, type City } from '../understand/types.ts';
import { isPastDue } from './review-policy.ts';
import type { Audience, Directory, Service, ServiceKind } from './schema.ts';

export interface ServiceQuery {
  /** The user's city; anything else (missing, "other", a town we do not cover) counts as unknown. */
  readonly city?: string | null;
  /** Kinds wanted; an empty list finds nothing. */
  readonly kinds: readonly ServiceKind[];
  /** Who is asking; entries for them (or for everyone) come first. */
  readonly serves?: Audience | null;
  /** ISO day; entries past their review date rank as unverified. Without it, none is past due. */
  readonly today?: string;
}

export interface FoundServices {
  readonly services: readonly Service[];
  /** True when the city is unknown: only national entries were returned, so ask where they are. */
  readonly needsCity: boolean;
  /**
   * Set when the user's own city has no entry of these kinds and the entries of this nearby city
   * were added instead (the directory's `cities.<city>.nearby`, nearest first).
   */
  readonly nearby: City | null;
}

function isCity(city: string | null | undefined): city is City {
  return (CITIES as readonly string[]).includes(city ?? '');
}

/** Lower is nearer: the city itself, a nearby city, the whole state, the whole country. */
type Locality = 0 | 1 | 2 | 3;

/**
 * Listed entries of the wanted kinds for the user's city, its state and the country, best first:
 * those serving this person, then trusted (verified and not past review) before the rest, then
 * nearer before farther, then those with a phone or an address, then file order (which staff
 * control). When the city itself has none,
 * the nearest city that has some stands in for it, so nobody is told only "we have nothing".
 */
export function findServices(
  directory: Directory,
  { city, kinds, serves, today }: ServiceQuery,
): FoundServices {
  const candidates = directory.services
    .map((service, index) => ({ service, index }))
    .filter(({ service }) => service.listed && kinds.includes(service.kind));
  if (!isCity(city)) {
    const services = rankAndStrip(
      candidates
        .filter(({ service }) => service.city === 'national')
        .map((c) => ({ ...c, locality: 3 as const })),
      { serves, today },
    );
    return { services, needsCity: true, nearby: null };
  }
  const { state, nearby: nearbyCities } = directory.cities[city];
  const locality = (service: Service): Locality | null => {
    if (service.city === city) return 0;
    if (service.city === state) return 2;
    if (service.city === 'national') return 3;
    return null;
  };
  const found = candidates.flatMap((c) => {
    const at = locality(c.service);
    return at === null ? [] : [{ ...c, locality: at }];
  });
  let nearby: City | null = null;
  if (!found.some((c) => c.locality === 0)) {
    for (const other of nearbyCities) {
      const there = candidates.filter(({ service }) => service.city === other);
      if (there.length === 0) continue;
      nearby = other;
      found.push(...there.map((c) => ({ ...c, locality: 1 as const })));
      break;
    }
  }
  return { services: rankAndStrip(found, { serves, today }), needsCity: false, nearby };
}

function rankAndStrip(
  found: Array<{ service: Service; index: number; locality: Locality }>,
  { serves, today }: Pick<ServiceQuery, 'serves' | 'today'>,
): Service[] {
  const servesThem = (service: Service): boolean =>
    !serves || service.serves.includes(serves) || service.serves.includes('everyone');
  const trusted = (service: Service): boolean =>
    service.verified && (today === undefined || !isPastDue(service, today));
  // Among equals, an entry with a number or an address beats a bare name: it can be acted on.
  const reachable = (service: Service): boolean => service.phones.length > 0 || service.address !== null;
  const rank = ({ service, index, locality }: (typeof found)[number]): number[] => [
    servesThem(service) ? 0 : 1,
    trusted(service) ? 0 : 1,
    locality,
    reachable(service) ? 0 : 1,
    index,
  ];
  return found
    .map((entry) => ({ entry, rank: rank(entry) }))
    .sort((a, b) => compareRanks(a.rank, b.rank))
    .map(({ entry }) => entry.service);
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
