import { describe, expect, it } from 'vitest';
import { findServices } from '../../../flows/directory/find-services.ts';
import { loadDirectory } from '../../../flows/directory/load-directory.ts';
import type { Directory, Service } from '../../../flows/directory/schema.ts';

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
    sourceDate: null,
    checked: '2026-11-26',
    verified: false,
    notes: '',
    ...fields,
  };
}

describe('findServices on the shipped directory', () => {
  it('finds the shelter in Tenosique and none in Tapachula', () => {
    expect(ids(findServices(shipped, { city: 'tenosique', kinds: ['shelter'] }).services)).toEqual([
      'la-72-tenosique',
    ]);
    expect(findServices(shipped, { city: 'tapachula', kinds: ['shelter'] }).services).toEqual([]);
  });

  it("keeps other cities' offices out and national lines in", () => {
    const found = ids(findServices(shipped, { city: 'palenque', kinds: ['government'] }).services);
    expect(found).toContain('comar-palenque');
    expect(found).toContain('cndh');
    expect(found).not.toContain('comar-tapachula');
    expect(found).not.toContain('comar-tenosique');
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
  const directory: Directory = {
    services: [
      service({ id: 'national-unverified', city: 'national' }),
      service({ id: 'local-unverified' }),
      service({ id: 'local-verified', verified: true }),
      service({ id: 'for-children', serves: ['children_alone'] }),
      service({ id: 'for-everyone', serves: ['everyone'] }),
      service({ id: 'for-women', serves: ['women'] }),
      service({ id: 'elsewhere', city: 'palenque', serves: ['children_alone'] }),
    ],
  };

  it('puts entries for the person first, then verified, then local before national', () => {
    const found = findServices(directory, { city: 'tapachula', kinds: ['legal'], serves: 'children_alone' });
    expect(ids(found.services)).toEqual([
      'for-children',
      'for-everyone',
      'local-verified',
      'local-unverified',
      'for-women',
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
      'national-unverified',
    ]);
  });
});
