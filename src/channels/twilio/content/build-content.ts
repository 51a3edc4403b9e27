import { createHash } from 'node:crypto';
import type { TapChoices } from '../../../engine/tap-choices.ts';

/**
 * Twilio's and WhatsApp's limits for session lists and buttons, checked 2026-12-03:
 * https://www.twilio.com/docs/content/twiliolist-picker and
 * https://www.twilio.com/docs/content/twilio-quick-reply (3 buttons in a session; Meta caps a
 * button title at 20 characters). A `twilio/text` body is a message body: 1,600 characters.
 */
export const CONTENT_LIMITS = {
  body: 1024,
  text: 1600,
  button: 20,
  listItems: 10,
  listTitle: 24,
  listDescription: 72,
  listId: 200,
  quickReplies: 3,
  quickReplyTitle: 20,
  quickReplyId: 200,
} as const;

export interface ListItem {
  id: string;
  item: string;
  description?: string;
}

export interface ContentTypes {
  'twilio/text': { body: string };
  'twilio/list-picker'?: { body: string; button: string; items: ListItem[] };
  'twilio/quick-reply'?: { body: string; actions: Array<{ id: string; title: string }> };
}

/** The body of `POST /v1/Content`. */
export interface ContentDefinition {
  friendly_name: string;
  language: string;
  variables: Record<string, string>;
  types: ContentTypes;
}

/** Characters as WhatsApp counts them (code points, so an accent or an emoji is one). */
const length = (text: string) => [...text].length;

/** A label cut at a word to fit, with an ellipsis; the whole label then goes in the description. */
export function shorten(label: string, max: number, { tidy = true } = {}): string {
  if (length(label) <= max) return label;
  const chars = [...label].slice(0, max - 1).join('');
  const space = chars.lastIndexOf(' ');
  if (space <= max / 2) return `${chars.trimEnd()}…`;
  // Cut at a word, and not after a small one: "Un lugar seguro…", not "Un lugar seguro para…".
  const words = chars.slice(0, space).split(' ');
  const small = (w: string) => !/\d/.test(w) && length(w.replace(/[^\p{L}\p{N}]/gu, '')) <= 3;
  while (tidy && words.length > 2 && small(words.at(-1)!)) words.pop();
  return `${words.join(' ').replace(/[\s,;:.(-]+$/u, '')}…`;
}

/** Row titles that fit, and differ from each other ("Menos de 18, sin mi…", "Menos de 18, con mi…"). */
function rowTitles(labels: string[]): string[] {
  const max = CONTENT_LIMITS.listTitle;
  const titles = labels.map((l) => shorten(l, max));
  const clash = (i: number) => titles.filter((t) => t === titles[i]).length > 1;
  const plain = titles.map((t, i) => (clash(i) ? shorten(labels[i]!, max, { tidy: false }) : t));
  return plain.map((t, i) =>
    plain.filter((x) => x === t).length > 1 ? `${i + 1}. ${shorten(labels[i]!, max - 3)}` : t,
  );
}

/**
 * The content resource for a message with choices: quick-reply buttons when there are at most
 * three short ones, else a list; always with the numbered text as `twilio/text`, so a channel
 * that cannot show the rich type gets what SMS gets. Null when it cannot fit WhatsApp's limits
 * (the message then goes as text). The friendly name carries a hash of the whole resource: a
 * changed text is a new resource, an unchanged one is found again.
 */
export function buildContent(choices: TapChoices, text: string): ContentDefinition | null {
  const { rows, lang } = choices;
  const body = choices.body.trim();
  if (!body || length(body) > CONTENT_LIMITS.body || length(text) > CONTENT_LIMITS.text) return null;
  if (rows.length === 0 || rows.length > CONTENT_LIMITS.listItems) return null;
  if (new Set(rows.map((r) => r.id)).size !== rows.length) return null;
  const types: ContentTypes = { 'twilio/text': { body: text } };
  if (
    rows.length <= CONTENT_LIMITS.quickReplies &&
    rows.every((r) => length(r.label) <= CONTENT_LIMITS.quickReplyTitle)
  ) {
    types['twilio/quick-reply'] = { body, actions: rows.map((r) => ({ id: r.id, title: r.label })) };
  } else {
    if (length(choices.button) > CONTENT_LIMITS.button || !choices.button.trim()) return null;
    types['twilio/list-picker'] = {
      body,
      button: choices.button,
      items: rowTitles(rows.map((r) => r.label)).map((item, i) => {
        const r = rows[i]!;
        return item === r.label
          ? { id: r.id, item }
          : { id: r.id, item, description: shorten(r.label, CONTENT_LIMITS.listDescription) };
      }),
    };
  }
  const hash = createHash('sha256').update(JSON.stringify({ lang, types })).digest('hex').slice(0, 12);
  const slug = choices.key.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 40);
  return { friendly_name: `faro_${slug}_${lang}_${hash}`, language: lang, variables: {}, types };
}

/** Every limit a resource breaks, named; empty when it fits. Independent of how it was built. */
export function contentProblems(def: ContentDefinition): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(`${def.friendly_name}: ${what}`);
  check(length(def.types['twilio/text'].body) <= CONTENT_LIMITS.text, 'text body over 1600');
  const list = def.types['twilio/list-picker'];
  if (list) {
    check(length(list.body) <= CONTENT_LIMITS.body, 'list body over 1024');
    check(length(list.button) <= CONTENT_LIMITS.button, `button "${list.button}" over 20`);
    check(list.items.length >= 1 && list.items.length <= CONTENT_LIMITS.listItems, 'not 1–10 rows');
    for (const i of list.items) {
      check(length(i.item) <= CONTENT_LIMITS.listTitle, `row "${i.item}" over 24`);
      check(
        length(i.description ?? '') <= CONTENT_LIMITS.listDescription,
        `description of "${i.item}" over 72`,
      );
      check(length(i.id) <= CONTENT_LIMITS.listId, `id "${i.id}" over 200`);
    }
    check(new Set(list.items.map((i) => i.id)).size === list.items.length, 'row ids repeat');
    check(new Set(list.items.map((i) => i.item)).size === list.items.length, 'row titles repeat');
  }
  const quick = def.types['twilio/quick-reply'];
  if (quick) {
    check(length(quick.body) <= CONTENT_LIMITS.body, 'quick-reply body over 1024');
    check(
      quick.actions.length >= 1 && quick.actions.length <= CONTENT_LIMITS.quickReplies,
      'not 1–3 buttons',
    );
    for (const a of quick.actions) {
      check(length(a.title) <= CONTENT_LIMITS.quickReplyTitle, `button "${a.title}" over 20`);
      check(length(a.id) <= CONTENT_LIMITS.quickReplyId, `id "${a.id}" over 200`);
    }
  }
  check(Boolean(list) !== Boolean(quick), 'needs exactly one of list-picker and quick-reply');
  return problems;
}
