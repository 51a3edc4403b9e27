import type { Lang } from '../channels/inbound-message.ts';
import { tapPayload } from '../channels/twilio/content/tap-payload.ts';

export interface TapRow {
  /** What a tap sends back as `ButtonPayload` (tap-payload.ts). */
  id: string;
  label: string;
}

/**
 * A message that offers fixed choices, as WhatsApp can show them: rows or buttons under a body.
 * The same message as text (numbered lines) is what SMS gets and what WhatsApp falls back to.
 */
export interface TapChoices {
  /** Names the message for its content resource: `menu`, `screen.asylum.start`, `safety.check`. */
  key: string;
  lang: Lang;
  body: string;
  rows: TapRow[];
  /** The label of the button that opens a list. */
  button: string;
}

const NUMBERED = /^(\d{1,2}) (.+)$/;

/**
 * The numbered lines of a message ("1 Español") become rows; the other lines, in order, its body.
 * Null when the message offers no numbered choice.
 */
export function numberedChoices(text: string): { body: string; rows: TapRow[] } | null {
  const body: string[] = [];
  const rows: TapRow[] = [];
  for (const line of text.split('\n')) {
    const m = NUMBERED.exec(line.trim());
    if (m) rows.push({ id: tapPayload(Number(m[1])), label: m[2]!.trim() });
    else body.push(line);
  }
  if (rows.length === 0) return null;
  return { body: body.join('\n').trim(), rows };
}
