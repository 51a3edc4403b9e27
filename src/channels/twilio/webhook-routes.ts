import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Engine } from '../../engine/engine.ts';
import { errorSummary } from '../../engine/engine.ts';
import { markStopped } from '../../outbox/deliver.ts';
import type { ConversationStore } from '../../store/store.ts';
import { isMessageSid } from './message-sid.ts';
import { STATUS_RANK } from './message-status.ts';
import { parseInbound } from './parse-inbound.ts';
import { kindFromTwilioCode } from './send-error.ts';
import { verifySignature } from './verify-signature.ts';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export interface WebhookDeps {
  engine: Pick<Engine, 'accept'>;
  store: Pick<ConversationStore, 'updateMessage' | 'load' | 'saveRecord'>;
  authToken: string | undefined;
  /** TWILIO_ACCOUNT_SID: a signed request must also name this account. */
  accountSid: string | undefined;
  publicBaseUrl: string;
  /** Said in TwiML when the store is down: Spanish and English, with 911. */
  outageText: () => string;
  clock: { now(): number };
  onInbound?: (info: { channel: string; result: string }) => void;
  onStatus?: (info: { status: string }) => void;
  /** A message's status moved (forward-only): staff consoles show it live for open tickets. */
  onStatusUpdated?: (info: { conversationId: string; messageId: string; status: string }) => Promise<void>;
}

/**
 * Twilio's two webhooks. The signature is checked before anything is parsed; the message
 * is answered with an empty TwiML once it is durably recorded, and replies go out through
 * the outbox (DESIGN §1).
 */
export async function webhookRoutes(app: FastifyInstance, deps: WebhookDeps) {
  const verified = async (request: FastifyRequest, reply: FastifyReply) => {
    const ok = verifySignature({
      authToken: deps.authToken ?? '',
      signature: request.headers['x-twilio-signature'] as string | undefined,
      url: deps.publicBaseUrl + request.url,
      params: (request.body ?? {}) as Record<string, string | string[]>,
    });
    // A signed request for another account, or with AccountSid re-cut into another field
    // (message-sid.ts), is not ours.
    const account = (request.body as Record<string, unknown> | undefined)?.AccountSid;
    const ours = ok && Boolean(deps.accountSid) && account === deps.accountSid;
    if (!ours) {
      request.log.warn({
        event: ok ? 'wrong_account' : 'bad_signature',
        route: request.routeOptions.url,
      });
      return reply
        .code(403)
        .send({ statusCode: 403, error: 'Forbidden', message: 'Forbidden', reqId: request.id });
    }
  };

  app.post('/webhooks/twilio/messages', { preHandler: verified }, async (request, reply) => {
    const parsed = parseInbound((request.body ?? {}) as Record<string, unknown>, deps.clock.now());
    if (!parsed.ok) {
      return reply.code(400).send({
        statusCode: 400,
        error: 'Bad Request',
        message: `missing or invalid fields: ${parsed.fields.join(', ')}`,
        reqId: request.id,
      });
    }
    try {
      const { conversationId, result } = await deps.engine.accept(parsed.message);
      request.log.info({
        conversation: conversationId,
        event: 'inbound',
        channel: parsed.message.channel,
        result,
      });
      deps.onInbound?.({ channel: parsed.message.channel, result });
      return reply.type('text/xml').send(EMPTY_TWIML);
    } catch (err) {
      // The store is unreachable: the user still hears from us, and Twilio gets a 200 so it
      // does not fall back to another URL. The message itself cannot be kept.
      request.log.error({ event: 'inbound_not_recorded', err: errorSummary(err) });
      deps.onInbound?.({ channel: parsed.message.channel, result: 'outage' });
      const text = escapeXml(deps.outageText());
      return reply
        .type('text/xml')
        .send(`<?xml version="1.0" encoding="UTF-8"?><Response><Message>${text}</Message></Response>`);
    }
  });

  app.post('/webhooks/twilio/status', { preHandler: verified }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const query = (request.query ?? {}) as Record<string, unknown>;
    const sid = isMessageSid(body.MessageSid) ? body.MessageSid : '';
    const status = typeof body.MessageStatus === 'string' ? body.MessageStatus : '';
    if (!sid || !status) {
      return reply.code(400).send({
        statusCode: 400,
        error: 'Bad Request',
        message: 'missing or invalid fields: MessageSid, MessageStatus',
        reqId: request.id,
      });
    }
    // Faro sets ?c=<conversation>&m=<message> on every status callback URL it gives Twilio, so
    // no index from MessageSid is kept; a callback without them is not ours to track.
    const target =
      typeof query.c === 'string' && typeof query.m === 'string'
        ? { conversationId: query.c, messageId: query.m }
        : null;
    if (target) {
      const code = typeof body.ErrorCode === 'string' ? Number(body.ErrorCode) : undefined;
      const kind = code ? kindFromTwilioCode(code) : undefined;
      const updated = await deps.store.updateMessage(
        target.conversationId,
        target.messageId,
        { status, sid, ...(kind || code ? { error: kind ?? `twilio_${code}` } : {}) },
        STATUS_RANK,
      );
      if (kind === 'opted_out') await markStopped(deps.store as ConversationStore, target.conversationId);
      deps.onStatus?.({ status });
      if (updated) await deps.onStatusUpdated?.({ ...target, status: updated.status }).catch(() => undefined);
    }
    return reply.type('text/xml').send(EMPTY_TWIML);
  });
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}
