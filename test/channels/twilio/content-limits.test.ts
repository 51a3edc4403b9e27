import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/channels/inbound-message.ts';
import { contentProblems, shorten } from '../../../src/channels/twilio/content/build-content.ts';
import { textOfTap } from '../../../src/channels/twilio/content/tap-payload.ts';
import { parseInbound } from '../../../src/channels/twilio/parse-inbound.ts';
import { contentDefinitions } from '../../../src/cli/content-sync.ts';

const { definitions, textOnly } = await contentDefinitions();

/** Characters as WhatsApp counts them. */
const len = (s: string) => [...s].length;

describe('every list and button fits WhatsApp in all five languages', () => {
  it('builds a resource for every message with fixed choices (none falls back to text)', () => {
    expect(textOnly).toEqual([]);
    for (const lang of LANGUAGES) {
      const keys = definitions.filter((d) => d.def.language === lang).map((d) => d.key);
      expect(keys).toContain('menu');
      expect(keys).toContain('safety.check');
      expect(keys).toContain('screen.asylum');
      expect(keys.length).toBe(definitions.filter((d) => d.def.language === 'es').length);
    }
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: row titles ≤ 24, descriptions ≤ 72, ids ≤ 200, buttons ≤ 20, bodies ≤ 1024, ≤ 10 rows, ≤ 3 buttons`, () => {
      const mine = definitions.filter((d) => d.def.language === lang);
      const problems = mine.flatMap((d) => contentProblems(d.def));
      expect(problems).toEqual([]);
      for (const { def } of mine) {
        const list = def.types['twilio/list-picker'];
        const quick = def.types['twilio/quick-reply'];
        for (const i of list?.items ?? []) {
          expect(len(i.item), i.item).toBeLessThanOrEqual(24);
          expect(len(i.description ?? ''), i.item).toBeLessThanOrEqual(72);
        }
        for (const a of quick?.actions ?? []) expect(len(a.title), a.title).toBeLessThanOrEqual(20);
        expect(len(list?.button ?? ''), def.friendly_name).toBeLessThanOrEqual(20);
        expect(len((list ?? quick)!.body)).toBeLessThanOrEqual(1024);
        expect(len(def.types['twilio/text'].body)).toBeLessThanOrEqual(1600);
      }
    });

    it(`${lang}: no row loses its words: a shortened title keeps the whole label in its description`, () => {
      for (const { def } of definitions.filter((d) => d.def.language === lang)) {
        const text = def.types['twilio/text'].body;
        for (const i of def.types['twilio/list-picker']?.items ?? []) {
          const label = i.description ?? i.item;
          // Every row is a choice the numbered text offers too (a screen's Menú/Volver are its footer).
          if (!/^faro:(0|back)$/.test(i.id)) expect(text, `${def.friendly_name}: ${label}`).toContain(label);
          if (i.description) expect(i.item.endsWith('…')).toBe(true);
        }
      }
    });
  }

  it('names a resource by a hash of its text: a changed text is a new resource', () => {
    const names = definitions.map((d) => d.def.friendly_name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^faro_[A-Za-z0-9_]+_(es|en|fr|ht|pt)_[0-9a-f]{12}$/);
  });
});

describe('shorten', () => {
  it.each([
    ['Escuela', 24, 'Escuela'],
    ['Un lugar seguro para dormir hoy', 24, 'Un lugar seguro para…'],
    ['Si te detiene migración o la policía', 24, 'Si te detiene…'],
    ['Trabajo, dinero y papeles', 24, 'Trabajo, dinero…'],
    ['Menos de 18, sin mi familia', 24, 'Menos de 18…'],
  ])('%s → %s', (label, max, expected) => {
    expect(shorten(label, max)).toBe(expected);
    expect(len(shorten(label, max))).toBeLessThanOrEqual(max);
  });
});

describe('a tap is read as what it stands for', () => {
  it.each([
    ['faro:3', '3'],
    ['faro:10', '10'],
    ['faro:0', '0'],
    ['faro:back', 'atras'],
    ['faro:erase', null],
    ['faro:', null],
    ['3', null],
    ['somebody:1', null],
  ])('%s → %s', (payload, text) => {
    expect(textOfTap(payload)).toBe(text);
  });

  const base = {
    MessageSid: `SM${'1'.repeat(32)}`,
    AccountSid: `AC${'a'.repeat(32)}`,
    From: 'whatsapp:+5219620000000',
    To: 'whatsapp:+14155238886',
  };
  const cases: Array<[string, Record<string, string>, string, unknown]> = [
    [
      'our ButtonPayload wins over the label',
      { Body: 'Escuela', ButtonPayload: 'faro:6', ButtonText: 'Escuela' },
      '6',
      undefined,
    ],
    [
      'ListId when Twilio sends a list row so',
      { ListId: 'faro:2', ListTitle: 'Tus derechos' },
      '2',
      undefined,
    ],
    [
      'an unknown payload is read as its label',
      { Body: 'Hola', ButtonPayload: 'promo:7' },
      'Hola',
      undefined,
    ],
    ['ButtonText when there is no Body', { ButtonPayload: 'promo:7', ButtonText: 'Sí' }, 'Sí', undefined],
    [
      'a location pin, rounded to ~100 m',
      { Latitude: '14.67891234', Longitude: '-92.15012345', Address: 'Calle 1', Label: 'Casa' },
      '',
      { latitude: 14.679, longitude: -92.15 },
    ],
    ['a latitude out of range is no location', { Latitude: '91', Longitude: '-92' }, '', undefined],
    ['a longitude out of range is no location', { Latitude: '14', Longitude: '-181' }, '', undefined],
    ['a blank pin is no location', { Latitude: '', Longitude: '' }, '', undefined],
    ['a pin with one coordinate is no location', { Latitude: '14.6' }, '', undefined],
  ];
  it.each(cases)('%s', (_name, fields, text, location) => {
    const parsed = parseInbound({ ...base, ...fields }, 0);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.message.text).toBe(text);
    expect(parsed.message.location).toEqual(location);
  });
});
