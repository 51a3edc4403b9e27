import { CITIES, type City } from '../understand/types.ts';
import type { Audience, Directory, Service, ServiceKind } from './schema.ts';

export interface ServiceQuery {
  /** The user's city; anything else (missing, "other", a town we do not cover) counts as unknown. */
  readonly city?: string | null;
  /** Kinds wanted; an empty list finds nothing. */
  readonly kinds: readonly ServiceKind[];
  /** Who is asking; entries for them (or for everyone) come first. */
  readonly serves?: Audience | null;
}

export interface FoundServices {
  readonly services: readonly Service[];
  /** True when the city is unknown: only national entries were returned, so ask where they are. */
  readonly needsCity: boolean;
}

function isCity(city: string | null | undefined): city is City {
  return (CITIES as readonly string[]).includes(city ?? '');
}

/**
 * Entries of the wanted kinds in the user's city plus national lines, best first:
 * those serving this person, then verified before unverified, then local before national,
 * then file order (which staff control).
 */
export function findServices(directory: Directory, { city, kinds, serves }: ServiceQuery): FoundServices {
  const known = isCity(city);
  const servesThem = (service: Service): boolean =>
    !serves || service.serves.includes(serves) || service.serves.includes('everyone');
  const rank = (service: Service): number[] => [
    servesThem(service) ? 0 : 1,
    service.verified ? 0 : 1,
    service.city === 'national' ? 1 : 0,
  ];
  const services = directory.services
    .map((service, index) => ({ service, index }))
    .filter(
      ({ service }) =>
        kinds.includes(service.kind) && (service.city === 'national' || (known && service.city === city)),
    )
    .sort((a, b) => compareRanks([...rank(a.service), a.index], [...rank(b.service), b.index]))
    .map(({ service }) => service);
  return { services, needsCity: !known };
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
