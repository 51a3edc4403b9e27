import { randomUUID } from 'node:crypto';
import type { Handoff } from '../engine/ports.ts';
import type { I18n } from '../i18n/create-i18n.ts';

/**
 * Tickets without a console: tells the user a person will answer and keeps one open ticket
 * id per conversation in this process. Replaced by the staff handoff when it is wired.
 */
export function createMinimalHandoff({
  i18n,
  expectedWaitMinutes,
}: {
  i18n: I18n;
  expectedWaitMinutes: number;
}): Handoff {
  const open = new Map<string, string>();
  return {
    async escalate(input) {
      const existing = open.get(input.conversationId);
      if (existing) return { ticketId: existing, created: false, open: true, notice: null };
      const ticketId = randomUUID();
      open.set(input.conversationId, ticketId);
      const t = i18n.t(input.lang);
      const wait = t('handoff.waitMinutes', { count: expectedWaitMinutes });
      return {
        ticketId,
        created: true,
        open: true,
        notice: input.reason === 'safety' ? null : t('handoff.waiting', { wait }),
      };
    },
    async cancel(conversationId) {
      open.delete(conversationId);
    },
    async transcriptAdded() {},
    async erase(conversationId) {
      open.delete(conversationId);
    },
  };
}
