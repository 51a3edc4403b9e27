import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../../flows/content/topics.ts';
import { loadDirectory } from '../../../flows/directory/load-directory.ts';
import type { Directory } from '../../../flows/directory/schema.ts';
import type { Profile } from '../../../flows/faro/types.ts';
import { CITIES } from '../../../flows/understand/types.ts';
import { ROOT_DIR } from '../../../src/build-services.ts';
import { LANGUAGES } from '../../../src/channels/inbound-message.ts';
import { createManualClock } from '../../../src/engine/clock.ts';
import { createComposeReply } from '../../../src/engine/compose-reply.ts';
import { createServicesText } from '../../../src/engine/services-text.ts';
import { createI18n } from '../../../src/i18n/create-i18n.ts';

const i18n = createI18n({ localesDir: join(ROOT_DIR, 'locales') });
const shipped = loadDirectory(join(ROOT_DIR, 'flows/directory/services.json'));
const onCheckDay = createManualClock(Date.UTC(2026, 11, 3, 12));
const profileIn = (city: Profile['city']): Profile => ({ age: null, alone: null, city });

/** What a person reads when nobody on the team picked up: the flow's NO_ANSWER effects, composed. */
function noAnswerReply(lang: (typeof LANGUAGES)[number], city: Profile['city']): string {
  const compose = createComposeReply({
    i18n,
    topics: TOPICS,
    servicesText: createServicesText({ i18n, rootDir: ROOT_DIR, clock: onCheckDay }),
  });
  return compose(
    [
      { type: 'say', key: 'handoff.noOneYet' },
      { type: 'showServices', kinds: ['legal', 'shelter'] },
    ],
    { lang, profile: profileIn(city) },
  )
    .map((block) => block.text)
    .join('\n\n');
}

describe('services text after "nobody from the team could answer you"', () => {
  const cases = LANGUAGES.flatMap((lang) => CITIES.map((city) => [lang, city] as const));

  it.each(cases)(
    'in %s for %s, never sends them back to the team and lists something to act on',
    (lang, city) => {
      const t = i18n.t(lang);
      const reply = noAnswerReply(lang, city);
      expect(reply).toContain(t('handoff.noOneYet'));
      expect(reply).not.toContain(t('services.askPerson'));
      expect(reply).not.toContain('Una persona del equipo puede buscar contigo');
      // At least one entry: a bold name line after the heading.
      expect(reply.split('\n').filter((line) => /^\*[^*]+\*/.test(line)).length).toBeGreaterThan(0);
    },
  );

  it('offers Tapachula’s places to someone in Huixtla or Ciudad Hidalgo, each saying it is in Tapachula', () => {
    const header = i18n.t('es')('services.header');
    for (const city of ['huixtla', 'ciudad_hidalgo'] as const) {
      const reply = noAnswerReply('es', city);
      const entries = reply.split('\n\n').filter((block) => block.startsWith('*') && block !== header);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) expect(entry).toContain('Tapachula');
      expect(reply).not.toContain(i18n.t('es')('services.none'));
    }
  });

  it('says which nearby city an entry is in when neither its name nor its address does', () => {
    const directory: Directory = {
      cities: shipped.cities,
      services: shipped.services.filter((s) => s.id === 'casa-frida-tapachula'),
    };
    const text = createServicesText({ i18n, rootDir: ROOT_DIR, clock: onCheckDay, directory })({
      lang: 'es',
      kinds: ['shelter'],
      profile: profileIn('huixtla'),
    });
    expect(text).toContain('*Casa Frida (refugio LGBT+)* (Tapachula)');
  });

  it('gives national numbers, saying it has no places there, when nothing is near', () => {
    const directory: Directory = {
      cities: shipped.cities,
      services: shipped.services.filter((s) => s.city === 'national'),
    };
    const text = createServicesText({ i18n, rootDir: ROOT_DIR, clock: onCheckDay, directory })({
      lang: 'es',
      kinds: ['legal', 'shelter'],
      profile: profileIn('villahermosa'),
    });
    expect(text.startsWith(i18n.t('es')('services.none'))).toBe(true);
    expect(text).toContain('*911*');
    expect(text).not.toContain(i18n.t('es')('services.askPerson'));
  });
});

describe('services text and the review date', () => {
  const one = (checked: string): Directory => ({
    cities: shipped.cities,
    services: [
      {
        ...shipped.services.find((s) => s.id === 'emergency-911')!,
        id: 'line',
        name: 'Línea de prueba',
        checked,
        phones: [{ number: '800 123 4567', source: 'https://example.org', checked }],
      },
    ],
  });
  const textOn = (day: number, checked: string) =>
    createServicesText({
      i18n,
      rootDir: ROOT_DIR,
      clock: createManualClock(day),
      directory: one(checked),
    })({ lang: 'es', kinds: ['emergency'], profile: profileIn('tapachula') });

  it('shows a verified entry as certain while it is within its review period', () => {
    expect(textOn(Date.UTC(2026, 6, 10), '2026-01-10')).not.toContain(i18n.t('es')('services.callFirst'));
  });

  it('still shows a verified entry past its review date, but says "call first"', () => {
    const text = textOn(Date.UTC(2026, 6, 11), '2026-01-10');
    expect(text).toContain('*Línea de prueba*');
    expect(text).toContain(i18n.t('es')('services.callFirst'));
  });
});

describe('services text on the asylum "where" screen', () => {
  it('lists the COMAR office of the user’s city, and no other city’s', () => {
    const servicesText = createServicesText({ i18n, rootDir: ROOT_DIR, clock: onCheckDay });
    const where = TOPICS.flatMap((t) => t.screens).find((s) => s.id === 'asylum.where')!;
    expect(where.services?.kinds).toContain('government');
    const text = servicesText({ lang: 'es', kinds: where.services!.kinds, profile: profileIn('tenosique') });
    expect(text).toContain('COMAR Tenosique');
    expect(text).not.toContain('COMAR Tapachula');
    expect(text).not.toMatch(/ACNUR|UNHCR/);
  });
});
