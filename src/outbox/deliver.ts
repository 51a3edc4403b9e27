import type { Logger } from 'pino';
import type { Channel } from '../channels/inbound-message.ts';
import { STATUS_RANK } from '../channels/twilio/message-status.ts';
import { SendError } from '../channels/twilio/send-error.ts';
import { errorSummary } from '../engine/engine.ts';
import type { OutboxJob } from '../engine/ports.ts';
import type { AddressCrypto } from '../privacy/address-crypto.ts';
import type { ConversationStore } from '../store/store.ts';

export interface Sender {
  send(req: {
    channel: Channel;
    to: string;
    body: string;
    statusCallback?: string;
  }): Promise<{ sid: string; status: string }>;
  /** Whether a send with an unknown outcome reached the provider (local senders cannot lose one). */
  findSent?(req: {
    channel: Channel;
    to: string;
    body: string;
    since: number;
  }): Promise<{ sid: string; status: string } | null>;
}

export type DeliveryResult = 'sent' | 'skipped' | 'failed';

/**
 * Sends one outbox job. Retryable failures throw (the queue retries with backoff); final
 * ones mark the message failed. 21610 (the user opted out) stops the conversation until
 * the user writes again.
 */
export function createDeliver({
  store,
  sender,
  crypto,
  statusCallbackBase,
  logger,
  onSent,
  onRetry,
}: {
  store: ConversationStore;
  sender: Sender;
  crypto: AddressCrypto;
  /** `${PUBLIC_BASE_URL}/webhooks/twilio/status`, or null to ask for no callbacks. */
  statusCallbackBase: string | null;
  logger: Logger;
  /** A retryable failure that the queue will try again (metrics). */
  onRetry?: (info: { channel: Channel }) => void;
  /** `ticketOpen`: the conversation had a ticket when the message went out (live status for staff). */
  onSent?: (info: {
    channel: Channel;
    status: string;
    conversationId?: string;
    messageId?: string;
    ticketOpen?: boolean;
  }) => void;
}) {
  return async function deliver(
    job: OutboxJob,
    { finalAttempt }: { finalAttempt: boolean },
  ): Promise<DeliveryResult> {
    if (job.kind === 'ephemeral') {
      await sender.send({ channel: job.channel, to: crypto.decrypt(job.addressEnc), body: job.body });
      onSent?.({ channel: job.channel, status: 'sent' });
      return 'sent';
    }
    const { conversationId, messageId } = job;
    const [record, message] = await Promise.all([
      store.load(conversationId),
      store.getMessage(conversationId, messageId),
    ]);
    if (!record || !message) return 'skipped'; // erased or expired meanwhile
    if (message.status !== 'pending') return 'skipped'; // already handed to Twilio
    if (record.stopped) {
      await store.updateMessage(conversationId, messageId, { status: 'canceled', error: 'opted_out' });
      return 'skipped';
    }
    const to = crypto.decrypt(record.addressEnc);
    // The last attempt may have reached Twilio before its worker died or timed out: ask before sending again.
    if (message.inFlightSince && sender.findSent) {
      const found = await sender
        .findSent({ channel: message.channel, to, body: message.body, since: message.inFlightSince })
        .catch(() => null);
      if (found) {
        await store.updateMessage(
          conversationId,
          messageId,
          { status: found.status, sid: found.sid, inFlightSince: null },
          STATUS_RANK,
        );
        logger.info({ conversation: conversationId, event: 'send_reconciled' });
        return 'sent';
      }
    }
    await store.updateMessage(conversationId, messageId, { inFlightSince: Date.now() });
    const statusCallback = statusCallbackBase
      ? `${statusCallbackBase}?c=${encodeURIComponent(conversationId)}&m=${encodeURIComponent(messageId)}`
      : undefined;
    try {
      const res = await sender.send({
        channel: message.channel,
        to,
        body: message.body,
        statusCallback,
      });
      await store.updateMessage(
        conversationId,
        messageId,
        {
          status: res.status,
          sid: res.sid,
          attempts: message.attempts + 1,
          error: null,
          inFlightSince: null,
        },
        STATUS_RANK,
      );
      // A bot message outside a ticket needs no status after this: its gist is in the transcript,
      // and keeping every reply's text would make each idle conversation cost kilobytes.
      if (message.origin === 'bot' && !record.ticketId) await store.forgetMessage(conversationId, messageId);
      onSent?.({
        channel: message.channel,
        status: res.status,
        conversationId,
        messageId,
        ticketOpen: Boolean(record.ticketId),
      });
      return 'sent';
    } catch (err) {
      const e = err instanceof SendError ? err : null;
      const kind = e?.kind ?? 'unknown';
      logger.warn({
        conversation: conversationId,
        event: 'send_failed',
        kind,
        code: e?.twilioCode,
        finalAttempt,
      });
      if (e?.kind === 'opted_out') await markStopped(store, conversationId);
      // Only a timeout or a broken connection leaves the outcome unknown; any answer from Twilio is definite.
      const unknown = e?.kind === 'timeout' || e?.kind === 'network';
      if (e?.retryable && !finalAttempt) {
        onRetry?.({ channel: message.channel });
        await store.updateMessage(conversationId, messageId, {
          attempts: message.attempts + 1,
          error: kind,
          ...(unknown ? {} : { inFlightSince: null }),
        });
        throw err;
      }
      await store.updateMessage(
        conversationId,
        messageId,
        { status: 'failed', attempts: message.attempts + 1, error: kind },
        STATUS_RANK,
      );
      onSent?.({
        channel: message.channel,
        status: 'failed',
        conversationId,
        messageId,
        ticketOpen: Boolean(record.ticketId),
      });
      if (!e) logger.error({ conversation: conversationId, event: 'send_error', err: errorSummary(err) });
      return 'failed';
    }
  };
}

export async function markStopped(store: ConversationStore, conversationId: string) {
  for (let i = 0; i < 5; i++) {
    const record = await store.load(conversationId);
    if (!record || record.stopped) return;
    if (await store.saveRecord({ ...record, stopped: true }, record.version, 30 * 86_400)) return;
  }
}
