export { appendEllipsis, ELLIPSIS } from './append-ellipsis.ts';
export { countSegments, SEGMENT_LIMITS, type SegmentCount, type SmsEncodingName } from './count-segments.ts';
export {
  GSM7_BASIC_CHARS,
  GSM7_EXTENSION_CHARS,
  isGsm7,
  isGsm7Char,
  isGsm7ExtensionChar,
  toGsm7,
} from './gsm7.ts';
export { normalizeText } from './normalize-text.ts';
export { type RenderChannel, type RenderForChannelInput, renderForChannel } from './render-for-channel.ts';
export type { RenderResult } from './render-result.ts';
export { type RenderSmsOptions, renderSms, type SmsEncodingChoice } from './render-sms.ts';
export { type RenderWhatsAppOptions, renderWhatsApp, WHATSAPP_MAX_BODY_LENGTH } from './render-whatsapp.ts';
export { type SplitTextInput, type SplitTextResult, splitText } from './split-text.ts';
export { stripWhatsAppMarkup } from './strip-whatsapp-markup.ts';
