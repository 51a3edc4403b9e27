import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/build-services.ts';
import { LANGUAGES } from '../../src/channels/inbound-message.ts';
import { createBusinessHours, parseHolidays, parseSchedule } from '../../src/handoff/business-hours.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { countSegments, renderSms } from '../../src/render/index.ts';

/**
 * Out of hours, a safety answer is the emergency message and then the honest "nobody from the
 * team is here now". On SMS both must still arrive as one message of at most 3 GSM-7 segments,
 * with the default schedule, in every language.
 */
const i18n = createI18n({ localesDir: join(ROOT_DIR, 'locales') });
const hours = createBusinessHours({
  schedule: parseSchedule('mon-fri 09:00-18:00; sat 09:00-14:00'),
  holidays: parseHolidays(''),
});
const SAFETY_MESSAGES = [
  'violence',
  'kidnapping',
  'sexual_violence',
  'suicide',
  'trafficking',
  'lost_child',
  'threat',
  'medical_emergency',
  'followUp',
  'afraid',
];

const cases = LANGUAGES.flatMap((lng) => SAFETY_MESSAGES.map((key) => [lng, key] as const));

describe('the out-of-hours safety notice on SMS', () => {
  it.each(cases)('%s safety.%s and the notice fit in one message of 3 segments', (lng, key) => {
    const t = i18n.t(lng);
    const days = i18n.resources(lng, 'bot').handoff as { weekdays: string[] };
    const notice = t('handoff.outOfHoursSafety', { hours: hours.describe(lng, days.weekdays) });
    const { messages } = renderSms(`${t(`safety.${key}`)}\n\n${notice}`, { encoding: 'gsm7' });
    expect(messages).toHaveLength(1);
    const c = countSegments(messages[0]!);
    expect(c.encoding).toBe('GSM-7');
    expect(c.segments).toBeLessThanOrEqual(3);
  });
});
