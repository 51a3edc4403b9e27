import type { StaffUser } from '../console/auth.ts';
import { canView } from '../console/ticket-access.ts';
import { OUTCOMES, type Ticket } from '../handoff/ticket.ts';
import type { TicketStore } from '../handoff/ticket-store.ts';
import type { TicketViews } from '../handoff/ticket-view.ts';
import type { AddressCrypto } from '../privacy/address-crypto.ts';
import { readCaseCode } from './case-code.ts';
import type { CaseStore } from './case-store.ts';

export type SearchMatch = 'digits' | 'label' | 'code' | 'outcome' | 'text';

/** Lower case, no accents: "Tapachula" finds "tapáchula". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Finds tickets a staff member may see by the last digits of the number, a label, a case
 * code, an outcome, or words of the conversation. Numbers are decrypted here, in memory,
 * one ticket at a time; nothing of them leaves this function but whether they matched.
 */
export function createTicketSearch(d: {
  tickets: Pick<TicketStore, 'list'>;
  views: Pick<TicketViews, 'record' | 'liveTranscript'>;
  cases: Pick<CaseStore, 'info'>;
  crypto: Pick<AddressCrypto, 'decrypt'>;
}) {
  return async function search(user: StaffUser, query: string, limit = 50) {
    const q = query.trim();
    const digits = /^[\d\s+•.-]+$/.test(q) ? q.replace(/\D/g, '') : '';
    const code = readCaseCode(q)?.code ?? null;
    const words = fold(q).split(/\s+/).filter(Boolean);
    const outcome = (OUTCOMES as readonly string[]).find((o) => o === fold(q).replaceAll(' ', '_')) ?? null;
    const all = [
      ...(await d.tickets.list('waiting')),
      ...(await d.tickets.list('active')),
      ...(await d.tickets.list('closed', 1000)),
    ].filter((t) => canView(user, t));

    async function matches(t: Ticket): Promise<SearchMatch[]> {
      const found: SearchMatch[] = [];
      const record = t.conversationId ? await d.views.record(t) : null;
      if (digits.length >= 2 && record) {
        try {
          if (d.crypto.decrypt(record.addressEnc).replace(/\D/g, '').endsWith(digits)) found.push('digits');
        } catch {
          // A number that cannot be read matches nothing.
        }
      }
      if (t.labels.some((l) => words.length > 0 && fold(l).includes(fold(q)))) found.push('label');
      if (outcome && t.outcome === outcome) found.push('outcome');
      if (code && t.conversationId && (await d.cases.info(t.conversationId)).code === code)
        found.push('code');
      if (!digits && words.length > 0) {
        const transcript =
          t.status === 'closed' || !t.conversationId
            ? (t.transcript ?? [])
            : await d.views.liveTranscript(t.conversationId);
        const text = fold(transcript.map((e) => e.text).join('\n'));
        if (words.every((w) => text.includes(w))) found.push('text');
      }
      return found;
    }

    const hits: Array<{ ticket: Ticket; matched: SearchMatch[] }> = [];
    if (!q) return hits;
    for (const t of all) {
      const matched = await matches(t);
      if (matched.length) hits.push({ ticket: t, matched });
      if (hits.length >= limit) break;
    }
    return hits;
  };
}
