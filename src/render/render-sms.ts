import { appendEllipsis } from './append-ellipsis.ts';
import { countSegments } from './count-segments.ts';
import { toGsm7 } from './gsm7.ts';
import { normalizeText } from './normalize-text.ts';
import type { RenderResult } from './render-result.ts';
import { splitText } from './split-text.ts';
import { stripWhatsAppMarkup } from './strip-whatsapp-markup.ts';

export type SmsEncodingChoice = 'gsm7' | 'unicode';

export interface RenderSmsOptions {
  /** 'gsm7' transliterates to GSM-7 (cheaper: 153 characters a segment instead of 67). */
  encoding: SmsEncodingChoice;
  maxSegmentsPerMessage?: number;
  maxMessages?: number;
}

// Twilio advises keeping a body to 320 GSM-7 characters for delivery; 3 segments is a little more
// and keeps a menu in one message. https://www.twilio.com/docs/glossary/what-sms-character-limit
const DEFAULT_MAX_SEGMENTS = 3;
const DEFAULT_MAX_MESSAGES = 3;

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}

function prepareSmsText(text: string, encoding: SmsEncodingChoice): string {
  const plain = stripWhatsAppMarkup(text.replace(/\r\n?/g, '\n'));
  const encoded = encoding === 'gsm7' ? toGsm7(plain) : plain;
  // Indentation and runs of blanks cost units and mean nothing on a phone's SMS screen.
  return normalizeText(encoded.replace(/[^\S\n]+/g, ' ').replace(/^ +/gm, ''));
}

/**
 * Turns assistant text (WhatsApp markup, blank lines between paragraphs) into SMS bodies that
 * each stay within maxSegmentsPerMessage segments. Empty text gives no message at all, since
 * Twilio refuses an empty body.
 */
export function renderSms(text: string, options: RenderSmsOptions): RenderResult {
  const maxSegments = options.maxSegmentsPerMessage ?? DEFAULT_MAX_SEGMENTS;
  const maxMessages = options.maxMessages ?? DEFAULT_MAX_MESSAGES;
  assertPositiveInteger('maxSegmentsPerMessage', maxSegments);
  assertPositiveInteger('maxMessages', maxMessages);

  const fits = (chunk: string): boolean => countSegments(chunk).segments <= maxSegments;
  const { chunks, overflow } = splitText({
    text: prepareSmsText(text, options.encoding),
    fits,
    maxChunks: maxMessages,
  });
  if (!overflow) return { messages: chunks, truncated: false };
  const last = chunks.length - 1;
  const messages = chunks.map((chunk, index) => (index === last ? appendEllipsis(chunk, fits) : chunk));
  return { messages, truncated: true };
}
