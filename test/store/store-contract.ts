import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/engine/clock.ts';
import type {
  ConversationRecord,
  ConversationStore,
  OutboundMessage,
  StoredInbound,
} from '../../src/store/store.ts';

type Factory = (
  clock: ReturnType<typeof createManualClock>,
) => Promise<{ store: ConversationStore; cleanup(): Promise<void> }>;

const inbound = (id: string, text = 'hola'): StoredInbound => ({
  id,
  kind: 'message',
  channel: 'sms',
  addressEnc: 'v1.enc',
  to: '+15005550006',
  text,
  mediaCount: 0,
  mediaTypes: [],
  receivedAt: 1,
});
const record = (id: string, version = 0): ConversationRecord => ({
  id,
  version,
  channel: 'sms',
  addressEnc: 'v1.enc',
  to: '+15005550006',
  flowVersion: 1,
  state: { value: { bot: 'menu' }, context: { lang: 'es' } },
  stopped: false,
  ticketId: null,
  childAlone: false,
  createdAt: 1,
  updatedAt: 1,
  lastInboundAt: 1,
});
const outbound = (conversationId: string, id: string): OutboundMessage => ({
  id,
  conversationId,
  channel: 'sms',
  body: 'Hola',
  origin: 'bot',
  status: 'pending',
  sid: null,
  attempts: 0,
  error: null,
  createdAt: 1,
  updatedAt: 1,
});
/** A step that processed `inboxId` and sent nothing. */
const commitOf = (conversationId: string, inboxId: string) => ({
  conversationId,
  expectedVersion: 0,
  record: record(conversationId),
  processedInboxId: inboxId,
  outbound: [],
  transcript: [],
  ttlSeconds: 3600,
});
/** The ids in a conversation's inbox, oldest first, by processing each (the inbox is left empty). */
async function inboxIds(s: ConversationStore, conversationId: string): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const begun = await s.beginProcessing(conversationId, 10_000);
    if (!begun) throw new Error('locked');
    const head = begun.head;
    if (head) {
      const version = begun.record?.version ?? 0;
      await s.commit({ ...commitOf(conversationId, head.id), expectedVersion: version });
      ids.push(head.id);
    }
    await s.finishProcessing(conversationId, begun.token, []);
    if (!head) return ids;
  }
}

/** Whether message `messageId` may take the conversation's send lease now (it keeps it). */
const takeSendLease = async (s: ConversationStore, conversationId: string, messageId: string) =>
  (await s.beginSend(conversationId, messageId, 10_000, 1)) !== null;

const RANK = { pending: -1, queued: 2, sent: 4, failed: 5, delivered: 7, read: 8 };

