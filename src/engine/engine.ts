import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { FaroMachine } from '../../flows/faro/machine.ts';
import { FLOW_VERSION } from '../../flows/faro/machine.ts';
import type { City, Effect, FaroEvent, Understanding } from '../../flows/faro/types.ts';
import type { Channel, InboundMessage, Lang, MediaRef } from '../channels/inbound-message.ts';
import { isMessageSid } from '../channels/twilio/message-sid.ts';
import type { AddressCrypto } from '../privacy/address-crypto.ts';
import { TTL } from '../store/keys.ts';
import type {
  ConversationRecord,
  ConversationStore,
  OutboundMessage,
  StoredInbound,
  TranscriptEntry,
} from '../store/store.ts';
import { newOutbound } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { ComposeReply, ReplyBlock } from './compose-reply.ts';
import type { CasePort, Handoff, Outbox, OutboxJob, SendPriority } from './ports.ts';
import type { FlowState } from './run-flow.ts';
import { runFlow } from './run-flow.ts';
import type { TapChoices } from './tap-choices.ts';

export interface EngineDeps {
  store: ConversationStore;
  machine: FaroMachine;
  compose: ComposeReply;
  understand: (text: string) => Understanding;
  /** The city Faro knows that a shared location is near, or null (a pin far from all of them). */
  locate?: (at: { latitude: number; longitude: number }) => City | null;
  render: (channel: Channel, text: string) => string[];
  /**
   * The content resource (WhatsApp list or buttons) for a message with fixed choices, when one
   * was synced for its current text; none: everything goes as text.
   */
  contentSid?: (choices: TapChoices, text: string) => string | null;
  crypto: AddressCrypto;
  outbox: Outbox;
  handoff: Handoff;
  /** Case codes: a number that joined a conversation by code writes to it (optional). */
  cases?: CasePort;
  clock: Clock;
  logger: Logger;
  retention: { conversationDays: number; childAloneDays: number };
  /** Messages a sender may send a minute; past it one notice, then throttled (risk phrases always pass). */
  floodMaxPerMinute: number;
  /**
   * A fast check for danger (the lexicon floor, not the whole understanding): in a `web`
   * process, such a message is handed to a worker ahead of the backlog.
   */
  urgent?: (text: string) => boolean;
  /** Told of every new message once it is recorded (a work thread looks for danger in it). */
  onAccepted?: (conversationId: string, text: string) => void;
  /**
   * A `web` process: recorded messages and events are handed to a worker through Redis instead
   * of being stepped here. Without it, this process steps them itself.
   */
  handOff?: (conversationId: string) => Promise<void>;
  /**
   * Called after each committed step (metrics, and the aggregate counters: the conversation's
   * language and city after the step, whether a person's message was read, whether it was new).
   */
  onStep?: (info: {
    conversationId: string;
    effects: Effect[];
    channel: Channel;
    ms: number;
    lang: Lang | null;
    city: string | null;
    message: boolean;
    isNew: boolean;
  }) => void;
}

export type Engine = ReturnType<typeof createEngine>;

/**
 * The conversation runner. A webhook only records the message (dedupe + inbox, one atomic
 * step) and kicks processing; processing takes the conversation's lock, steps the pure flow
 * once per inbox entry, and commits state, replies and transcript together. A crash at any
 * point leaves the conversation in the pending set, and any instance's sweeper finishes it.
 */
