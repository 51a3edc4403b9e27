import { createHttpTarget } from '../load/http-target.ts';
import { runOpenLoop } from '../load/open-loop.ts';
import { ONBOARDING_LENGTH } from '../traffic/sender-script.ts';
import { createWebhookTraffic } from '../traffic/webhook-traffic.ts';

/**
 * A fixed, typical conversation, so that bytes per idle conversation do not depend on how
 * many messages the throughput phase happened to push through: `senders` new people each
 * write the onboarding ("hola", language, three profile answers) and open one topic, then
 * stop. Returns once Faro has answered them all (`drain`).
 */
export async function sendIdleConversations({
  faroUrl,
  drain,
  senders = 100,
}: {
  faroUrl: string;
  drain: () => Promise<number>;
  senders?: number;
}): Promise<{ senders: number; messagesPerConversation: number }> {
  const messagesPerConversation = ONBOARDING_LENGTH + 1;
  const traffic = createWebhookTraffic({ slots: senders, firstSenderId: 900_001 });
  const target = createHttpTarget({ baseUrl: faroUrl, maxSockets: 64 });
  try {
    // Round robin: one sender's messages are `senders` requests apart, so each is answered in turn.
    const result = await runOpenLoop({
      target,
      next: traffic.next,
      rate: 150,
      durationMs: (senders * messagesPerConversation * 1000) / 150,
    });
    if (result.errors) throw new Error(`idle-conversation probe: ${result.errors} requests failed`);
  } finally {
    target.close();
  }
  await drain();
  return { senders, messagesPerConversation };
}
