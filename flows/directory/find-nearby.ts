import { CITIES, type City } from '../understand/types.ts';
import { isPastDue } from './review-policy.ts';
import type { Directory, Service, ServiceKind } from './schema.ts';

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in km (haversine, mean Earth radius): plenty for "about 3 km". */
export function distanceKm(a: Point, b: Point): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The city Faro knows nearest to a point (by the centres the directory gives), and how far. */
export function nearestCity(directory: Directory, at: Point): { city: City; km: number } | null {
  let best: { city: City; km: number } | null = null;
  for (const city of CITIES) {
    const where = directory.cities[city]?.location;
    if (!where) continue;
    const km = distanceKm(at, where);
    if (!best || km < best.km) best = { city, km };
  }
  return best;
}

export interface NearbyService {
  service: Service;
  km: number;
  /** No source gives the place's own position: the distance is to its city's centre. */
  fromCityCentre: boolean;
}

/**
 * Listed places of these kinds in Faro's cities, nearest first. A place is measured from its own
 * position when a source gives one, else from its city's centre (and says so); a place whose
 * city has no position either is left out. Ties (places of one city without their own
 * position) keep the directory's trust order: verified and in review first, then file order.
 */
export function findNearby(
  directory: Directory,
  {
    at,
    kinds,
    today,
    limit = 4,
  }: { at: Point; kinds: readonly ServiceKind[]; today?: string; limit?: number },
): NearbyService[] {
  const found: Array<NearbyService & { trusted: boolean; index: number }> = [];
  directory.services.forEach((service, index) => {
    if (!service.listed || !kinds.includes(service.kind)) return;
    if (!(CITIES as readonly string[]).includes(service.city)) return;
    const centre = directory.cities[service.city as City]?.location;
    const where = service.location ?? centre;
    if (!where) return;
    const trusted = service.verified && !(today && isPastDue(service, today));
    found.push({ service, km: distanceKm(at, where), fromCityCentre: !service.location, trusted, index });
  });
  return found
    .sort(
      (a, b) =>
        Math.round(a.km * 10) - Math.round(b.km * 10) ||
        Number(b.trusted) - Number(a.trusted) ||
        a.index - b.index,
    )
    .slice(0, limit)
    .map(({ service, km, fromCityCentre }) => ({ service, km, fromCityCentre }));
}
