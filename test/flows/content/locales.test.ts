import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../../flows/content/topics.ts';
import { baseKey, botStrings, hasKey, LANGUAGES, placeholders, pluralForm, readBot } from './locale-files.ts';

const es = botStrings('es');
const strings = Object.fromEntries(LANGUAGES.map((l) => [l, botStrings(l)])) as Record<
  (typeof LANGUAGES)[number],
  Map<string, string>
>;

/** Keys the engine and the flow say by name; they must exist in every language. */
const ENGINE_KEYS = [
  'welcome',
  'hello',
  'language.ask',
  'language.choose',
  'language.set',
  'language.otherAsk',
  'language.otherThanks',
  'privacy.note',
  'privacy.days',
  'profile.age.ask',
  'profile.city.ask',
  'profile.noted',
  'clarify.ask',
  'clarify.other',
  'danger.check',
  'danger.notNow',
  ...['hello', 'thanks', 'bye', 'ok', 'robot', 'waiting'].map((k) => `smallTalk.${k}`),
  'menu',
  'nav.footer',
  'notUnderstood.first',
  'notUnderstood.second',
  'media.unsupported',
  'erase.confirm',
  'erase.done',
  'erase.cancelled',
  ...[
    'violence',
    'kidnapping',
    'sexual_violence',
    'suicide',
    'trafficking',
    'lost_child',
    'threat',
    'medical_emergency',
    'followUp',
    'check',
    'confirmed',
    'mistaken',
    'afraid',
  ].map((c) => `safety.${c}`),
  'handoff.waiting',
  'handoff.waitMinutes',
  'handoff.outOfHours',
  'handoff.noOneYet',
  'handoff.joined',
  'handoff.closed',
  'handoff.cancelled',
  'handoff.reminderMenu',
  'flow.restarted',
  'outage',
  'services.header',
  'services.callFirst',
  'services.none',
  'services.askCity',
  'services.phone',
  'services.hours',
  'services.address',
  ...['shelter', 'legal', 'health', 'government', 'emergency'].map((k) => `services.kind.${k}`),
  ...[
    'legal_aid',
    'asylum_help',
    'shelter',
    'medical',
    'mental_health',
    'psychosocial',
    'emergency',
    'report_crime',
    'trafficking_help',
    'complaints',
  ].map((t) => `services.offers.${t}`),
  'options.person',
  'options.back',
  'options.menu',
  ...['option', 'what', 'where', 'when', 'who', 'thanks', 'helpPlaces', 'helpCity'].map((k) => `report.${k}`),
];

// GSM 03.38 basic table; the SMS renderer turns á into a, so accents are stripped before checking.
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// i18next syntax ($t(…), {{name}}) never reaches the user, so it is left out.
const notGsm7 = (text: string) =>
  [
    ...text
      .replace(/\$t\([^)]*\)/g, '')
      .replace(/\{\{[^}]*\}\}/g, '')
      .normalize('NFKD')
      .replace(/\p{M}/gu, ''),
  ].filter((c) => !GSM7_BASIC.has(c));

function placeholdersByBaseKey(map: Map<string, string>): Map<string, string> {
  const out = new Map<string, Set<string>>();
  for (const [key, value] of map) {
    const set = out.get(baseKey(key)) ?? new Set<string>();
    for (const p of placeholders(value)) set.add(p);
    out.set(baseKey(key), set);
  }
  return new Map([...out].map(([k, set]) => [k, [...set].sort().join(',')]));
}

