/**
 * What one simulated person writes, message after message: "hola", the language, the three
 * profile questions (adult, with family, Tapachula), then browsing topics by number and by
 * word, back to the menu with "0". Chosen so that no message asks for a person or sounds
 * like danger: a benchmark must not fill the staff queue.
 */
const ONBOARDING = ['hola', '1', '3', '2', '1'];
const BROWSING = [
  '1',
  '1',
  '0',
  'asilo',
  '0',
  '5',
  '0',
  'escuela',
  '0',
  '6',
  '0',
  'salud',
  '0',
  '2',
  '0',
  'menu',
];

/** The body of a sender's `step`-th message (0 is the first). */
export function senderMessage(step: number): string {
  if (step < ONBOARDING.length) return ONBOARDING[step]!;
  return BROWSING[(step - ONBOARDING.length) % BROWSING.length]!;
}

export const ONBOARDING_LENGTH = ONBOARDING.length;
