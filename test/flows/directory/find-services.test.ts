import { describe, expect, it } from 'vitest';
import { findServices } from '../../../flows/directory/find-services.ts';
import { loadDirectory } from '../../../flows/directory/load-directory.ts';
import { type Directory, SEED_SOURCE, SERVICE_KINDS, type Service } from '../../../flows/directory/schema.ts';
import { CITIES } from '../../../flows/understand/types.ts';

const shipped = loadDirectory('flows/directory/services.json');
const ids = (services: readonly Service[]): string[] => services.map((service) => service.id);

function service(fields: Partial<Service> & Pick<Service, 'id'>): Service {
  return {
    name: fields.id,
    city: 'tapachula',
    kind: 'legal',
    phones: [],
    address: null,
    hours: null,
    languages: [],
    offers: [],
    serves: [],
    source: 'https://example.org',
    otherSources: [],
    sourceDate: null,
    checked: '2026-11-26',
    verified: false,
    listed: true,
    notes: '',
    ...fields,
  };
}

const withServices = (services: Service[]): Directory => ({ cities: shipped.cities, services });

describe('findServices on the shipped directory', () => {
  it.each(['tapachula', 'tenosique', 'palenque'] as const)(
    'lists at least one shelter in %s itself, each with a public source',
    (city) => {
      const found = findServices(shipped, { city, kinds: ['shelter'] });
      const local = found.services.filter((entry) => entry.city === city);
      expect(local.length).toBeGreaterThan(0);
      expect(found.nearby).toBeNull();
      for (const entry of local) {
        expect(entry.source, entry.id).toMatch(/^https?:\/\//);
        expect(entry.source).not.toBe(SEED_SOURCE);
      }
    },
  );

  it('has shelters in Tapachula for families, for children alone and for women', () => {
    const serving = (who: 'families' | 'children_alone' | 'women') =>
      findServices(shipped, { city: 'tapachula', kinds: ['shelter'] }).services.filter(
        (entry) => entry.city === 'tapachula' && entry.serves.includes(who),
      );
    expect(serving('families').length).toBeGreaterThan(0);
    expect(serving('children_alone').length).toBeGreaterThan(0);
    expect(serving('women').length).toBeGreaterThan(0);
  });

  it('puts a shelter that takes children alone first for a child alone in Tapachula', () => {
    const [first] = findServices(shipped, {
      city: 'tapachula',
      kinds: ['shelter'],
      serves: 'children_alone',
    }).services;
    expect(first?.serves).toContain('children_alone');
  });

  it("keeps other cities' offices out and national lines in", () => {
    const found = ids(findServices(shipped, { city: 'palenque', kinds: ['government'] }).services);
    expect(found).toContain('comar-palenque');
    expect(found).toContain('cndh');
    expect(found).not.toContain('comar-tapachula');
    expect(found).not.toContain('comar-tenosique');
  });

  it("shows a state's Procuraduría in every city of that state and nowhere else", () => {
    for (const city of CITIES) {
      const found = ids(findServices(shipped, { city, kinds: ['child_protection'] }).services);
      const state = shipped.cities[city].state;
      expect(found.includes('ppnna-chiapas'), city).toBe(state === 'chiapas');
      expect(found.includes('ppnna-tabasco'), city).toBe(state === 'tabasco');
    }
  });

  it('offers the nearest city when the user’s own has nothing of that kind', () => {
    const found = findServices(shipped, { city: 'huixtla', kinds: ['shelter'] });
    expect(found.nearby).toBe('tapachula');
    expect(found.services.some((entry) => entry.city === 'tapachula')).toBe(true);
  });

  it('never offers an entry kept for staff, whatever the city or kind', () => {
    const hidden = shipped.services.filter((entry) => !entry.listed).map((entry) => entry.id);
    expect(hidden).toContain('acnur-tapachula');
    for (const city of [...CITIES, undefined]) {
      const found = ids(findServices(shipped, { city, kinds: [...SERVICE_KINDS] }).services);
      expect(
        found.filter((id) => hidden.includes(id)),
        String(city),
      ).toEqual([]);
    }
  });

  it('puts verified emergency lines before unverified ones', () => {
    const found = findServices(shipped, { city: 'tapachula', kinds: ['emergency', 'health'] }).services;
    const firstUnverified = found.findIndex((entry) => !entry.verified);
    expect(found.slice(0, firstUnverified).every((entry) => entry.verified)).toBe(true);
    expect(found.slice(firstUnverified).every((entry) => !entry.verified)).toBe(true);
  });

  it('returns only national entries and asks for the city when the city is unknown', () => {
    for (const city of [undefined, null, 'other', 'comitan']) {
      const found = findServices(shipped, { city, kinds: ['emergency', 'legal', 'government', 'health'] });
      expect(found.needsCity).toBe(true);
      expect(found.services.length).toBeGreaterThan(0);
      expect(found.services.every((entry) => entry.city === 'national')).toBe(true);
    }
  });

  it('does not ask for the city when it knows it', () => {
    expect(findServices(shipped, { city: 'huixtla', kinds: ['emergency'] }).needsCity).toBe(false);
  });

  it('finds nothing when no kind is asked for', () => {
    expect(findServices(shipped, { city: 'tapachula', kinds: [] }).services).toEqual([]);
  });
});

describe('findServices ordering', () => {
  const directory = withServices([
    service({ id: 'national-unverified', city: 'national' }),
    service({ id: 'local-unverified' }),
    service({ id: 'local-verified', verified: true }),
    service({ id: 'for-children', serves: ['children_alone'] }),
    service({ id: 'for-everyone', serves: ['everyone'] }),
    service({ id: 'for-women', serves: ['women'] }),
    service({ id: 'elsewhere', city: 'palenque', serves: ['children_alone'] }),
    service({ id: 'statewide', city: 'chiapas' }),
    service({ id: 'other-state', city: 'tabasco' }),
  ]);

  it('puts entries for the person first, then verified, then local before state before national', () => {
    const found = findServices(directory, { city: 'tapachula', kinds: ['legal'], serves: 'children_alone' });
    expect(ids(found.services)).toEqual([
      'for-children',
      'for-everyone',
      'local-verified',
      'local-unverified',
      'for-women',
      'statewide',
      'national-unverified',
    ]);
  });

  it('keeps file order among equals when no profile is given', () => {
    const found = findServices(directory, { city: 'tapachula', kinds: ['legal'] });
    expect(ids(found.services)).toEqual([
      'local-verified',
      'local-unverified',
      'for-children',
      'for-everyone',
      'for-women',
      'statewide',
      'national-unverified',
    ]);
  });

  it('ranks a verified entry past its review date with the unverified ones', () => {
    const stale = withServices([
      service({ id: 'unverified-first' }),
      service({ id: 'verified-but-old', verified: true, checked: '2026-01-10' }),
    ]);
    expect(
      ids(findServices(stale, { city: 'tapachula', kinds: ['legal'], today: '2026-07-09' }).services),
    ).toEqual(['verified-but-old', 'unverified-first']);
    expect(
      ids(findServices(stale, { city: 'tapachula', kinds: ['legal'], today: '2026-07-11' }).services),
    ).toEqual(['unverified-first', 'verified-but-old']);
  });

  it('takes the first nearby city that has something, and only when the city itself has nothing', () => {
    const nearby = withServices([
      service({ id: 'in-huixtla', city: 'huixtla' }),
      service({ id: 'in-tapachula' }),
      service({ id: 'national', city: 'national' }),
    ]);
    const fromHidalgo = findServices(nearby, { city: 'ciudad_hidalgo', kinds: ['legal'] });
    expect(fromHidalgo.nearby).toBe('tapachula');
    expect(ids(fromHidalgo.services)).toEqual(['in-tapachula', 'national']);
    const inTapachula = findServices(nearby, { city: 'tapachula', kinds: ['legal'] });
    expect(inTapachula.nearby).toBeNull();
    expect(ids(inTapachula.services)).toEqual(['in-tapachula', 'national']);
    expect(findServices(nearby, { city: 'villahermosa', kinds: ['legal'] }).nearby).toBeNull();
  });
});
