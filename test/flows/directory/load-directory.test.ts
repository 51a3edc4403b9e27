import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectoryError } from '../../../flows/directory/directory-error.ts';
import { loadDirectory } from '../../../flows/directory/load-directory.ts';
import { SEED_SOURCE } from '../../../flows/directory/schema.ts';
import { CITIES } from '../../../flows/understand/types.ts';

const SHIPPED = 'flows/directory/services.json';
const scratch = mkdtempSync(join(tmpdir(), 'faro-directory-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Json = { services: Record<string, unknown>[] };

function shippedCopy(): Json {
  return JSON.parse(readFileSync(SHIPPED, 'utf8')) as Json;
}

function indexOf(json: Json, id: string): number {
  return json.services.findIndex((service) => service.id === id);
}

/** Writes a broken copy and returns the DirectoryError message loading it produced. */
function errorFor(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  try {
    loadDirectory(file);
  } catch (error) {
    expect(error).toBeInstanceOf(DirectoryError);
    return (error as DirectoryError).message;
  }
  throw new Error(`${name} was accepted`);
}

describe('the shipped directory', () => {
  const directory = loadDirectory(SHIPPED);

  it('passes the schema', () => {
    expect(directory.services.length).toBeGreaterThan(0);
  });

  it('gives every phone number a source and a check date', () => {
    for (const service of directory.services) {
      for (const phone of service.phones) {
        expect(phone.source === SEED_SOURCE || phone.source.startsWith('https://'), service.id).toBe(true);
        expect(phone.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('marks as verified only the national lines a public source states plainly', () => {
    const verified = directory.services.filter((service) => service.verified).map((service) => service.id);
    expect(verified.sort()).toEqual(
      ['anonymous-report-089', 'anti-trafficking-line', 'emergency-911', 'linea-de-la-vida'].sort(),
    );
  });

  it('never shows a number for La 72 while its two numbers conflict', () => {
    expect(directory.services.find((service) => service.id === 'la-72-tenosique')?.phones).toEqual([]);
  });

  it('shows no number for Fray Matías until one is confirmed after the March 2026 burglary', () => {
    const fray = directory.services.find((service) => service.id === 'fray-matias-tapachula');
    expect(fray?.phones).toEqual([]);
    expect(fray?.notes).toMatch(/962 147 2928/);
    expect(fray?.notes).toMatch(/burgled in March 2026/);
  });

  it('gives 089 the hours its source states', () => {
    const line = directory.services.find((service) => service.id === 'anonymous-report-089');
    expect(line?.hours).toBe('24/7');
    expect(line?.notes).not.toMatch(/no hours/);
  });

  it('keeps UNHCR for staff only, since its own entry says not to send anyone to an office', () => {
    const unhcr = directory.services.find((service) => service.id === 'acnur-tapachula');
    expect(unhcr?.listed).toBe(false);
    expect(unhcr?.notes).toMatch(/do not send anyone/i);
  });

  it('records every source of an entry as a URL, and the day it was checked', () => {
    for (const service of directory.services) {
      for (const source of [service.source, ...service.otherSources]) {
        expect(source === SEED_SOURCE || /^https?:\/\//.test(source), service.id).toBe(true);
      }
      expect(service.checked <= '2026-12-03', service.id).toBe(true);
    }
  });

  it('names every city Faro knows in its cities table', () => {
    expect(Object.keys(directory.cities).sort()).toEqual([...CITIES].sort());
  });

  it('is frozen, so no caller can change it at run time', () => {
    expect(Object.isFrozen(directory.services[0]?.phones)).toBe(true);
  });
});

describe('a broken directory', () => {
  it('is rejected when a phone has no source, naming the file and field', () => {
    const json = shippedCopy();
    const phones = json.services[3]?.phones as Record<string, unknown>[];
    delete phones[0]?.source;
    expect(errorFor('no-source.json', JSON.stringify(json))).toContain(
      `${join(scratch, 'no-source.json')}: services[3].phones[0].source: Required`,
    );
  });

  it('is rejected when a date is not an ISO date', () => {
    const json = shippedCopy();
    (json.services[1] as Record<string, unknown>).checked = '26/11/2026';
    expect(errorFor('bad-date.json', JSON.stringify(json))).toMatch(
      /bad-date\.json: services\[1\]\.checked: /,
    );
  });

  it('is rejected when a kind is not one we know', () => {
    const json = shippedCopy();
    (json.services[2] as Record<string, unknown>).kind = 'church';
    expect(errorFor('bad-kind.json', JSON.stringify(json))).toMatch(/bad-kind\.json: services\[2\]\.kind: /);
  });

  it('is rejected when two entries share an id', () => {
    const json = shippedCopy();
    const last = json.services.length;
    json.services.push({ ...json.services[0] });
    expect(errorFor('duplicate.json', JSON.stringify(json))).toContain(
      `duplicate.json: services[${last}].id: duplicate id "emergency-911"`,
    );
  });

  it('is rejected when a field is misspelt', () => {
    const json = shippedCopy();
    (json.services[0] as Record<string, unknown>).adress = 'somewhere';
    expect(errorFor('extra-key.json', JSON.stringify(json))).toMatch(
      /extra-key\.json: services\[0\]: .*adress/,
    );
  });

  it('is rejected when a number still carries the old 01 prefix', () => {
    const json = shippedCopy();
    const kind = indexOf(json, 'kind-mexico-south');
    const phones = json.services[kind]?.phones as Record<string, unknown>[];
    (phones[0] as Record<string, unknown>).number = '01 55 7100 1973';
    expect(errorFor('prefix.json', JSON.stringify(json))).toContain(
      `prefix.json: services[${kind}].phones[0].number: must have 3 or 10 digits`,
    );
  });

  it('is rejected when another source is not a URL, naming the file and the field', () => {
    const json = shippedCopy();
    const la72 = indexOf(json, 'la-72-tenosique');
    const others = json.services[la72]!.otherSources as string[];
    others.push('the priest said so');
    const bad = others.length - 1;
    expect(errorFor('other-source.json', JSON.stringify(json))).toMatch(
      new RegExp(`other-source\\.json: services\\[${la72}\\]\\.otherSources\\[${bad}\\]: must be an http`),
    );
  });

  it('is rejected when an entry kept from users does not say why', () => {
    const json = shippedCopy();
    const unhcr = indexOf(json, 'acnur-tapachula');
    (json.services[unhcr] as Record<string, unknown>).notes = ' ';
    expect(errorFor('hidden.json', JSON.stringify(json))).toContain(
      `hidden.json: services[${unhcr}].notes: an entry kept from users must say why in its notes`,
    );
  });

  it('is rejected when a city is missing from the cities table', () => {
    const json = shippedCopy() as Json & { cities: Record<string, unknown> };
    delete json.cities.huixtla;
    expect(errorFor('no-city.json', JSON.stringify(json))).toMatch(
      /no-city\.json: cities\.huixtla: Required/,
    );
  });

  it('is rejected when an entry resting on the seed claims to be verified', () => {
    const json = shippedCopy();
    const kind = indexOf(json, 'kind-mexico-south');
    (json.services[kind] as Record<string, unknown>).verified = true;
    expect(errorFor('seed-verified.json', JSON.stringify(json))).toContain(
      `seed-verified.json: services[${kind}].verified: an entry resting on the seed report cannot be verified`,
    );
  });

  it('is rejected when a source is neither a URL nor the seed', () => {
    const json = shippedCopy();
    (json.services[0] as Record<string, unknown>).source = 'a friend told me';
    expect(errorFor('bad-source.json', JSON.stringify(json))).toMatch(
      /bad-source\.json: services\[0\]\.source: /,
    );
  });

  it('is rejected when the file is not JSON', () => {
    expect(errorFor('not-json.json', '{ "services": [')).toMatch(/not-json\.json: is not valid JSON/);
  });

  it('is rejected when the file is missing', () => {
    expect(() => loadDirectory(join(scratch, 'missing.json'))).toThrow(
      /missing\.json: cannot be read \(ENOENT\)/,
    );
  });

  it('lists every problem, not only the first', () => {
    const json = shippedCopy();
    (json.services[0] as Record<string, unknown>).kind = 'church';
    (json.services[1] as Record<string, unknown>).city = 'comitan';
    const file = join(scratch, 'two-problems.json');
    writeFileSync(file, JSON.stringify(json));
    expect(() => loadDirectory(file)).toThrow(DirectoryError);
    try {
      loadDirectory(file);
    } catch (error) {
      expect((error as DirectoryError).problems).toHaveLength(2);
    }
  });
});
