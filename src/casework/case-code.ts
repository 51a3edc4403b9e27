import { randomInt } from 'node:crypto';

/**
 * Case codes are read aloud and written on paper: no vowels (no words, rude or otherwise),
 * none of the characters people confuse (0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B, U/V) and every
 * one of them said the same way in the five languages' alphabets.
 */
export const CODE_ALPHABET = '3479CFHJKMPRTWX';
const CODE_LENGTH = 6;
export const PIN_LENGTH = 4;

/** "K7C-4PW": two groups of three, always with a letter and a digit. */
export function generateCode(): string {
  for (;;) {
    let raw = '';
    for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (/\d/.test(raw) && /[A-Z]/.test(raw)) return formatCode(raw);
  }
}

export function generatePin(): string {
  return String(randomInt(10 ** PIN_LENGTH)).padStart(PIN_LENGTH, '0');
}

export const formatCode = (raw: string) => `${raw.slice(0, 3)}-${raw.slice(3)}`;

/** Words people may write before the code ("caso K7C-4PW", "kòd …"). */
const LEAD_WORDS = /^(?:caso|case|cas|ka|kaz|dosye|codigo|código|code|kod|kòd|codigo de caso)\s*:?\s*/i;

/**
 * The code and, if it follows in the same message, the PIN: "k7c 4pw", "K7C-4PW 0482",
 * "caso K7C4PW". Null when the message is anything else, so ordinary text never matches.
 */
export function readCaseCode(text: string): { code: string; pin: string | null } | null {
  const trimmed = text.trim().replace(LEAD_WORDS, '');
  const m = /^([a-z0-9]{3})[\s.-]?([a-z0-9]{3})(?:[\s,.;:/-]+(\d{4}))?[.!]?$/i.exec(trimmed);
  if (!m) return null;
  const raw = `${m[1]}${m[2]}`.toUpperCase();
  if (![...raw].every((c) => CODE_ALPHABET.includes(c))) return null;
  if (!/\d/.test(raw) || !/[A-Z]/.test(raw)) return null;
  return { code: formatCode(raw), pin: m[3] ?? null };
}

/** A PIN alone: exactly four digits (spaces between them allowed). */
export function readPin(text: string): string | null {
  const digits = text.trim().replace(/[\s.-]/g, '');
  return /^\d{4}$/.test(digits) ? digits : null;
}
