import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { LANGUAGES, type Lang } from '../channels/inbound-message.ts';
import type { FetchApproval, TemplateApproval } from '../channels/twilio/template-approval.ts';
import type { Clock } from '../engine/clock.ts';
import type { Outbox } from '../engine/ports.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { ConversationRecord, ConversationStore, TranscriptEntry } from '../store/store.ts';
import { newOutbound } from '../store/store.ts';

export type RecontactRefusal = 'template_missing' | 'template_not_approved';

export type Recontact = ReturnType<typeof createRecontact>;

/** Approval is asked of Twilio at most this often per template (staff open tickets often). */
const APPROVAL_TTL_MS = 5 * 60_000;

/** `es:HX…,en:HX…` → by language. */
export function parseTemplates(value: string | undefined): Partial<Record<Lang, string>> {
  const out: Partial<Record<Lang, string>> = {};
  for (const pair of (value ?? '').split(',').filter(Boolean)) {
    const [lang, sid] = pair.split(':');
    if ((LANGUAGES as readonly string[]).includes(lang ?? '') && sid) out[lang as Lang] = sid;
  }
  return out;
}

/**
 * Re-contact after WhatsApp's 24-hour window: a staff reply is kept ("held") and the person gets
 * an approved template instead ("someone from the team answered you; write anything to read
 * it"); the held replies go out when the person next writes, before anything the bot says
 * (src/engine/engine.ts). A template WhatsApp has not approved is never sent.
 * https://www.twilio.com/docs/whatsapp/tutorial/send-whatsapp-notification-messages-templates
 */
export function createRecontact(d: {
  templates: Partial<Record<Lang, string>>;
  /** Null without Twilio: nothing can be approved. */
  fetchApproval: FetchApproval | null;
  store: Pick<ConversationStore, 'load' | 'saveRecord' | 'addOutbound' | 'ackOutbound'>;
  outbox: Pick<Outbox, 'enqueue'>;
  i18n: Pick<I18n, 't'>;
  clock: Clock;
  logger: Logger;
  retentionSeconds: (record: ConversationRecord) => number;
  /** Tells open consoles of the notice line (the ticket's live transcript). */
  onNotice?: (conversationId: string, entry: TranscriptEntry & { status: string }) => Promise<void>;
}) {
  const cache = new Map<string, { at: number; approval: TemplateApproval }>();

  async function approval(sid: string): Promise<TemplateApproval> {
    const now = d.clock.now();
    const cached = cache.get(sid);
    if (cached && now - cached.at < APPROVAL_TTL_MS) return cached.approval;
    if (!d.fetchApproval) return { sid, status: 'unknown', category: null, rejectionReason: null };
    try {
      const fresh = await d.fetchApproval(sid);
      cache.set(sid, { at: now, approval: fresh });
      return fresh;
    } catch {
      d.logger.warn({ event: 'template_approval_unknown' });
      // Twilio did not answer: what it said last holds a while longer; else not approved.
      return cached?.approval ?? { sid, status: 'unknown', category: null, rejectionReason: null };
    }
  }

  const templateFor = (lang: Lang) => d.templates[lang] ?? d.templates.es ?? null;

  async function check(
    lang: Lang,
  ): Promise<{ ok: true; sid: string } | { ok: false; reason: RecontactRefusal }> {
    const sid = templateFor(lang);
    if (!sid) return { ok: false, reason: 'template_missing' };
    const a = await approval(sid);
    return a.status === 'approved' ? { ok: true, sid } : { ok: false, reason: 'template_not_approved' };
  }

  return {
    check,

    /** Every configured template and what WhatsApp said of it (supervisors' view). */
    async list() {
      return Promise.all(
        LANGUAGES.map(async (lang) => {
          const sid = d.templates[lang] ?? null;
          const a = sid ? await approval(sid) : null;
          return {
            lang,
            sid,
            status: a?.status ?? 'missing',
            category: a?.category ?? null,
            rejectionReason: a?.rejectionReason ?? null,
          };
        }),
      );
    },

    /**
     * Keeps these staff messages (stored with status `held`) for the person's next message and
     * sends the notice, unless one already went since they last wrote. False when the template
     * cannot be sent (the caller says why), or the conversation is gone.
     */
    async hold({
      conversationId,
      messageIds,
      lang,
    }: {
      conversationId: string;
      messageIds: string[];
      lang: Lang;
    }): Promise<
      { held: true; noticeId: string | null } | { held: false; reason: RecontactRefusal | 'gone' }
    > {
      const ok = await check(lang);
      if (!ok.ok) return { held: false, reason: ok.reason };
      for (let attempt = 0; attempt < 5; attempt++) {
        const record = await d.store.load(conversationId);
        if (!record) return { held: false, reason: 'gone' };
        const now = d.clock.now();
        const noticeOut = record.noticeAt !== undefined && record.noticeAt > record.lastInboundAt;
        const next: ConversationRecord = {
          ...record,
          held: [...new Set([...(record.held ?? []), ...messageIds])],
          noticeAt: noticeOut ? record.noticeAt : now,
        };
        if (!(await d.store.saveRecord(next, record.version, d.retentionSeconds(record)))) continue;
        if (noticeOut) return { held: true, noticeId: null };
        const noticeId = await sendNotice({ record, sid: ok.sid, lang, now });
        d.logger.info({ conversation: conversationId, event: 'recontact_notice' });
        return { held: true, noticeId };
      }
      return { held: false, reason: 'gone' };
    },
  };

  async function sendNotice({
    record,
    sid,
    lang,
    now,
  }: {
    record: ConversationRecord;
    sid: string;
    lang: Lang;
    now: number;
  }): Promise<string> {
    const id = `notice-${randomUUID()}`;
    const body = d.i18n.t(lang)('recontact.notice');
    const message = newOutbound({
      id,
      conversationId: record.id,
      channel: record.channel,
      body,
      origin: 'system',
      now,
      contentSid: sid,
    });
    const entry: TranscriptEntry = {
      at: now,
      from: 'system',
      text: body,
      messageId: id,
      screen: 'recontact',
    };
    await d.store.addOutbound(message, entry, d.retentionSeconds(record));
    await d.outbox.enqueue([
      {
        kind: 'stored',
        conversationId: record.id,
        messageId: id,
        channel: record.channel,
        priority: 'staff',
      },
    ]);
    await d.store.ackOutbound(record.id, [id]);
    await d.onNotice?.(record.id, { ...entry, status: 'pending' });
    return id;
  }
}
