import type { Logger } from 'pino';
import { errorSummary } from '../engine/engine.ts';
import type { StaffHandoff } from '../handoff/staff-handoff.ts';
import type { CaseCodes } from './case-codes.ts';
import type { Referrals } from './referrals.ts';

/**
 * The engine's handoff port with casework around it: erase and retention also remove the
 * conversation's case code, routes and referrals; a person's answer to a consent question is
 * recorded; a new ticket may be given to someone at once (auto-assignment).
 */
export function withCasework(
  inner: StaffHandoff,
  d: {
    codes: Pick<CaseCodes, 'forget'>;
    referrals: Pick<Referrals, 'heard' | 'forget'>;
    autoAssign: () => Promise<number>;
    logger: Logger;
  },
): StaffHandoff {
  /**
   * Tickets created in a step not yet committed: assigned right after the commit, once the
   * conversation exists (a first message's conversation does not before), so the person hears
   * that someone joined.
   */
  const created = new Set<string>();
  return {
    ...inner,
    async escalate(input) {
      const res = await inner.escalate(input);
      if (res.created) created.add(res.ticketId);
      return res;
    },
    async transcriptAdded(conversationId, ticketId, entries) {
      await inner.transcriptAdded(conversationId, ticketId, entries);
      if (created.delete(ticketId)) {
        await d
          .autoAssign()
          .catch((err: unknown) => d.logger.warn({ event: 'auto_assign_failed', err: errorSummary(err) }));
      }
      for (const e of entries) {
        if (e.from !== 'user') continue;
        await d.referrals
          .heard(conversationId, ticketId, e.text)
          .catch((err: unknown) => d.logger.warn({ event: 'consent_answer_failed', err: errorSummary(err) }));
      }
    },
    async erase(conversationId, now) {
      await inner.erase(conversationId, now);
      await d.codes.forget(conversationId);
      await d.referrals.forget(conversationId);
    },
  };
}