export function createEngine(deps: EngineDeps) {
  const { store, clock, logger } = deps;
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  function track(p: Promise<void>) {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }

  function kick(conversationId: string) {
    if (stopping) return;
    track(
      processConversation(conversationId).catch((err: unknown) => {
        logger.warn({ conversation: conversationId, event: 'process_failed', err: errorSummary(err) });
      }),
    );
  }

  /** Step it here, or hand it to a worker; a lost hand-off is found by the next sweep. */
  async function dispatch(conversationId: string) {
    if (!deps.handOff) return kick(conversationId);
    await deps.handOff(conversationId).catch((err: unknown) => {
      logger.warn({ conversation: conversationId, event: 'hand_off_failed', err: errorSummary(err) });
    });
  }

  /**
   * The encrypted addresses this process met lately, by the address's HMAC: a webhook then costs
   * one AES-GCM encryption per person, not per message. No address in clear is kept. (Keyed by
   * the sender's hash, not the conversation: two numbers may one day write to one conversation.)
   */
  const sealed = new Map<string, string>();
  function sealedAddress(hashed: string, address: string): string {
    let enc = sealed.get(hashed);
    if (enc === undefined) {
      enc = deps.crypto.encrypt(address);
      if (sealed.size >= 10_000) sealed.clear();
      sealed.set(hashed, enc);
    }
    return enc;
  }

  async function accept(
    message: InboundMessage,
  ): Promise<{ conversationId: string; result: 'recorded' | 'duplicate' | 'throttled' }> {
    const hashed = deps.crypto.hash(message.address);
    // A number that joined a case by code writes to that case's conversation.
    const conversationId = deps.cases ? await deps.cases.resolve(hashed) : hashed;
    const inbound: StoredInbound = {
      id: message.id,
      kind: 'message',
      channel: message.channel,
      addressEnc: sealedAddress(hashed, message.address),
      to: message.to,
      text: message.text,
      mediaCount: message.media.length,
      mediaTypes: message.media.map((m) => m.contentType),
      ...(mediaRefs(message).length > 0 && { media: mediaRefs(message) }),
      receivedAt: message.receivedAt,
      ...(message.location && { location: message.location }),
    };
    // Dedupe, flood count, inbox and pending mark: one Redis step. A Twilio retry is dropped
    // before it is counted; a message past the flood limit is still recorded, marked, and the
    // step decides (a risk phrase is answered, the rest reach the transcript only). In a `web`
    // process the same step hands the conversation to a worker.
    const accepted = await store.acceptInbound(conversationId, inbound, {
      minute: Math.floor(clock.now() / 60_000),
      floodMax: deps.floodMaxPerMinute,
      at: clock.now(),
      notify: deps.handOff ? (deps.urgent?.(message.text) ? 'urgent' : true) : false,
    });
    if (!deps.handOff) kick(conversationId);
    if (accepted.result !== 'duplicate') deps.onAccepted?.(conversationId, message.text);
    return {
      conversationId,
      result: accepted.result === 'flooded' ? 'throttled' : accepted.result,
    };
  }

  /** An internal event (timer, staff action) enters the same inbox, so it is ordered with messages. */
  async function acceptEvent(
    conversationId: string,
    type: 'NO_ANSWER' | 'STAFF_JOINED' | 'TICKET_CLOSED',
    id: string,
  ) {
    const record = await store.load(conversationId);
    if (!record) return false;
    await store.recordInbound(conversationId, {
      id,
      kind: 'event',
      channel: record.channel,
      addressEnc: record.addressEnc,
      to: record.to,
      text: '',
      mediaCount: 0,
      mediaTypes: [],
      receivedAt: clock.now(),
      event: { type },
    });
    await store.markPending(conversationId, clock.now());
    await dispatch(conversationId);
    return true;
  }

  async function processConversation(conversationId: string): Promise<void> {
    // Lock, inbox head and record in one round trip; each commit says what comes next.
    const begun = await store.beginProcessing(conversationId, TTL.lockMs);
    if (!begun) return;
    let handedOver: string[] = [];
    let idle = false;
    try {
      let { head, record } = begun;
      // Known from the record already read, so a crash's leftovers need no second load.
      let channel: Channel | null = record?.channel ?? null;
      let outq: string[] | null = null;
      // Replies committed by this round and how urgent each is (leftovers of a crash are looked up).
      const priorities = new Map<string, SendPriority>();
      while (head) {
        const done = await stepWithRetry(conversationId, head, record);
        channel = head.channel;
        ({ next: head, record, outq } = done);
        for (const id of done.committed) priorities.set(id, done.priority);
        // Staff first, unless the bot's reply is a safety reply (that goes before anything).
        if (done.priority !== 'safety') for (const id of done.staffIds ?? []) priorities.set(id, 'staff');
      }
      handedOver = await flushOutbound({ conversationId, known: channel, outq, priorities });
    } finally {
      idle = await store.finishProcessing(conversationId, begun.token, handedOver);
    }
    // A message recorded while we held the lock: go round again.
    if (!idle && !stopping) setImmediate(() => kick(conversationId));
  }

  /** `record` is what the caller last saw; after a conflict the step starts from a fresh load. */
  async function stepWithRetry(
    conversationId: string,
    head: StoredInbound,
    record: ConversationRecord | null,
  ) {
    let known: ConversationRecord | null | undefined = record;
    for (let attempt = 0; attempt < 5; attempt++) {
      const done = await stepOnce(conversationId, head, known);
      if (done) return done;
      known = undefined;
    }
    throw new Error('commit kept conflicting');
  }

  /** One step and its commit; null on a conflict. `known`: the record if the caller has it. */
  async function stepOnce(
    conversationId: string,
    head: StoredInbound,
    known: ConversationRecord | null | undefined,
  ): Promise<{
    next: StoredInbound | null;
    record: ConversationRecord | null;
    outq: string[] | null;
    /** The ids of the replies this step committed, and their send priority. */
    committed: string[];
    priority: SendPriority;
    /** Held staff replies released by this step: sent as staff replies, before the bot's. */
    staffIds?: string[];
  } | null> {
    const started = performance.now();
    const now = clock.now();
    const record = known === undefined ? await store.load(conversationId) : known;
    const event: FaroEvent =
      head.kind === 'message'
        ? {
            type: 'MESSAGE',
            u: deps.understand(head.text),
            hasText: head.text.trim().length > 0,
            mediaCount: head.mediaCount,
            ...(head.location && {
              location: { ...head.location, city: deps.locate?.(head.location) ?? null },
            }),
          }
        : ({ type: head.event?.type } as FaroEvent);
    const saved = (record?.state as FlowState | null) ?? null;
    // Past the flood limit the flow is not stepped (a risk phrase still is): the message only
    // reaches the transcript, and the first such message of a minute earns one notice.
    const throttled =
      head.flooded !== undefined &&
      event.type === 'MESSAGE' &&
      !event.u.risk &&
      !event.u.riskUnsure &&
      saved !== null;
    const notice = throttled && record?.floodNoticeMinute !== head.flooded;
    const step = throttled
      ? {
          state: saved,
          effects: notice ? [{ type: 'say' as const, key: 'flood.notice' }] : [],
          restarted: false,
        }
      : runFlow({ machine: deps.machine, saved, savedVersion: record?.flowVersion ?? null, event });
    if (notice) logger.info({ conversation: conversationId, event: 'throttled' });
    if (step.restarted) logger.info({ conversation: conversationId, event: 'flow_restarted' });
    const context = step.state.context;
    const lang = context.lang ?? 'es';
    const channel = record?.channel ?? head.channel;

    let ticketId = record?.ticketId ?? null;
    let joined = false;
    const blocks: ReplyBlock[] = [];
    for (const effect of step.effects) {
      if (effect.type === 'escalate') {
        const res = await deps.handoff.escalate({
          conversationId,
          reason: effect.reason,
          risk: effect.risk,
          channel,
          lang,
          profile: context.profile,
          topicsSeen: context.topicsSeen,
          now,
        });
        ticketId = res.ticketId;
        if (res.notice) blocks.push({ text: res.notice, screen: 'handoff' });
        logger.info({
          conversation: conversationId,
          event: 'escalated',
          reason: effect.reason,
          risk: effect.risk,
        });
      } else if (effect.type === 'joinCase' && deps.cases) {
        const res = await deps.cases.join({
          conversationId,
          addressEnc: head.addressEnc,
          channel: head.channel,
          to: head.to,
          code: effect.code,
          pin: effect.pin,
          lang,
        });
        blocks.push({ text: res.notice, screen: `case.${res.outcome}` });
        joined = res.outcome === 'joined';
      } else if (effect.type === 'cancelHandoff') {
        await deps.handoff.cancel(conversationId, now);
        ticketId = null;
      } else if (effect.type === 'lowerPriority') {
        // "No, me equivoqué" after an emergency answer: the ticket stays, without the alarm.
        await deps.handoff.lowerPriority(conversationId, now);
        logger.info({ conversation: conversationId, event: 'danger_denied' });
      } else {
        blocks.push(...deps.compose([effect], { lang, profile: context.profile }));
      }
    }
    if (event.type === 'TICKET_CLOSED') ticketId = null;

    const priority = sendPriority(step.effects);
    // Joined by case code: this number now writes to that conversation, and this one (which
    // holds the code and PIN it was written with) goes the way of an erase.
    if (joined || step.effects.some((e) => e.type === 'erase')) {
      await eraseConversation({ conversationId, head, record, blocks, channel });
      return { next: null, record: null, outq: [], committed: [], priority };
    }

    const childAlone = context.profile.alone === true && context.profile.age !== 'adult';
    const next: ConversationRecord = {
      id: conversationId,
      version: record?.version ?? 0,
      channel,
      addressEnc: record?.addressEnc ?? head.addressEnc,
      to: head.to || record?.to || '',
      // A throttled message leaves the state as it was, whatever flow version wrote it.
      flowVersion: throttled && record ? record.flowVersion : FLOW_VERSION,
      state: step.state,
      // A user who writes again after opting out has opted back in.
      stopped: head.kind === 'message' ? false : (record?.stopped ?? false),
      ticketId,
      childAlone,
      createdAt: record?.createdAt ?? now,
      updatedAt: now,
      lastInboundAt: head.kind === 'message' ? head.receivedAt : (record?.lastInboundAt ?? now),
      ...(notice
        ? { floodNoticeMinute: head.flooded }
        : record?.floodNoticeMinute !== undefined && { floodNoticeMinute: record.floodNoticeMinute }),
      ...(record?.held?.length && { held: record.held }),
      ...(record?.noticeAt !== undefined && { noticeAt: record.noticeAt }),
    };
    const outbound: OutboundMessage[] = [];
    const transcript: TranscriptEntry[] = [];
    // The person wrote: staff replies held since the 24-hour window closed go out first.
    const released = head.kind === 'message' ? await releaseHeld(conversationId, record, now) : [];
    outbound.push(...released);
    if (released.length > 0) {
      delete next.held;
      delete next.noticeAt;
    }
    if (head.kind === 'message') {
      // Staff see that a location came, never where it is.
      const media = [
        head.mediaTypes.length ? ` [${head.mediaTypes.join(', ')}]` : '',
        head.location ? ' [location]' : '',
      ].join('');
      transcript.push({
        at: head.receivedAt,
        from: 'user',
        text: `${head.text}${media}`.trim(),
        ...(head.media?.length && { media: head.media }),
      });
    }
    const screens = blocks
      .map((b) => b.screen)
      .filter(Boolean)
      .join(' ');
    for (const { body, contentSid } of replyMessages(channel, blocks)) {
      const id = `${replyIdBase(head.id)}.${outbound.length - released.length}`;
      outbound.push(
        newOutbound({
          id,
          conversationId,
          channel,
          body,
          origin: 'bot',
          now,
          ...(contentSid && { contentSid }),
          ...(priority === 'safety' && { safety: true as const }),
        }),
      );
      // With a person involved staff read every word; otherwise the gist (the heading, which
      // names the screen) is enough, and an idle conversation stays under 2 KB in Redis.
      transcript.push(
        ticketId
          ? { at: now, from: 'bot', text: body, messageId: id, screen: screens || undefined }
          : { at: now, from: 'bot', text: gist(body) },
      );
    }
    const retentionDays = childAlone ? deps.retention.childAloneDays : deps.retention.conversationDays;
    // The retention index moves only when the deadline moves by more than an hour (or gets
    // shorter): one Redis write fewer for almost every message.
    const due = now + retentionDays * 86_400_000;
    const scheduled = record?.expiresAt;
    next.expiresAt = scheduled && scheduled <= due && due - scheduled < 3_600_000 ? scheduled : due;
    const result = await store.commit({
      conversationId,
      expectedVersion: record?.version ?? 0,
      record: next,
      processedInboxId: head.id,
      outbound,
      transcript,
      ttlSeconds: retentionDays * 86_400,
    });
    if (result.result !== 'committed') return null;
    // What erase must delete at Twilio too: the message and its media (ids only).
    if (head.kind === 'message' && isMessageSid(head.id)) {
      const media = (head.media ?? []).map((m) => `${m.messageSid}/${m.sid}`);
      await store.keepTwilioSids(conversationId, [head.id, ...media], retentionDays * 86_400);
    }
    if (next.expiresAt !== record?.expiresAt) await store.scheduleExpiry(conversationId, next.expiresAt!);
    if (ticketId) await deps.handoff.transcriptAdded(conversationId, ticketId, transcript);
    deps.onStep?.({
      conversationId,
      effects: step.effects,
      channel,
      ms: performance.now() - started,
      lang: context.lang,
      city: context.profile.city,
      message: head.kind === 'message',
      isNew: !record,
    });
    if (released.length > 0)
      logger.info({ conversation: conversationId, event: 'held_released', count: released.length });
    return {
      next: result.next,
      record: { ...next, version: next.version + 1 },
      outq: result.outq,
      committed: outbound.map((m) => m.id),
      priority,
      staffIds: released.map((m) => m.id),
    };
  }

  /** The held staff messages, made pending again (in the order staff wrote them). */
  async function releaseHeld(conversationId: string, record: ConversationRecord | null, now: number) {
    const out: OutboundMessage[] = [];
    for (const id of record?.held ?? []) {
      const m = await store.getMessage(conversationId, id);
      if (m?.status === 'held') out.push({ ...m, status: 'pending', releasedAt: now, updatedAt: now });
    }
    return out;
  }

  /**
   * One reply per step, split only when it is too long: on SMS every message costs money. On
   * WhatsApp a message with fixed choices whose content resource is known goes on its own, as
   * a list or buttons (its `body` is the same text, for the transcript); the rest stays text.
   */
  function replyMessages(
    channel: Channel,
    blocks: ReplyBlock[],
  ): Array<{ body: string; contentSid?: string }> {
    const out: Array<{ body: string; contentSid?: string }> = [];
    let run: string[] = [];
    const flush = () => {
      const text = run.join('\n\n');
      if (text) out.push(...deps.render(channel, text).map((body) => ({ body })));
      run = [];
    };
    for (const b of blocks) {
      const sid = channel === 'whatsapp' && b.tap && deps.contentSid ? deps.contentSid(b.tap, b.text) : null;
      if (!sid) {
        run.push(b.text);
        continue;
      }
      flush();
      out.push({ body: b.text, contentSid: sid });
    }
    flush();
    return out;
  }

  /**
   * BORRAR confirmed: the last messages go out without being stored, then every key about
   * the sender is deleted. Nothing is kept, not even the hash that keys the conversation.
   */
  async function eraseConversation(args: {
    conversationId: string;
    head: StoredInbound;
    record: ConversationRecord | null;
    blocks: ReplyBlock[];
    channel: Channel;
  }) {
    const { conversationId, head, record, blocks, channel } = args;
    const bodies = deps.render(channel, blocks.map((b) => b.text).join('\n\n'));
    await deps.outbox.enqueue(
      bodies.map((body, i) => ({
        kind: 'ephemeral' as const,
        id: `erase-${replyIdBase(head.id)}-${i}`,
        channel,
        addressEnc: record?.addressEnc ?? head.addressEnc,
        from: record?.to ?? head.to,
        body,
      })),
    );
    // The message that asked for the erase was never committed: it goes at Twilio too.
    const own = head.kind === 'message' && isMessageSid(head.id) ? [head.id] : [];
    await forget(conversationId, own);
    logger.info({ event: 'conversation_erased' });
  }

  /** Every trace of a conversation: tickets scrubbed, keys deleted, finished outbox jobs dropped. */
  async function forget(conversationId: string, alsoAtTwilio: string[] = []) {
    await deps.handoff.erase(conversationId, clock.now());
    sealed.delete(conversationId);
    const erased = await store.erase(conversationId);
    const { messageIds } = erased;
    const twilioSids = [...erased.twilioSids, ...alsoAtTwilio];
    await deps.outbox.forget(conversationId, messageIds);
    // Erase at Twilio too, through the outbox: retried if Twilio fails, never holding up the erase.
    if (twilioSids.length > 0) {
      await deps.outbox.enqueue(twilioDeletionJobs(twilioSids)).catch((err: unknown) =>
        logger.error({
          event: 'twilio_delete_not_queued',
          count: twilioSids.length,
          err: errorSummary(err),
        }),
      );
    }
  }

  /**
   * Retention: conversations idle past their age are deleted, not hidden. A conversation with
   * an open ticket waits until a person has closed it.
   */
  async function expire(limit = 100): Promise<number> {
    const now = clock.now();
    let erased = 0;
    for (const id of await store.listExpired(now, limit)) {
      const token = await store.acquireLock(id, TTL.lockMs);
      if (!token) continue;
      try {
        const record = await store.load(id);
        if (record?.ticketId) {
          await store.scheduleExpiry(id, now + 86_400_000);
          continue;
        }
        await forget(id);
        erased++;
      } finally {
        await store.releaseLock(id, token);
      }
    }
    if (erased) logger.info({ event: 'retention_erased', count: erased });
    return erased;
  }

  /**
   * Hands committed replies to the outbox; returns their ids, acked when the lock is released.
   * `outq` is what the last commit left (null: nothing stepped, so read it, as after a crash);
   * `known` is null only when there is no record (erased meanwhile). `priorities`: the replies
   * this round committed; a crash's leftovers are read to learn theirs.
   */
  async function flushOutbound({
    conversationId,
    known,
    outq,
    priorities,
  }: {
    conversationId: string;
    known: Channel | null;
    outq: string[] | null;
    priorities: ReadonlyMap<string, SendPriority>;
  }): Promise<string[]> {
    const ids = outq ?? (await store.pendingOutbound(conversationId));
    if (ids.length === 0) return [];
    const channel = known ?? (await store.load(conversationId))?.channel ?? 'sms';
    const jobs = [];
    for (const messageId of ids) {
      let priority = priorities.get(messageId);
      if (!priority) {
        const m = await store.getMessage(conversationId, messageId);
        priority = m?.safety ? 'safety' : m?.origin === 'staff' ? 'staff' : 'normal';
      }
      jobs.push({ kind: 'stored' as const, conversationId, messageId, channel, priority });
    }
    await deps.outbox.enqueue(jobs);
    return ids;
  }

  /** Finishes conversations left pending by a crash or a lost race (runs on every instance). */
  /** `limit`: how many conversations this instance takes on now (the rest wait for the next sweep). */
  async function sweep(olderThanMs = 2_000, limit = 100) {
    if (limit <= 0) return 0;
    const ids = await store.listPending(clock.now() - olderThanMs, limit);
    for (const id of ids) kick(id);
    return ids.length;
  }

  return {
    accept,
    acceptEvent,
    processConversation,
    sweep,
    expire,
    kick,
    /** Conversations being processed right now (a worker takes no more hints past a limit). */
    inFlight: () => inFlight.size,
    /** Resolves when no processing is in flight (tests, shutdown). */
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      stopping = true;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/**
 * A step's replies are safety replies when the step raised a safety escalation or said a
 * `safety.` text (the emergency numbers, "are you in danger now?"): they go before anything else.
 */
export function sendPriority(effects: readonly Effect[]): SendPriority {
  const safety = effects.some(
    (e) =>
      (e.type === 'escalate' && e.reason === 'safety') || (e.type === 'say' && e.key.startsWith('safety.')),
  );
  return safety ? 'safety' : 'normal';
}

/** The first line of a bot message, without markup: what staff need to follow a conversation. */
export function gist(body: string): string {
  const line = body.split('\n').find((l) => l.trim() !== '') ?? '';
  const plain = line.replace(/[*_~]/g, '').trim();
  return plain.length > 80 ? `${plain.slice(0, 79)}…` : plain;
}

/**
 * The id of a step's replies: the same for the same inbox entry (a step done twice makes the
 * same ids), but not Twilio's MessageSid itself, which an erase must leave nowhere (outbox job
 * ids live on in BullMQ's event stream).
 */
export function replyIdBase(inboxId: string): string {
  return `r-${createHash('sha256').update(inboxId).digest('base64url').slice(0, 22)}`;
}

/** The media Twilio named in a message's URLs (a URL of another shape is not kept). */
function mediaRefs(message: InboundMessage): MediaRef[] {
  return message.media.flatMap((m) =>
    m.sid && m.messageSid ? [{ sid: m.sid, messageSid: m.messageSid, type: m.contentType }] : [],
  );
}

/**
 * Deletions at Twilio, a few resources a job. A message's media come before the message, in
 * the same job (deleted in order), so no media is left behind a deleted message.
 */
export function twilioDeletionJobs(sids: string[]): OutboxJob[] {
  const groups = new Map<string, string[]>();
  for (const sid of new Set(sids)) {
    const [message = sid, media] = sid.split('/');
    const group = groups.get(message) ?? [];
    if (media) group.unshift(sid);
    else group.push(sid);
    groups.set(message, group);
  }
  const jobs: OutboxJob[] = [];
  let batch: string[] = [];
  const flush = () => {
    if (batch.length > 0) jobs.push({ kind: 'twilio-delete', id: `del-${randomUUID()}`, sids: batch });
    batch = [];
  };
  for (const group of groups.values()) {
    if (batch.length + group.length > 20) flush();
    batch.push(...group);
  }
  flush();
  return jobs;
}

/** Errors are logged by class and code only: messages can quote a phone number. */
export function errorSummary(err: unknown) {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { type: err.name, code: typeof code === 'string' || typeof code === 'number' ? code : undefined };
  }
  return { type: typeof err };
}
