import { createLocalSender, type LocalSender } from '../../src/channels/local/local-sender.ts';
import { createTestApp, inboundForm, type TestApp } from './test-app.ts';

/** Tuesday 1 Dec 2026, 11:00 in Mexico City: staff on duty. */
export const IN_HOURS = Date.UTC(2026, 11, 1, 17, 0);
/** Sunday 29 Nov 2026, 22:00 in Mexico City: nobody on duty. */
export const OUT_OF_HOURS = Date.UTC(2026, 10, 30, 4, 0);

export interface Turn {
  user: string;
  media?: string;
  replies: string[];
}

/**
 * A user talking to Faro through the signed webhook, with replies read from the in-process
 * sender: what the user's phone would show, message by message.
 */
export async function startConversation({
  channel = 'sms',
  number = '+5219625550101',
  env = {},
  at = IN_HOURS,
}: {
  channel?: 'sms' | 'whatsapp';
  number?: string;
  env?: Record<string, string>;
  /** When the conversation starts: whether staff are on duty shows in the replies. */
  at?: number;
} = {}) {
  const sender: LocalSender = createLocalSender();
  // Time runs as usual, from a fixed start, so that transcripts do not depend on the hour they run.
  const offset = at - Date.now();
  const t: TestApp = await createTestApp({
    env: { OUTBOX_SMS_PER_SECOND: '1000', OUTBOX_WHATSAPP_PER_SECOND: '1000', ...env },
    overrides: { sender, clock: { now: () => Date.now() + offset } },
  });
  const from = channel === 'whatsapp' ? `whatsapp:${number}` : number;
  const turns: Turn[] = [];

  async function say(text: string, opts: { media?: string } = {}): Promise<string[]> {
    const before = sender.sent.length;
    const extra: Record<string, string> = opts.media
      ? { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/media/ME0', MediaContentType0: opts.media }
      : {};
    const res = await t.post('/webhooks/twilio/messages', inboundForm(from, text, extra));
    if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}`);
    await t.services.engine.idle();
    await t.services.outbox.drain();
    const replies = sender.sent.slice(before).map((d) => d.body);
    turns.push({ user: text, media: opts.media, replies });
    return replies;
  }

  return {
    t,
    from,
    say,
    turns,
    /** The conversation as a reviewer reads it (the golden file format). */
    render(title: string) {
      const lines = [`# ${title}`, `# channel: ${channel}`, ''];
      for (const turn of turns) {
        lines.push(`> ${turn.media ? `[${turn.media}] ` : ''}${turn.user}`);
        for (const r of turn.replies) lines.push(...r.split('\n').map((l) => `< ${l}`), '<');
        if (turn.replies.length === 0) lines.push('(no reply)');
        lines.push('');
      }
      return lines.join('\n');
    },
    close: () => t.close(),
  };
}