/** The behaviour every ConversationStore must have; run against memory and Redis. */
export function storeContract(name: string, factory: Factory) {
  describe(`${name} store contract`, () => {
    const withStore = async (
      fn: (s: ConversationStore, clock: ReturnType<typeof createManualClock>) => Promise<void>,
    ) => {
      const clock = createManualClock();
      const { store, cleanup } = await factory(clock);
      try {
        await fn(store, clock);
      } finally {
        await cleanup();
      }
    };

    it('records a message once, however often Twilio retries it', () =>
      withStore(async (s) => {
        expect(await s.recordInbound('c1', inbound('SM1'))).toBe('recorded');
        expect(await s.recordInbound('c1', inbound('SM1'))).toBe('duplicate');
        expect(await inboxIds(s, 'c1')).toEqual(['SM1']);
      }));

    it('remembers a MessageSid for 48 hours, by its own clock', () =>
      withStore(async (s, clock) => {
        await s.recordInbound('c1', inbound('SM1'));
        clock.advance(47 * 3600_000);
        expect(await s.recordInbound('c1', inbound('SM1'))).toBe('duplicate');
        clock.advance(3600_000 + 1);
        expect(await s.recordInbound('c1', inbound('SM1'))).toBe('recorded');
      }));

    it('keeps the inbox in arrival order', () =>
      withStore(async (s) => {
        for (const id of ['SM1', 'SM2', 'SM3']) await s.recordInbound('c1', inbound(id));
        expect(await inboxIds(s, 'c1')).toEqual(['SM1', 'SM2', 'SM3']);
      }));

    it('lets one holder take the lock and release only its own', () =>
      withStore(async (s) => {
        const a = await s.acquireLock('c1', 10_000);
        expect(a).toBeTruthy();
        expect(await s.acquireLock('c1', 10_000)).toBeNull();
        await s.releaseLock('c1', 'not-mine');
        expect(await s.acquireLock('c1', 10_000)).toBeNull();
        await s.releaseLock('c1', a!);
        expect(await s.acquireLock('c1', 10_000)).toBeTruthy();
      }));

    it('lets one message at a time hold the send lease, and a retry of the same message take it back', () =>
      withStore(async (s) => {
        expect(await takeSendLease(s, 'c1', 'm1')).toBe(true);
        expect(await takeSendLease(s, 'c1', 'm2')).toBe(false);
        expect(await takeSendLease(s, 'c1', 'm1')).toBe(true);
        expect(await takeSendLease(s, 'c2', 'm2')).toBe(true);
        await s.releaseSendLease('c1', 'm2');
        expect(await takeSendLease(s, 'c1', 'm2')).toBe(false);
        await s.releaseSendLease('c1', 'm1');
        expect(await takeSendLease(s, 'c1', 'm2')).toBe(true);
      }));

    it('claims a provider SID once per conversation', () =>
      withStore(async (s) => {
        expect(await s.claimSid('c1', 'SM1')).toBe(true);
        expect(await s.claimSid('c1', 'SM1')).toBe(false);
        expect(await s.claimSid('c1', 'SM2')).toBe(true);
        expect(await s.claimSid('c2', 'SM1')).toBe(true);
      }));

    it('forgets a claimed SID after an hour, and never mixes it up with a message it received', () =>
      withStore(async (s, clock) => {
        await s.recordInbound('c1', inbound('SMin'));
        expect(await s.claimSid('c1', 'SMout')).toBe(true);
        clock.advance(3600_000 + 1);
        expect(await s.claimSid('c1', 'SMout')).toBe(true);
        expect(await s.recordInbound('c1', inbound('SMin'))).toBe('duplicate');
      }));

    it('commits state, inbox pop, replies and transcript together, with compare-and-set', () =>
      withStore(async (s) => {
        await s.recordInbound('c1', inbound('SM1'));
        await s.recordInbound('c1', inbound('SM2'));
        const step = {
          conversationId: 'c1',
          expectedVersion: 0,
          record: record('c1'),
          processedInboxId: 'SM1',
          outbound: [outbound('c1', 'SM1.0')],
          transcript: [{ at: 1, from: 'user' as const, text: 'hola' }],
          ttlSeconds: 3600,
        };
        expect(await s.commit(step)).toEqual({
          result: 'committed',
          next: inbound('SM2'),
          outq: ['SM1.0'],
        });
        expect(await s.commit(step)).toEqual({ result: 'conflict' });
        expect((await s.load('c1'))?.version).toBe(1);
        expect(await s.pendingOutbound('c1')).toEqual(['SM1.0']);
        expect(await s.transcript('c1')).toHaveLength(1);
        // The head changed under us: conflict, nothing written.
        expect(await s.commit({ ...step, expectedVersion: 1, processedInboxId: 'SM9' })).toEqual({
          result: 'conflict',
        });
        expect((await s.load('c1'))?.version).toBe(1);
        await s.ackOutbound('c1', ['SM1.0']);
        expect(await s.pendingOutbound('c1')).toEqual([]);
        expect(await inboxIds(s, 'c1')).toEqual(['SM2']);
      }));

    it('saves a record only at the version it was loaded at', () =>
      withStore(async (s) => {
        expect(await s.saveRecord(record('c1'), 0, 3600)).toBe(true);
        expect(await s.saveRecord(record('c1'), 0, 3600)).toBe(false);
        expect(await s.saveRecord(record('c1'), 1, 3600)).toBe(true);
        expect((await s.load('c1'))?.version).toBe(2);
      }));

    it('never moves a message status backwards', () =>
      withStore(async (s) => {
        await s.addOutbound(outbound('c1', 'm1'), null, 3600);
        await s.updateMessage('c1', 'm1', { status: 'delivered', sid: 'SMx' }, RANK);
        await s.updateMessage('c1', 'm1', { status: 'sent' }, RANK);
        expect((await s.getMessage('c1', 'm1'))?.status).toBe('delivered');
        await s.updateMessage('c1', 'm1', { status: 'read' }, RANK);
        expect((await s.getMessage('c1', 'm1'))?.status).toBe('read');
        await s.forgetMessage('c1', 'm1');
        expect(await s.getMessage('c1', 'm1')).toBeNull();
        expect(await s.updateMessage('c1', 'm1', { status: 'read' }, RANK)).toBeNull();
      }));

    it('keeps a conversation pending while it has work, and clears it when idle', () =>
      withStore(async (s, clock) => {
        await s.recordInbound('c1', inbound('SM1'));
        await s.markPending('c1', clock.now());
        expect(await s.listPending(clock.now(), 10)).toEqual(['c1']);
        const first = await s.beginProcessing('c1', 10_000);
        expect(await s.finishProcessing('c1', first!.token, [])).toBe(false);
        expect(await s.listPending(clock.now() + 10_000, 10)).toEqual(['c1']);
        const second = await s.beginProcessing('c1', 10_000);
        await s.commit(commitOf('c1', 'SM1'));
        expect(await s.finishProcessing('c1', second!.token, [])).toBe(true);
        expect(await s.listPending(clock.now() + 10_000, 10)).toEqual([]);
      }));

    it('begins processing with the lock, the inbox head and the record, and finishes it in one step', () =>
      withStore(async (s, clock) => {
        await s.saveRecord(record('c1'), 0, 3600);
        await s.recordInbound('c1', inbound('SM1'));
        await s.markPending('c1', clock.now());
        const begun = await s.beginProcessing('c1', 10_000);
        expect(begun).toMatchObject({ head: inbound('SM1'), record: { id: 'c1', version: 1 } });
        expect(await s.beginProcessing('c1', 10_000)).toBeNull();
        const done = await s.commit({
          conversationId: 'c1',
          expectedVersion: 1,
          record: record('c1'),
          processedInboxId: 'SM1',
          outbound: [outbound('c1', 'SM1.0'), outbound('c1', 'SM1.1')],
          transcript: [],
          ttlSeconds: 3600,
        });
        expect(done).toEqual({ result: 'committed', next: null, outq: ['SM1.0', 'SM1.1'] });
        // Only SM1.0 reached the outbox: the conversation keeps its place in the pending set.
        expect(await s.finishProcessing('c1', begun!.token, ['SM1.0'])).toBe(false);
        expect(await s.pendingOutbound('c1')).toEqual(['SM1.1']);
        expect(await s.listPending(clock.now() + 10_000, 10)).toEqual(['c1']);
        const again = await s.beginProcessing('c1', 10_000);
        expect(again).toMatchObject({ head: null, record: { version: 2 } });
        expect(await s.finishProcessing('c1', again!.token, ['SM1.1'])).toBe(true);
        expect(await s.listPending(clock.now() + 10_000, 10)).toEqual([]);
        // A stale token releases nothing.
        const third = await s.beginProcessing('c1', 10_000);
        await s.finishProcessing('c1', 'not-mine', []);
        expect(await s.beginProcessing('c1', 10_000)).toBeNull();
        await s.finishProcessing('c1', third!.token, []);
        expect(await s.beginProcessing('c1', 10_000)).not.toBeNull();
      }));

    it('begins and finishes a send: lease, in-flight mark, SID claimed, message updated or dropped', () =>
      withStore(async (s) => {
        await s.saveRecord(record('c1'), 0, 3600);
        await s.addOutbound(outbound('c1', 'm1'), null, 3600);
        await s.addOutbound(outbound('c1', 'm2'), null, 3600);
        const begun = await s.beginSend('c1', 'm1', 10_000, 5_000);
        expect(begun?.message?.inFlightSince ?? null).toBeNull(); // as it was
        expect((await s.getMessage('c1', 'm1'))?.inFlightSince).toBe(5_000);
        expect(begun?.record?.id).toBe('c1');
        expect(await s.beginSend('c1', 'm2', 10_000, 6_000)).toBeNull();
        // A retry of m1 takes its own lease back and sees the in-flight mark; it keeps it.
        expect((await s.beginSend('c1', 'm1', 10_000, 7_000))?.message?.inFlightSince).toBe(5_000);
        await s.finishSend(
          'c1',
          'm1',
          'SMa',
          { status: 'queued', sid: 'SMa', inFlightSince: null },
          {
            forget: false,
            statusRank: RANK,
          },
        );
        expect(await s.getMessage('c1', 'm1')).toMatchObject({
          status: 'queued',
          sid: 'SMa',
          inFlightSince: null,
        });
        expect(await s.claimSid('c1', 'SMa')).toBe(false);
        expect(await s.beginSend('c1', 'm2', 10_000, 8_000)).not.toBeNull();
        await s.finishSend('c1', 'm2', 'SMb', { status: 'queued' }, { forget: true, statusRank: RANK });
        expect(await s.getMessage('c1', 'm2')).toBeNull();
        expect(await takeSendLease(s, 'c1', 'm3')).toBe(true);
      }));

    it('accepts a message in one step: dedupe, then flood count, inbox (marked past the limit), pending', () =>
      withStore(async (s, clock) => {
        const opts = { minute: 100, floodMax: 2, at: clock.now() };
        expect(await s.acceptInbound('c1', inbound('SM1'), opts)).toEqual({ result: 'recorded', count: 1 });
        // A retry is neither counted nor recorded again.
        expect(await s.acceptInbound('c1', inbound('SM1'), opts)).toEqual({ result: 'duplicate', count: 1 });
        expect(await s.acceptInbound('c1', inbound('SM2'), opts)).toEqual({ result: 'recorded', count: 2 });
        expect(await s.acceptInbound('c1', inbound('SM3'), opts)).toEqual({ result: 'flooded', count: 3 });
        expect(await s.acceptInbound('c1', inbound('SM3'), opts)).toEqual({ result: 'duplicate', count: 3 });
        expect(await s.listPending(clock.now(), 10)).toEqual(['c1']);
        // A new minute, a new count.
        expect(await s.acceptInbound('c1', inbound('SM4'), { ...opts, minute: 101 })).toEqual({
          result: 'recorded',
          count: 1,
        });
        const heads: Array<[string, number | undefined]> = [];
        for (let i = 0; i < 4; i++) {
          const begun = await s.beginProcessing('c1', 10_000);
          const head = begun!.head!;
          heads.push([head.id, head.flooded]);
          const step = { ...commitOf('c1', head.id), expectedVersion: i };
          expect((await s.commit(step)).result).toBe('committed');
          await s.finishProcessing('c1', begun!.token, []);
        }
        expect(heads).toEqual([
          ['SM1', undefined],
          ['SM2', undefined],
          ['SM3', 100],
          ['SM4', undefined],
        ]);
      }));

    it('keeps the Twilio resources to delete while the conversation exists, and hands them to erase', () =>
      withStore(async (s) => {
        await s.keepTwilioSids('c1', ['SMa'], 3600); // no conversation yet: nothing kept
        await s.saveRecord(record('c1'), 0, 3600);
        await s.keepTwilioSids('c1', ['SMb', 'MMc/MEd'], 3600);
        await s.keepTwilioSids('c1', ['SMb'], 3600);
        const erased = await s.erase('c1');
        expect(erased.twilioSids.sort()).toEqual(['MMc/MEd', 'SMb']);
        expect((await s.erase('c1')).twilioSids).toEqual([]);
      }));

    it('erases every trace of a conversation', () =>
      withStore(async (s) => {
        await s.recordInbound('c1', inbound('SM1'));
        await s.addOutbound(outbound('c1', 'm1'), { at: 1, from: 'bot', text: 'x' }, 3600);
        await s.updateMessage('c1', 'm1', { sid: 'SMx' });
        await s.saveRecord(record('c1'), 0, 3600);
        await s.claimSid('c1', 'SMx');
        await takeSendLease(s, 'c1', 'm1');
        expect(await s.erase('c1')).toEqual({ messageIds: ['m1'], twilioSids: [] });
        expect(await s.claimSid('c1', 'SMx')).toBe(true);
        expect(await takeSendLease(s, 'c1', 'm2')).toBe(true);
        expect(await s.load('c1')).toBeNull();
        expect(await s.pendingOutbound('c1')).toEqual([]);
        expect(await s.transcript('c1')).toEqual([]);
        expect(await s.getMessage('c1', 'm1')).toBeNull();
        // Erased means forgotten: the same id is new again, and alone in a new inbox.
        expect(await s.recordInbound('c1', inbound('SM1'))).toBe('recorded');
        expect(await inboxIds(s, 'c1')).toEqual(['SM1']);
      }));
  });
}
