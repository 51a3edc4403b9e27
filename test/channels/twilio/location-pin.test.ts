import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceKm, findNearby, nearestCity } from '../../../flows/directory/find-nearby.ts';
import { loadDirectory } from '../../../flows/directory/load-directory.ts';
import type { Directory } from '../../../flows/directory/schema.ts';
import { ROOT_DIR } from '../../../src/build-services.ts';
import { type FakeTwilio, startFakeTwilio } from '../../fakes/fake-twilio.ts';
import {
  createTestApp,
  inboundForm,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  type TestApp,
} from '../../helpers/test-app.ts';

/** Issue 11, item 4: a WhatsApp location pin sets the city and lists the nearest places by distance. */
const PATH = '/webhooks/twilio/messages';
const directory = loadDirectory(`${ROOT_DIR}/flows/directory/services.json`);

/** Near the bridge to Tecún Umán, a few hundred metres from Ciudad Hidalgo's centre. */
const NEAR_CIUDAD_HIDALGO = { Latitude: '14.6772', Longitude: '-92.1489' };
/** Near La 72's neighbourhood in Tenosique. */
const NEAR_TENOSIQUE = { Latitude: '17.4700', Longitude: '-91.4300' };
/** Mexico City's Zócalo: far from every city Faro knows. */
const MEXICO_CITY = { Latitude: '19.4326', Longitude: '-99.1332' };

let fake: FakeTwilio;
let t: TestApp;

async function send(from: string, body: string, extra: Record<string, string> = {}) {
  const before = fake.messages.length;
  const res = await t.post(PATH, inboundForm(from, body, extra));
  expect(res.statusCode).toBe(200);
  await t.services.engine.idle();
  await t.services.outbox.drain();
  return fake.messages
    .slice(before)
    .filter((m) => m.to === from)
    .map((m) => m.body)
    .join('\n\n');
}

/** A pin as WhatsApp sends it: no Body, the position, and sometimes an address and a label. */
const pin = (from: string, at: Record<string, string>) =>
  send(from, '', { ...at, Address: 'Calle Central 1', Label: 'Mi lugar' });

/** The distances the reply states, in order. */
const distances = (text: string) => [...text.matchAll(/A unos (\d+) km de ti/g)].map((m) => Number(m[1]));

beforeAll(async () => {
  fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
  t = await createTestApp({ env: { TWILIO_API_BASE_URL: fake.baseUrl } });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

describe('a location pin on WhatsApp', () => {
  it('near Ciudad Hidalgo: sets the city there and lists the nearest places, nearest first, saying they are counted from a city centre', async () => {
    const user = 'whatsapp:+5219620001001';
    await send(user, 'hola');
    const reply = await pin(user, NEAR_CIUDAD_HIDALGO);
    expect(reply).toMatch(/Estás cerca de Ciudad Hidalgo/);
    const km = distances(reply);
    expect(km.length).toBeGreaterThan(0);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    // Ciudad Hidalgo has no place of these kinds yet: the nearest are Tapachula's, ~30 km away,
    // measured from Tapachula's centre because no source gives their own position.
    expect(km[0]).toBeGreaterThan(20);
    expect(km[0]).toBeLessThan(40);
    expect(reply).toMatch(/desde el centro de Tapachula\. No tenemos su ubicación exacta/);
    expect(reply).not.toMatch(/Coordinates|14\.67/);

    // The city was set: places for tonight need no "which city?" question, and come for Ciudad Hidalgo.
    const shelter = await send(user, 'necesito un lugar para dormir hoy');
    expect(shelter).not.toMatch(/¿En qué ciudad estás\?/);
    // Ciudad Hidalgo's nearest city with shelters stands in for it (the directory's `nearby`).
    expect(shelter).toMatch(/Lugares que pueden ayudarte[\s\S]*Tapachula/);
  });

  it('near Tenosique: Tenosique first, then Palenque, then farther, by distance', async () => {
    const user = 'whatsapp:+5219620001002';
    await send(user, 'hola');
    const reply = await pin(user, NEAR_TENOSIQUE);
    expect(reply).toMatch(/Estás cerca de Tenosique/);
    const km = distances(reply);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    const tenosique = reply.indexOf('centro de Tenosique');
    const palenque = reply.indexOf('centro de Palenque');
    expect(tenosique).toBeGreaterThan(-1);
    expect(palenque).toBeGreaterThan(tenosique);
  });

  it('as the first message: answered in Spanish with the places, no language question first', async () => {
    const user = 'whatsapp:+5219620001003';
    const reply = await pin(user, NEAR_CIUDAD_HIDALGO);
    expect(reply).toMatch(/Estás cerca de Ciudad Hidalgo/);
    expect(reply).not.toMatch(/Elige tu idioma/);
  });

  it('while Faro asks for the city: the pin answers the question', async () => {
    const user = 'whatsapp:+5219620001004';
    await send(user, 'hola');
    const ask = await send(user, 'necesito un lugar para dormir hoy');
    expect(ask).toMatch(/¿En qué ciudad estás\?/);
    const reply = await pin(user, NEAR_TENOSIQUE);
    expect(reply).toMatch(/La 72/);
  });

  it('far from every city Faro knows: says so, names the nearest city, and does not set it', async () => {
    const user = 'whatsapp:+5219620001005';
    await send(user, 'hola');
    const reply = await pin(user, MEXICO_CITY);
    expect(reply).toMatch(/Estás lejos de las ciudades donde conozco lugares\. La más cercana es/);
    const shelter = await send(user, 'necesito un lugar para dormir hoy');
    expect(shelter).toMatch(/¿En qué ciudad estás\?/);
  });
});

describe('the directory positions', () => {
  it('gives every city a centre with its source and the day it was checked, and no service an invented one', () => {
    for (const [id, city] of Object.entries(directory.cities)) {
      expect(city.location, id).toBeDefined();
      expect(city.location!.source).toMatch(/^https:\/\//);
      expect(city.location!.checked).toBe('2026-12-03');
    }
    for (const s of directory.services)
      if (s.location) expect(s.location.source, s.id).toMatch(/^https?:\/\//);
  });

  it('puts the cities where they are: Ciudad Hidalgo ~30 km from Tapachula, Tenosique ~55 km from Palenque', () => {
    const at = (c: keyof Directory['cities']) => directory.cities[c].location!;
    expect(distanceKm(at('tapachula'), at('ciudad_hidalgo'))).toBeGreaterThan(20);
    expect(distanceKm(at('tapachula'), at('ciudad_hidalgo'))).toBeLessThan(40);
    expect(distanceKm(at('tenosique'), at('palenque'))).toBeGreaterThan(45);
    expect(distanceKm(at('tenosique'), at('palenque'))).toBeLessThan(70);
    expect(nearestCity(directory, { latitude: 14.68, longitude: -92.15 })?.city).toBe('ciudad_hidalgo');
  });

  it('measures a place from its own position when a source gives one, ahead of places counted from a centre', () => {
    const withOwn: Directory = {
      ...directory,
      services: directory.services.map((s) =>
        s.id === 'belen-tapachula'
          ? {
              ...s,
              location: {
                latitude: 14.7,
                longitude: -92.16,
                source: 'https://example.org/test-only',
                checked: '2026-12-03',
              },
            }
          : s,
      ),
    };
    const found = findNearby(withOwn, {
      at: { latitude: 14.6772, longitude: -92.1489 },
      kinds: ['shelter'],
    });
    expect(found[0]?.service.id).toBe('belen-tapachula');
    expect(found[0]?.fromCityCentre).toBe(false);
    expect(found.slice(1).every((f) => f.fromCityCentre)).toBe(true);
  });
});
