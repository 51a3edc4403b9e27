import type { Logger } from 'pino';
import { openJson, openOrPlain, SealError, type Sealer, sealJson } from '../../privacy/seal.ts';
import type { ConversationRecord, OutboundMessage, StoredInbound, TranscriptEntry } from '../store.ts';

const FROM_CODES = { user: 'u', bot: 'b', staff: 's', system: 'y' } as const;
const FROM_NAMES = Object.fromEntries(Object.entries(FROM_CODES).map(([k, v]) => [v, k])) as Record<
  string,
  TranscriptEntry['from']
>;

/** What a transcript line shows when its text cannot be opened (a key missing from the keyring). */
export const UNREADABLE = '[unreadable: sealed under a key Faro does not have]';

/**
 * How a conversation's values look in Redis. What a person or staff wrote is sealed
 * (src/privacy/seal.ts); what the Lua scripts read stays in clear beside it: an inbox entry's id
 * (`{"id":…,"s":<sealed rest>}`), a message's status and attempts (its `body` is sealed), a
 * transcript line's time and author (`[at, from, <sealed text>, extras?]`). A record is
 * `<version>|<sealed JSON>`. Values written before sealing are read as they are.
 */
export function createStoreCodec(sealer: Pick<Sealer, 'seal' | 'open'>, logger?: Pick<Logger, 'warn'>) {
  return {
    /** The record's JSON without what the key and the version prefix already say, sealed. */
    encodeRecord(record: ConversationRecord): string {
      const { id: _id, version: _version, ...rest } = record;
      return sealer.seal(JSON.stringify(rest));
    },
    decodeRecord(id: string, raw: string): ConversationRecord {
      const bar = raw.indexOf('|');
      const rest = openJson<Omit<ConversationRecord, 'id' | 'version'>>(sealer, raw.slice(bar + 1));
      return { ...rest, id, version: Number(raw.slice(0, bar)) };
    },

    /**
     * A transcript entry as a JSON array (`[at, from, text, extras?]`): the field names of a
     * dozen entries would otherwise be a tenth of an idle conversation's bytes.
     */
    encodeEntry(e: TranscriptEntry): string {
      const { at, from, text, media, ...rest } = e;
      // What the person sent (media ids and types) is sealed like the text; the rest (screen,
      // author, message id) is Faro's own bookkeeping.
      const extras = media?.length ? { ...rest, m: sealJson(sealer, media) } : rest;
      const row: unknown[] = [at, FROM_CODES[from], sealer.seal(text)];
      if (Object.values(extras).some((v) => v !== undefined)) row.push(extras);
      return JSON.stringify(row);
    },
    /** One line that cannot be opened does not hide the rest of the transcript. */
    decodeEntry(raw: string): TranscriptEntry {
      const parsed = JSON.parse(raw) as unknown;
      if (!Array.isArray(parsed)) return parsed as TranscriptEntry; // written before the compact form
      const [at, from, text, stored] = parsed as [
        number,
        string,
        string,
        (Partial<TranscriptEntry> & { m?: string })?,
      ];
      const { m, ...extras } = stored ?? {};
      let plain: string;
      try {
        plain = openOrPlain(sealer, text);
      } catch (err) {
        if (!(err instanceof SealError)) throw err;
        logger?.warn({ event: 'transcript_line_unreadable', reason: err.reason });
        plain = UNREADABLE;
      }
      let media: TranscriptEntry['media'];
      try {
        media = m === undefined ? undefined : openJson<NonNullable<TranscriptEntry['media']>>(sealer, m);
      } catch (err) {
        if (!(err instanceof SealError)) throw err;
        media = undefined;
      }
      return { at, from: FROM_NAMES[from] ?? 'system', text: plain, ...extras, ...(media && { media }) };
    },

    /** The id stays in clear (dedupe, the commit's head check); the rest is sealed. */
    encodeInbound(inbound: StoredInbound): string {
      const { id, ...rest } = inbound;
      return JSON.stringify({ id, s: sealer.seal(JSON.stringify(rest)) });
    },
    decodeInbound(raw: string): StoredInbound {
      const parsed = JSON.parse(raw) as { id: string; s?: string; flooded?: number };
      if (typeof parsed.s !== 'string') return parsed as unknown as StoredInbound;
      const rest = openJson<Omit<StoredInbound, 'id'>>(sealer, parsed.s);
      return {
        ...rest,
        id: parsed.id,
        ...(parsed.flooded !== undefined && { flooded: parsed.flooded }),
      };
    },

    /**
     * Only the body is sealed: the Lua scripts patch status, attempts and the send lease. The
     * conversation id is the key's (a value never holds the hash of a number).
     */
    encodeMessage(m: OutboundMessage): string {
      const { conversationId: _id, ...rest } = m;
      return JSON.stringify({ ...rest, body: sealer.seal(m.body) });
    },
    decodeMessage(conversationId: string, raw: string): OutboundMessage {
      const m = JSON.parse(raw) as Omit<OutboundMessage, 'conversationId'>;
      return { ...m, conversationId, body: openOrPlain(sealer, m.body) };
    },
  };
}
