import { randomUUID } from 'node:crypto';
import type { Channel } from '../channels/inbound-message.ts';
import { WHATSAPP_WINDOW_MS } from '../console/ticket-access.ts';
import type { Outbox } from '../engine/ports.ts';
import type { Ticket } from '../handoff/ticket.ts';
import type { TicketPublisher } from '../handoff/ticket-events.ts';
import type { ConversationRecord, ConversationStore, TranscriptEntry } from '../store/store.ts';
import { newOutbound } from '../store/store.ts';

export type SendToPerson = ReturnType<typeof createSendToPerson>;

export type SendRefusal = 'gone' | 'opted_out' | 'window_closed';

/**
 * A message to the person outside a flow step (a case code, a consent question, a word after
 * closing), through the outbox like a staff reply. `shown` is what the transcript keeps when
 * the text itself must not be stored (a PIN).
 */
export function createSendToPerson(d: {
  store: Pick<ConversationStore, 'load' | 'addOutbound' | 'ackOutbound' | 'appendTranscript'>;
  outbox: Pick<Outbox, 'enqueue'>;
  publish: Pick<TicketPublisher, 'transcript'>;
  render: (channel: Channel, text: string) => string[];
  retentionSeconds: (record: ConversationRecord) => number;
  now: () => number;
}) {
  /** Why nothing can be sent to this conversation now, or null. */
  function refusal(record: ConversationRecord | null, now: number): SendRefusal | null {
    if (!record) return 'gone';
    if (record.stopped) return 'opted_out';
    if (record.channel === 'whatsapp' && now >= record.lastInboundAt + WHATSAPP_WINDOW_MS)
      return 'window_closed';
    return null;
  }

  return {
    refusal,
    /**
     * A message that must not be stored (it holds a PIN): sent as an ephemeral outbox job,
     * which is dropped once sent; the transcript keeps `shown` instead, without a status.
     */
    async sendSecret({
      ticket,
      text,
      shown,
      screen,
    }: {
      ticket: Ticket;
      text: string;
      shown: string;
      screen: string;
    }) {
      const now = d.now();
      const conversationId = ticket.conversationId;
      const record = conversationId ? await d.store.load(conversationId) : null;
      const why = refusal(record, now);
      if (why || !record || !conversationId)
        return { sent: false as const, reason: why ?? ('gone' as const) };
      const id = randomUUID().replaceAll('-', '');
      const bodies = d.render(record.channel, text);
      await d.outbox.enqueue(
        bodies.map((body, i) => ({
          kind: 'ephemeral' as const,
          id: `case-${id}-${i}`,
          channel: record.channel,
          addressEnc: record.addressEnc,
          from: record.to,
          body,
        })),
      );
      const entry: TranscriptEntry = { at: now, from: 'system', text: shown, screen };
      await d.store.appendTranscript(conversationId, [entry], d.retentionSeconds(record));
      await d.publish.transcript(ticket, [entry]);
      return { sent: true as const };
    },
    async send({
      ticket,
      text,
      shown,
      origin,
      author,
      screen,
      live = true,
      hold = false,
    }: {
      ticket: Ticket;
      text: string;
      shown?: string;
      origin: 'staff' | 'system';
      author?: string;
      screen?: string;
      /** Tell open consoles (false for a closed ticket: its view is re-read). */
      live?: boolean;
      /**
       * After WhatsApp's 24-hour window: store the message as `held` instead of sending it; the
       * caller has the re-contact template sent (src/handoff/recontact.ts) and the engine
       * delivers it when the person next writes.
       */
      hold?: boolean;
    }): Promise<
      | { sent: true; held: boolean; id: string; ids: string[]; entries: TranscriptEntry[] }
      | { sent: false; reason: SendRefusal }
    > {
      const now = d.now();
      const conversationId = ticket.conversationId;
      const record = conversationId ? await d.store.load(conversationId) : null;
      const refused = refusal(record, now);
      const held = hold && refused === 'window_closed';
      const why = held ? null : refused;
      if (why || !record || !conversationId) return { sent: false, reason: why ?? 'gone' };
      const base = `${origin}-${randomUUID()}`;
      const parts = d.render(record.channel, text);
      const entries: TranscriptEntry[] = [];
      for (const [i, body] of parts.entries()) {
        const id = parts.length === 1 ? base : `${base}.${i}`;
        const message = newOutbound({
          id,
          conversationId,
          channel: record.channel,
          body,
          origin,
          now,
          status: held ? 'held' : 'pending',
          ...(author ? { author } : {}),
          ...(held && { heldAt: now }),
        });
        // A hidden text is one transcript line for the whole message, on its first part.
        const entry: TranscriptEntry | null =
          shown !== undefined && i > 0
            ? null
            : {
                at: now,
                from: origin === 'staff' ? 'staff' : 'system',
                text: shown ?? body,
                messageId: id,
                ...(author ? { author } : {}),
                ...(screen ? { screen } : {}),
              };
        await d.store.addOutbound(message, entry, d.retentionSeconds(record));
        if (entry) entries.push(entry);
      }
      const ids = parts.map((_, i) => (parts.length === 1 ? base : `${base}.${i}`));
      if (held) return { sent: true, held, id: ids[0]!, ids, entries };
      await d.outbox.enqueue(
        ids.map((messageId) => ({ kind: 'stored', conversationId, messageId, channel: record.channel })),
      );
      await d.store.ackOutbound(conversationId, ids);
      if (live)
        await d.publish.transcript(
          ticket,
          entries.map((e) => ({ ...e, status: 'pending' })),
        );
      return { sent: true, held, id: ids[0]!, ids, entries };
    },
  };
}
