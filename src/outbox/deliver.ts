import type { Logger } from 'pino';
import type { Channel } from '../channels/inbound-message.ts';
import type { TwilioMediaApi } from '../channels/twilio/media-api.ts';
import { STATUS_RANK } from '../channels/twilio/message-status.ts';
import { SendError } from '../channels/twilio/send-error.ts';
import { errorSummary } from '../engine/engine.ts';
import type { OutboxJob } from '../engine/ports.ts';
import type { AddressCrypto } from '../privacy/address-crypto.ts';
import type { ConversationRecord, ConversationStore, OutboundMessage } from '../store/store.ts';
import type { SendPacer } from './send-pacer.ts';

export interface Sender {
  send(req: {
    channel: Channel;
    to: string;
    body: string;
    /**
     * WhatsApp: a content resource sent instead of the body: a list or buttons, or a re-contact
     * template (src/handoff/recontact.ts).
     */
    contentSid?: string;
    /** A file Twilio fetches and sends with the body (WhatsApp). */
    mediaUrl?: string;
    statusCallback?: string;
  }): Promise<{ sid: string; status: string }>;
  /**
   * Messages the provider created for this address with this body since `since`, oldest first:
   * whether a send with an unknown outcome got there (local senders cannot lose one).
   */
  findSent?(req: {
    channel: Channel;
    to: string;
    body: string;
    since: number;
  }): Promise<Array<{ sid: string; status: string; createdAt: number }>>;
}

/** Another message of the same conversation is being sent; the queue tries this one again shortly. */
export class SendLeaseBusy extends Error {
  override name = 'SendLeaseBusy';
}

