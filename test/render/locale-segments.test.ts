import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../flows/content/topics.ts';
import { LANGUAGES } from '../../src/channels/inbound-message.ts';
import { createComposeReply } from '../../src/engine/compose-reply.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { countSegments, renderSms } from '../../src/render/index.ts';

/**
 * What every SMS costs, counted as Twilio counts after the GSM-7 conversion Faro does by
 * default: a menu fits in 2 segments, any single reply in 3 (one message).
 */
const i18n = createI18n({ localesDir: join(import.meta.dirname, '../../locales') });
const compose = createComposeReply({ i18n, topics: TOPICS, servicesText: () => '' });
const PARAMS = {
  days: 30,
  count: 15,
  wait: 'unos 15 minutos',
  hours: 'lunes a viernes de 9:00 a 18:00 y sábados de 9:00 a 14:00',
  phone: '962 147 2928',
  address: 'Centro Multiservicios, Libramiento Sur, Tapachula',
};
const TWO_SEGMENTS = new Set(['menu', 'welcome', 'language.choose']);
const profile = { age: null, alone: null, city: null };

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix.replace(/_(one|many|other|few|two|zero)$/, '')];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keysOf(v, prefix ? `${prefix}.${k}` : k),
  );
}

const rows: Array<{ lng: string; key: string; segments: number; chars: number }> = [];

describe.each(LANGUAGES)('SMS cost in %s', (lng) => {
  const t = i18n.t(lng);
  const keys = [...new Set(keysOf(i18n.resources('es', 'bot')))].filter((k) => !k.startsWith('topics.'));

  it.each(keys)(`"%s" fits its budget`, (key) => {
    const text = t(key, PARAMS);
    const { messages } = renderSms(text, { encoding: 'gsm7' });
    expect(messages).toHaveLength(1);
    const c = countSegments(messages[0]!);
    rows.push({ lng, key, segments: c.segments, chars: c.units });
    expect(c.encoding).toBe('GSM-7');
    expect(c.segments).toBeLessThanOrEqual(TWO_SEGMENTS.has(key) ? 2 : 3);
  });

  it.each(TOPICS.flatMap((tp) => tp.screens.map((s) => s.id)))(
    'screen %s fits in one message of 3 segments',
    (id) => {
      const [block] = compose([{ type: 'showScreen', id }], { lang: lng, profile });
      const { messages } = renderSms(block!.text, { encoding: 'gsm7' });
      expect(messages).toHaveLength(1);
      const c = countSegments(messages[0]!);
      rows.push({ lng, key: `screen ${id}`, segments: c.segments, chars: c.units });
      expect(c.segments).toBeLessThanOrEqual(3);
    },
  );
});

describe('the longest SMS', () => {
  it('are printed for review', () => {
    const top = [...rows].sort((a, b) => b.chars - a.chars).slice(0, 12);
    console.log(`\nLongest SMS after GSM-7 conversion (of ${rows.length}):`);
    console.table(top);
    expect(rows.length).toBeGreaterThan(LANGUAGES.length * 100);
  });
});
