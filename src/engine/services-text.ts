import { join } from 'node:path';
import { findServices } from '../../flows/directory/find-services.ts';
import { loadDirectory } from '../../flows/directory/load-directory.ts';
import type { Lang } from '../channels/inbound-message.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { ServicesText } from './compose-reply.ts';

const MAX_ENTRIES = 3;

/**
 * Directory entries for the user's city as short text. Unverified entries always carry
 * "call first to confirm"; a number is never shown as certain when the reference doubts it.
 */
export function createServicesText({ i18n, rootDir }: { i18n: I18n; rootDir: string }): ServicesText {
  const directory = loadDirectory(join(rootDir, 'flows/directory/services.json'));
  return ({ lang, kinds, profile }) => {
    const t = i18n.t(lang as Lang);
    const city = profile.city && profile.city !== 'other' ? profile.city : undefined;
    const serves = profile.alone && profile.age !== 'adult' ? 'children_alone' : undefined;
    const found = findServices(directory, { city, kinds, serves });
    const entries = found.services.slice(0, MAX_ENTRIES);
    const lines: string[] = [];
    if (!city) lines.push(t('services.askCity'));
    else if (entries.length === 0) lines.push(t('services.askPerson'));
    else if (!entries.some((s) => s.city === city)) lines.push(t('services.none'));
    for (const s of entries) {
      const parts = [`*${s.name}*`];
      for (const p of s.phones.slice(0, 1)) parts.push(t('services.phone', { phone: p.number }));
      if (s.address) parts.push(t('services.address', { address: s.address }));
      if (s.hours) parts.push(t('services.hours', { hours: s.hours }));
      // Never shown as certain: with a number, call first; without one, check before going.
      if (!s.verified) parts.push(t(s.phones.length > 0 ? 'services.callFirst' : 'services.confirmFirst'));
      lines.push(parts.join('\n'));
    }
    return lines.join('\n\n');
  };
}
