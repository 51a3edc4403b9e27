import type { RenderResult } from './render-result.ts';
import { renderSms, type SmsEncodingChoice } from './render-sms.ts';
import { renderWhatsApp } from './render-whatsapp.ts';

export type RenderChannel = 'sms' | 'whatsapp';

export interface RenderForChannelInput {
  channel: RenderChannel;
  text: string;
  /** Ignored on WhatsApp. Defaults to 'gsm7': a Spanish SMS costs about half as many segments. */
  smsEncoding?: SmsEncodingChoice;
  maxMessages?: number;
  maxSegmentsPerMessage?: number;
}

export function renderForChannel(input: RenderForChannelInput): RenderResult {
  if (input.channel === 'whatsapp') {
    return renderWhatsApp(input.text, { maxMessages: input.maxMessages });
  }
  return renderSms(input.text, {
    encoding: input.smsEncoding ?? 'gsm7',
    maxMessages: input.maxMessages,
    maxSegmentsPerMessage: input.maxSegmentsPerMessage,
  });
}
