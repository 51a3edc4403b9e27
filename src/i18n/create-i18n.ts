import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { LANGUAGES, type Lang } from '../channels/inbound-message.ts';

export const NAMESPACES = ['bot', 'console'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export interface I18n {
  /** A `t` fixed to one language: no global language switch, safe across conversations. */
  t(lang: Lang, ns?: Namespace): TFunction;
  exists(lang: Lang, key: string, ns?: Namespace): boolean;
  resources(lang: Lang, ns: Namespace): Record<string, unknown>;
}

/**
 * Loads `locales/<lng>/<ns>.json` once, synchronously, at start. Missing keys fall back to
 * Spanish (the source); `onMissingKey` lets tests fail on any missing key.
 */
export function createI18n({
  localesDir,
  onMissingKey,
}: {
  localesDir: string;
  onMissingKey?: (lang: string, key: string) => void;
}): I18n {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lng of LANGUAGES) {
    resources[lng] = {};
    for (const ns of NAMESPACES) {
      const file = join(localesDir, lng, `${ns}.json`);
      resources[lng][ns] = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
        : {};
    }
  }
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources,
    lng: 'es',
    fallbackLng: 'es',
    supportedLngs: [...LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'bot',
    // Messages go to SMS and WhatsApp, not HTML: escaping would show "&lt;" to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: Boolean(onMissingKey),
    missingKeyHandler: onMissingKey ? (lngs, _ns, key) => onMissingKey(lngs.join(','), key) : undefined,
  });
  const fixed = new Map<string, TFunction>();
  return {
    t(lang, ns = 'bot') {
      const id = `${lang}:${ns}`;
      let t = fixed.get(id);
      if (!t) {
        t = instance.getFixedT(lang, ns);
        fixed.set(id, t);
      }
      return t;
    },
    exists: (lang, key, ns = 'bot') => instance.exists(key, { lng: lang, ns, fallbackLng: false }),
    resources: (lang, ns) => resources[lang]?.[ns] ?? {},
  };
}