/** Twilio's `date_created` has whole seconds and its clock is not ours. */
const CLOCK_SKEW_MS = 10_000;

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
  leaseMs = 30_000,
  leaseWaitMs = 20_000,
  pacer,
  deletions,
  onWindowClosed,
}: {
  /**
   * Twilio refused a staff message because WhatsApp's 24-hour window had closed (63016): true
   * when it was held for the person's next message and a template notice sent instead.
   */
  onWindowClosed?: (conversationId: string, message: OutboundMessage) => Promise<boolean>;
  store: ConversationStore;
  /** Deletes messages and media at Twilio after an erase (none: nothing to delete, no Twilio). */
  deletions?: Pick<TwilioMediaApi, 'deleteResource'>;
  /** Hands each Twilio sender no more than it can send (none: as fast as the queue runs). */
  pacer?: SendPacer;
  /** How long a send lease lasts if its holder dies; longer than a send's timeout. */
  leaseMs?: number;
  /** How long a job waits for a sibling's send before the queue retries it later. */
  leaseWaitMs?: number;
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
  async function deliver(
    job: OutboxJob,
    { finalAttempt }: { finalAttempt: boolean },
  ): Promise<DeliveryResult> {
    const urgent = job.priority === 'safety';
    if (job.kind === 'twilio-delete') return deleteAtTwilio(job.sids);
    if (job.kind === 'ephemeral') {
      await pace({ lane: job.channel, body: job.body, urgent });
      await sender.send({ channel: job.channel, to: crypto.decrypt(job.addressEnc), body: job.body });
      onSent?.({ channel: job.channel, status: 'sent' });
      return 'sent';
    }
    const { conversationId, messageId } = job;
    // One send at a time per conversation: while we hold the lease, no sibling can create a
    // Twilio message we might mistake for ours, and the parts of a long reply leave in turn.
    // On the last try, wait out a dead holder's lease rather than give the message up.
    const waitMs = finalAttempt ? Math.max(leaseWaitMs, leaseMs + 1_000) : leaseWaitMs;
    const begun = await beginSend(conversationId, messageId, waitMs);
    if (!begun) throw new SendLeaseBusy();
    const lease = { held: true };
    try {
      return await deliverStored({ conversationId, messageId, begun, finalAttempt, lease, urgent });
    } finally {
      if (lease.held) await store.releaseSendLease(conversationId, messageId).catch(() => undefined);
    }
  }

  /**
   * Every resource of the job, each on its own: one that fails makes the job throw, and its
   * retry asks again for all (one already gone answers 404, which counts as done).
   */
  async function deleteAtTwilio(sids: string[]): Promise<DeliveryResult> {
    if (!deletions) return 'skipped';
    let failed = 0;
    let last: unknown = null;
    for (const sid of sids) {
      try {
        await deletions.deleteResource(sid);
      } catch (err) {
        failed++;
        last = err;
      }
    }
    if (failed === 0) {
      logger.info({ event: 'twilio_deleted', count: sids.length });
      return 'sent';
    }
    const e = last instanceof SendError ? last : null;
    logger.warn({ event: 'twilio_delete_failed', count: failed, kind: e?.kind, code: e?.twilioCode });
    // Always retried (deleting twice is harmless); the queue gives up after about a day.
    throw new SendError({ kind: 'server_error', detail: `${failed} of ${sids.length} not deleted` });
  }

  /** The outbound SID is kept until the conversation goes, so that an erase deletes it at Twilio. */
  async function keepSid(conversationId: string, record: ConversationRecord, sid: string) {
    const ttlSeconds = Math.max(3600, Math.ceil(((record.expiresAt ?? 0) - Date.now()) / 1000));
    await store.keepTwilioSids(conversationId, [sid], ttlSeconds).catch((err: unknown) => {
      logger.warn({ conversation: conversationId, event: 'keep_sid_failed', err: errorSummary(err) });
    });
  }

  async function beginSend(conversationId: string, messageId: string, waitMs: number) {
    const until = Date.now() + waitMs;
    for (;;) {
      const begun = await store.beginSend(conversationId, messageId, leaseMs, Date.now());
      if (begun || Date.now() >= until) return begun;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits for the sender's turn; the message's time on the sender is reserved meanwhile. */
  async function pace(req: { lane: Channel; body: string; urgent: boolean }) {
    const waitMs = pacer ? await pacer.reserve(req) : 0;
    if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
  }

  async function deliverStored({
    conversationId,
    messageId,
    begun: { record, message },
    finalAttempt,
    lease,
    urgent,
  }: {
    conversationId: string;
    messageId: string;
    begun: { record: ConversationRecord | null; message: OutboundMessage | null };
    finalAttempt: boolean;
    lease: { held: boolean };
    /** A safety reply: handed to Twilio at once, whatever else the sender has to send. */
    urgent: boolean;
  }): Promise<DeliveryResult> {
    if (!record || !message) return 'skipped'; // erased or expired meanwhile
    if (message.status !== 'pending') return 'skipped'; // already handed to Twilio
    if (record.stopped) {
      await store.updateMessage(conversationId, messageId, {
        status: 'canceled',
        error: 'opted_out',
        inFlightSince: null,
      });
      return 'skipped';
    }
    const to = crypto.decrypt(record.addressEnc);
    // The last attempt may have reached Twilio before its worker died or timed out: ask before
    // sending again. Twilio's copy is ours if it has our text, is recent enough, and no other
    // message of ours has claimed it (replies often share a text).
    if (message.inFlightSince && sender.findSent) {
      const candidates = await sender
        .findSent({
          channel: message.channel,
          to,
          body: message.body,
          since: message.inFlightSince - CLOCK_SKEW_MS,
        })
        .catch(() => null);
      // Twilio did not say: better a retry later than a guess now; on the last try, better a
      // second copy than none.
      if (candidates === null && !finalAttempt) {
        throw new SendError({ kind: 'network', detail: 'could not reconcile' });
      }
      for (const found of candidates ?? []) {
        if (!(await store.claimSid(conversationId, found.sid))) continue;
        await store.updateMessage(
          conversationId,
          messageId,
          { status: found.status, sid: found.sid, inFlightSince: null },
          STATUS_RANK,
        );
        if (message.origin === 'bot' && !record.ticketId)
          await store.forgetMessage(conversationId, messageId);
        await keepSid(conversationId, record, found.sid);
        logger.info({ conversation: conversationId, event: 'send_reconciled' });
        return 'sent';
      }
      // Not at Twilio: this attempt is the one in flight now.
      await store.updateMessage(conversationId, messageId, { inFlightSince: Date.now() });
    }
    const statusCallback = statusCallbackBase
      ? `${statusCallbackBase}?c=${encodeURIComponent(conversationId)}&m=${encodeURIComponent(messageId)}`
      : undefined;
    const failed = async (err: unknown): Promise<DeliveryResult> => {
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
      if (e?.kind === 'window_closed' && message.origin === 'staff' && onWindowClosed) {
        const held = await onWindowClosed(conversationId, message).catch(() => false);
        if (held) return 'skipped';
      }
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
    };
    // Holding the send lease while we wait keeps the conversation's later replies behind this one.
    await pace({ lane: message.channel, body: message.body, urgent: urgent || message.safety === true });
    let res: { sid: string; status: string };
    try {
      res = await sender.send({
        channel: message.channel,
        to,
        body: message.body,
        ...(message.contentSid && { contentSid: message.contentSid }),
        ...(message.mediaUrl && { mediaUrl: message.mediaUrl }),
        statusCallback,
      });
    } catch (err) {
      return failed(err);
    }
    // One step: the SID is ours before anyone reconciling a sibling can see it (we hold the lease
    // until then). If it fails, the job is retried (a Redis error is not a send error): it finds
    // the message in flight, and claims the SID then instead of sending again. A bot message
    // outside a ticket needs no status after this: its gist is in the transcript, and keeping
    // every reply's text would make each idle conversation cost kilobytes.
    await store.finishSend(
      conversationId,
      messageId,
      res.sid,
      { status: res.status, sid: res.sid, attempts: message.attempts + 1, error: null, inFlightSince: null },
      { forget: message.origin === 'bot' && !record.ticketId, statusRank: STATUS_RANK },
    );
    lease.held = false;
    await keepSid(conversationId, record, res.sid);
    onSent?.({
      channel: message.channel,
      status: res.status,
      conversationId,
      messageId,
      ticketOpen: Boolean(record.ticketId),
    });
    return 'sent';
  }

  return deliver;
}

export async function markStopped(store: ConversationStore, conversationId: string) {
  for (let i = 0; i < 5; i++) {
    const record = await store.load(conversationId);
    if (!record || record.stopped) return;
    if (await store.saveRecord({ ...record, stopped: true }, record.version, 30 * 86_400)) return;
  }
}
