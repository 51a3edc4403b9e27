import { describe, expect, it } from 'vitest';
import type { FlowState } from '../../../src/engine/run-flow.ts';
import { countSegments } from '../../../src/render/index.ts';
import { localMonth } from '../../../src/stats/local-date.ts';
import { IN_HOURS, startConversation } from '../../helpers/conversation.ts';

/**
 * The anonymous report (issue 13) as a person meets it, in each language: from the menu's last
 * number, four numbered questions, then thanks that say exactly what is kept. Only the four
 * categories reach the counters, by month; nothing of them stays in the conversation.
 */
const LANGUAGES = [
  {
    lang: 'es',
    pick: 'español',
    intro: 'Contar un abuso, sin tu nombre',
    thanks: 'Gracias por contarlo',
    kept: 'Solo guardamos el conteo',
  },
  {
    lang: 'en',
    pick: 'english',
    intro: 'Report an abuse, without your name',
    thanks: 'Thank you for telling us',
    kept: 'We only keep the count',
  },
  {
    lang: 'fr',
    pick: 'francais',
    intro: 'Signaler un abus, sans ton nom',
    thanks: "Merci de l'avoir dit",
    kept: 'Nous gardons seulement le compte',
  },
  {
    lang: 'ht',
    pick: 'kreyol',
    intro: 'Rapote yon abi, san non ou',
    thanks: 'Mesi paske ou di sa',
    kept: 'Nou kenbe selman kantite a',
  },
  {
    lang: 'pt',
    pick: 'portugues',
    intro: 'Relatar um abuso, sem seu nome',
    thanks: 'Obrigado por contar',
    kept: 'So guardamos a contagem',
  },
] as const;

/** The SMS renderer writes GSM-7: accents dropped. */
const plain = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');

describe.each(LANGUAGES)('an anonymous report in $lang', ({ lang, pick, intro, thanks, kept }) => {
  it('goes from the menu through four questions to the thanks, each SMS within 3 segments', async () => {
    const c = await startConversation({
      channel: 'sms',
      number: `+52196255507${lang === 'es' ? 10 : lang.charCodeAt(0)}`,
    });
    try {
      const menu = await c.say(pick);
      expect(menu.join('\n')).toMatch(/\n10 /);
      const what = await c.say('10');
      const where = await c.say('4');
      const when = await c.say('tapachula');
      const who = await c.say('1');
      const done = await c.say('1');
      expect(plain(what.join('\n'))).toContain(intro);
      for (const question of [where, when, who]) expect(question.join('\n')).toMatch(/^1 /m);
      expect(plain(done.join('\n'))).toContain(thanks);
      expect(plain(done.join('\n'))).toContain(kept);
      for (const turn of c.turns)
        for (const reply of turn.replies) {
          expect(countSegments(reply).segments, reply).toBeLessThanOrEqual(3);
          expect(countSegments(reply).encoding).toBe('GSM-7');
        }

      await c.t.services.stats.recorder.idle();
      const month = localMonth(IN_HOURS);
      const [reports] = await c.t.services.stats.counts.read([{ kind: 'reports', month }]);
      expect(Object.fromEntries(reports!)).toEqual({
        'returned_without_procedure|tapachula|this_week|migration': 1,
      });
      // The conversation keeps no trace of the answers once the report is sent.
      const record = await c.t.services.store.load(c.t.services.crypto.hash(c.from));
      expect((record?.state as FlowState | undefined)?.context.report).toBeNull();
      expect(JSON.stringify(record)).not.toMatch(/returned_without_procedure|migration/);
    } finally {
      await c.close();
    }
  });
});

describe('reaching the report by free text', () => {
  it.each([
    ['es', 'me negaron la atención en el hospital y quiero reportarlo', 'Contar un abuso'],
    ['es', 'quiero reportar que migracion nos regreso', 'Contar un abuso'],
    ['en', 'i want to report that migration sent us back', 'Report an abuse'],
    ['fr', 'je veux signaler que la police m a vole', 'Signaler un abus'],
    ['ht', 'mwen vle rapote sa imigrasyon fe m', 'Rapote yon abi'],
    ['pt', 'quero relatar que a policia me cobrou', 'Relatar um abuso'],
  ])('%s: "%s"', async (_lang, text, intro) => {
    const c = await startConversation({ channel: 'whatsapp', number: '+5219625550720' });
    try {
      const reply = await c.say(text);
      expect(plain(reply.join('\n'))).toContain(intro);
    } finally {
      await c.close();
    }
  });

  it('forgets the answers when the person leaves half-way, and counts nothing', async () => {
    const c = await startConversation({ channel: 'sms', number: '+5219625550721' });
    try {
      await c.say('hola');
      await c.say('10');
      await c.say('3');
      const menu = await c.say('MENU');
      expect(plain(menu.join('\n'))).toMatch(/En que te ayudo/);
      const record = await c.t.services.store.load(c.t.services.crypto.hash(c.from));
      expect((record?.state as FlowState | undefined)?.context.report).toBeNull();
      await c.t.services.stats.recorder.idle();
      const [reports] = await c.t.services.stats.counts.read([
        { kind: 'reports', month: localMonth(IN_HOURS) },
      ]);
      expect(reports!.size).toBe(0);
    } finally {
      await c.close();
    }
  });
});