describe('bot locales', () => {
  it.each(LANGUAGES)('%s has every key the engine says', (lng) => {
    expect(ENGINE_KEYS.filter((key) => !hasKey(strings[lng], key))).toEqual([]);
  });

  it.each(LANGUAGES)('%s has the same keys as es, plural forms aside', (lng) => {
    const keys = (map: Map<string, string>) => [...new Set([...map.keys()].map(baseKey))].sort();
    expect(keys(strings[lng])).toEqual(keys(es));
  });

  it.each(LANGUAGES)('%s uses the same {{placeholders}} as es in each message', (lng) => {
    expect(Object.fromEntries(placeholdersByBaseKey(strings[lng]))).toEqual(
      Object.fromEntries(placeholdersByBaseKey(es)),
    );
  });

  it.each(LANGUAGES)('%s defines every plural form its language needs', (lng) => {
    const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    const plurals = [...new Set([...strings[lng].keys()].filter(pluralForm).map(baseKey))];
    expect(plurals.length).toBeGreaterThan(0);
    for (const base of plurals) {
      for (const form of needed) expect(strings[lng].has(`${base}_${form}`), `${base}_${form}`).toBe(true);
    }
  });

  it.each(LANGUAGES)('%s has no empty strings', (lng) => {
    expect([...strings[lng]].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it.each(LANGUAGES)('%s uses WhatsApp markup only as a *Heading* on the first line', (lng) => {
    for (const [key, value] of strings[lng]) {
      const body = /^\*[^*\n]+\*$/.test(value.split('\n')[0]!)
        ? value.split('\n').slice(1).join('\n')
        : value;
      expect(body, key).not.toMatch(/[*_~]/);
    }
  });

  it.each(LANGUAGES)('%s is GSM-7 once accents are dropped, so SMS stays cheap', (lng) => {
    const offenders = [...strings[lng]].filter(([, v]) => notGsm7(v).length > 0);
    expect(offenders.map(([k, v]) => `${k}: ${notGsm7(v).join('')}`)).toEqual([]);
  });

  it.each(LANGUAGES)('%s screen texts leave numbered lines to the options', (lng) => {
    for (const screen of TOPICS.flatMap((t) => t.screens)) {
      expect(strings[lng].get(screen.text), screen.id).not.toMatch(/^\d+ /m);
    }
  });

  it.each(LANGUAGES)('%s menu lists the topic titles in order, then a person, then a report', (lng) => {
    // Heading, the topics, a person, an anonymous report, and a last line inviting a question.
    const lines = strings[lng].get('menu')!.split('\n').slice(1, -1);
    const titles = TOPICS.map((t, i) => `${i + 1} ${strings[lng].get(t.title)}`);
    expect(lines).toEqual([
      ...titles,
      `${TOPICS.length + 1} ${strings[lng].get('options.person')}`,
      `${TOPICS.length + 2} ${strings[lng].get('report.option')}`,
    ]);
  });

  it.each(LANGUAGES)('%s says "information, not legal advice" on first contact and on asylum', (lng) => {
    const phrase = {
      es: 'información, no asesoría legal',
      en: 'information, not legal advice',
      fr: 'information, pas un conseil juridique',
      ht: 'enfòmasyon, se pa konsèy legal',
      pt: 'informação, não assessoria jurídica',
    }[lng];
    expect(strings[lng].get('welcome')).toContain(phrase);
    expect(strings[lng].get('topics.asylum.start.text')).toContain(phrase);
  });

  it.each(LANGUAGES)('%s welcome and language list name each language in that language', (lng) => {
    for (const key of ['welcome', 'language.choose']) {
      expect(strings[lng].get(key)).toMatch(/\n1 Español\n2 English\n3 Français\n4 Kreyòl\n5 Português\n6 /);
    }
  });
});

describe('safety messages give the numbers first', () => {
  const cases: Array<[category: string, numbers: string[]]> = [
    ['violence', []],
    ['kidnapping', ['089']],
    ['sexual_violence', []],
    ['suicide', ['800 911 2000']],
    ['trafficking', ['800 5533 000', '089']],
    ['lost_child', []],
    ['threat', ['089']],
    ['medical_emergency', []],
    ['followUp', ['089', '800 5533 000', '800 911 2000']],
  ];
  const asked = {
    es: 'Le pedimos a una persona de nuestro equipo',
    en: 'We have asked a person from our team',
    fr: 'Nous avons demandé à une personne de notre équipe',
    ht: 'Nou mande yon moun nan ekip nou an',
    pt: 'Pedimos para uma pessoa da nossa equipe',
  };

  it.each(cases)('safety.%s', (category, numbers) => {
    for (const lng of LANGUAGES) {
      const text = strings[lng].get(`safety.${category}`)!;
      const lines = text.split('\n');
      expect(lines[0], `${lng} 911 on the first line`).toContain('911');
      for (const number of numbers) expect(lines.slice(0, 2).join('\n'), lng).toContain(number);
      if (category !== 'followUp') expect(text, lng).toContain(asked[lng]);
    }
  });
});

describe('rendered with i18next', () => {
  const i18n = i18next.createInstance();
  i18n.init({
    resources: { es: { bot: readBot('es') as object }, en: { bot: readBot('en') as object } },
    ns: ['bot'],
    defaultNS: 'bot',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });

  it.each([
    ['es', 1, 'mensajes 1 día solo'],
    ['es', 30, 'mensajes 30 días solo'],
    ['en', 1, 'for 1 day only'],
    ['en', 30, 'for 30 days only'],
  ] as const)('privacy.note in %s for %i days says "%s"', (lng, days, expected) => {
    const text = i18n.getFixedT(lng)('privacy.note', { days });
    expect(text).toContain(expected);
    expect(text).not.toMatch(/\$t\(|\{\{/);
  });

  it.each([
    ['es', 1, 'Puede tardar 1 minuto.'],
    ['es', 15, 'Puede tardar unos 15 minutos.'],
    ['es', 1_000_000, 'Puede tardar unos 1000000 minutos.'],
    ['en', 1, 'It may take 1 minute.'],
    ['en', 15, 'It may take about 15 minutes.'],
  ] as const)('handoff.waiting in %s for %i minutes says "%s"', (lng, count, expected) => {
    const t = i18n.getFixedT(lng);
    expect(t('handoff.waiting', { wait: t('handoff.waitMinutes', { count }) })).toContain(expected);
  });
});
