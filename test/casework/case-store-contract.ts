import { describe, expect, it } from 'vitest';
import type { CaseKv } from '../../src/casework/case-kv.ts';
import { createCaseStore } from '../../src/casework/case-store.ts';
import type { Referral } from '../../src/casework/referral.ts';
import { createManualClock } from '../../src/engine/clock.ts';
import { testSealer } from '../helpers/test-sealer.ts';

export type MakeKv = (
  clock: ReturnType<typeof createManualClock>,
) => Promise<{ kv: CaseKv; prefix: string; close(): Promise<void> }>;

const referral = (id: string, at: number, conversation: string | null = 'conv-1'): Referral => ({
  id,
  ticket_id: 'ticket-1',
  conversation_id: conversation,
  service_type: 'legal',
  service_implementing_agency: 'Fray Matías',
  service_id: null,
  notes: '',
  consent_for_services: null,
  disclosure_other_orgs: null,
  consent_source: null,
  consent_asked_at: null,
  consent_answered_at: null,
  status: 'in_progress',
  service_implemented: null,
  reason_not_successful: null,
  created_by: 'ana',
  created_at: at,
  updated_at: at,
  primero_case_id: null,
  primero_referral_id: null,
  pushed_at: null,
});

/** One contract for the case store on both CaseKv implementations. */
export function caseStoreContract(name: string, make: MakeKv) {
  describe(`case store (${name})`, () => {
    async function setup() {
      const clock = createManualClock(1_000_000);
      const made = await make(clock);
      return {
        clock,
        ...made,
        cases: createCaseStore({ kv: made.kv, prefix: made.prefix, ttlMs: 60_000, sealer: testSealer() }),
      };
    }

    it('keeps codes, routes and case info, and drops a route only if nobody wrote over it', async () => {
      const s = await setup();
      try {
        await s.cases.putCode({
          code: 'K7C-4PW',
          conversationId: 'c1',
          ticketId: 't1',
          pinHash: 'h',
          issuedAt: 1,
          issuedBy: 'ana',
          failures: 0,
        });
        expect((await s.cases.getCode('K7C-4PW'))?.conversationId).toBe('c1');
        await s.cases.setRoute('num-b', 'c1');
        expect(await s.cases.route('num-b')).toBe('c1');
        await s.cases.setRoute('num-b', 'c2');
        expect(await s.cases.dropRoute('num-b', 'c1')).toBe(false);
        expect(await s.cases.route('num-b')).toBe('c2');
        expect(await s.cases.dropRoute('num-b', 'c2')).toBe(true);
        expect(await s.cases.route('num-b')).toBeNull();
        await s.cases.updateInfo('c1', (i) => ({ ...i, code: 'K7C-4PW' }));
        expect((await s.cases.info('c1')).code).toBe('K7C-4PW');
        expect((await s.cases.info('other')).joins).toEqual([]);
        await s.cases.deleteCode('K7C-4PW');
        expect(await s.cases.getCode('K7C-4PW')).toBeNull();
      } finally {
        await s.close();
      }
    });

    it('counts tries in a window', async () => {
      const s = await setup();
      try {
        expect(await s.cases.countTryByNumber('n1', 60_000)).toBe(1);
        expect(await s.cases.countTryByNumber('n1', 60_000)).toBe(2);
        expect(await s.cases.countTryByCode('K7C-4PW', 60_000)).toBe(1);
      } finally {
        await s.close();
      }
    });

    it('lists referrals newest first, per ticket, and forgets them', async () => {
      const s = await setup();
      try {
        await s.cases.putReferral(referral('r1', 10));
        await s.cases.putReferral(referral('r2', 20));
        expect((await s.cases.listReferrals(10)).map((r) => r.id)).toEqual(['r2', 'r1']);
        expect((await s.cases.referralsOfTicket('ticket-1')).map((r) => r.id)).toEqual(['r1', 'r2']);
        expect((await s.cases.referralIdsOfConversation('conv-1')).sort()).toEqual(['r1', 'r2']);
        await s.cases.deleteReferral({ id: 'r1', ticket_id: 'ticket-1' });
        expect((await s.cases.listReferrals(10)).map((r) => r.id)).toEqual(['r2']);
        expect((await s.cases.referralsOfTicket('ticket-1')).map((r) => r.id)).toEqual(['r2']);
      } finally {
        await s.close();
      }
    });

    it('keeps canned replies, availability and the auto-assign switch', async () => {
      const s = await setup();
      try {
        expect(await s.cases.cannedOverrides('ht')).toBeNull();
        await s.cases.putCanned('ht', { hello: 'Bonjou' });
        expect(await s.cases.cannedOverrides('ht')).toEqual({ hello: 'Bonjou' });
        await s.cases.setAvailability('ana', 'available');
        await s.cases.setAvailability('beto', 'away');
        expect(await s.cases.availability()).toEqual({ ana: 'available', beto: 'away' });
        expect(await s.cases.autoAssign()).toBe(false);
        await s.cases.setAutoAssign(true);
        expect(await s.cases.autoAssign()).toBe(true);
      } finally {
        await s.close();
      }
    });
  });
}
