import { readFileSync } from 'node:fs';

/** The bot locales this content ships; others are added by translators with the same keys. */
export const LANGUAGES = ['es', 'en', 'fr', 'ht', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (typeof value === 'string') {
    into.set(prefix, value);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    throw new TypeError(`${prefix} is neither a string nor an object`);
  }
  return into;
}

export function readBot(lng: Language): unknown {
  return JSON.parse(readFileSync(new URL(`../../../locales/${lng}/bot.json`, import.meta.url), 'utf8'));
}

/** Every string of `locales/<lng>/bot.json`, by dotted key. */
export function botStrings(lng: Language): Map<string, string> {
  return flatten(readBot(lng), '', new Map());
}

/** `handoff.waitMinutes_one` → `handoff.waitMinutes`; other keys are returned as they are. */
export function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

export function pluralForm(key: string): string | null {
  return PLURAL_SUFFIX.exec(key)?.[1] ?? null;
}

/** Looks a key up as i18next would: the key itself, or its plural forms. */
export function hasKey(strings: Map<string, string>, key: string): boolean {
  return strings.has(key) || [...strings.keys()].some((k) => baseKey(k) === key && k !== key);
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

/** What the SMS renderer does to length: á → a, ç → c (it also drops *markup*, not counted here). */
export function smsLength(text: string): number {
  return [...text.normalize('NFKD').replace(/\p{M}/gu, '')].length;
}
