import { appendEllipsis } from './append-ellipsis.ts';
import { normalizeText } from './normalize-text.ts';
import type { RenderResult } from './render-result.ts';
import { splitText } from './split-text.ts';

export interface RenderWhatsAppOptions {
  maxMessages?: number;
}

// Twilio rejects a Body over 1,600 characters (error 21617); counted in UTF-16 code units, the
// stricter reading, so an emoji costs 2. https://www.twilio.com/docs/api/errors/21617
export const WHATSAPP_MAX_BODY_LENGTH = 1600;
const DEFAULT_MAX_MESSAGES = 3;

const fits = (chunk: string): boolean => chunk.length <= WHATSAPP_MAX_BODY_LENGTH;

/**
 * Keeps WhatsApp markup and splits at paragraph boundaries (then lines, then words, for a
 * paragraph over the limit) into at most maxMessages bodies. Empty text gives no message.
 */
export function renderWhatsApp(text: string, options: RenderWhatsAppOptions = {}): RenderResult {
  const maxMessages = options.maxMessages ?? DEFAULT_MAX_MESSAGES;
  if (!Number.isInteger(maxMessages) || maxMessages < 1) {
    throw new RangeError(`maxMessages must be a positive integer, got ${maxMessages}`);
  }
  const { chunks, overflow } = splitText({ text: normalizeText(text), fits, maxChunks: maxMessages });
  if (!overflow) return { messages: chunks, truncated: false };
  const last = chunks.length - 1;
  const messages = chunks.map((chunk, index) => (index === last ? appendEllipsis(chunk, fits) : chunk));
  return { messages, truncated: true };
}
