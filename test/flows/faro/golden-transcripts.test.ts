import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../src/render/index.ts';
import { startConversation } from '../../helpers/conversation.ts';

/**
 * Whole conversations as the user sees them, kept in test/fixtures/transcripts/ so a reviewer
 * can read them. A change in any reply fails here; after checking the new text, regenerate
 * with UPDATE_GOLDEN=1 npx vitest run test/flows/faro/golden-transcripts.test.ts
 */
const DIR = join(import.meta.dirname, '../../fixtures/transcripts');

function matchesGolden(name: string, text: string) {
  const file = join(DIR, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('golden transcripts', () => {
  it('a child alone in Tapachula, writing without accents and with typos, learns where to sleep', async () => {
    const c = await startConversation({ channel: 'sms' });
    try {
      await c.say('ola');
      await c.say('1');
      await c.say('2');
      await c.say('1');
      await c.say('tapachula');
      const shelter = await c.say('nesesito un lugar para dormir no tengo donde dormir');
      await c.say('2');
      await c.say('0');
      const all = shelter.join('\n');
      expect(all).toMatch(/lugar seguro para dormir/i);
      expect(all).toMatch(/Hablar con una persona/);
      for (const turn of c.turns)
        for (const r of turn.replies) expect(countSegments(r).segments).toBeLessThanOrEqual(3);
      for (const turn of c.turns)
        for (const r of turn.replies) expect(countSegments(r).encoding).toBe('GSM-7');
      matchesGolden(
        'shelter-child-alone-tapachula',
        c.render('A child alone in Tapachula asks where to sleep (Spanish, no accents, typos)'),
      );
    } finally {
      await c.close();
    }
  });

  it('asylum questions in Haitian Creole are answered in Haitian Creole', async () => {
    const c = await startConversation({ channel: 'whatsapp', number: '+5219625550202' });
    try {
      await c.say('bonjou');
      await c.say('kreyol');
      await c.say('4');
      await c.say('3');
      await c.say('9');
      const asylum = await c.say('mwen vle mande azil');
      await c.say('1');
      await c.say('TOUNEN');
      await c.say('MENI');
      expect(asylum.join('\n')).toMatch(/azil/i);
      expect(asylum.join('\n')).not.toMatch(/\b(usted|asilo en México)\b/);
      matchesGolden('asylum-haitian-creole', c.render('Asylum questions in Haitian Creole (WhatsApp)'));
    } finally {
      await c.close();
    }
  });

  it('changes language in the middle of a conversation', async () => {
    const c = await startConversation({ channel: 'whatsapp', number: '+5219625550303' });
    try {
      await c.say('hola');
      await c.say('español');
      await c.say('4');
      await c.say('3');
      await c.say('9');
      await c.say('IDIOMA');
      const english = await c.say('English');
      const menu = await c.say('menu');
      expect(english.join('\n')).toMatch(/English/);
      expect(menu.join('\n')).toMatch(/Talk to a person/);
      matchesGolden('language-change', c.render('A language change mid-conversation (Spanish → English)'));
    } finally {
      await c.close();
    }
  });

  it('a risk phrase in the middle of the asylum path gets emergency numbers first and a person', async () => {
    const c = await startConversation({ channel: 'sms', number: '+5219625550404' });
    try {
      await c.say('hola');
      await c.say('1');
      await c.say('4');
      await c.say('3');
      await c.say('9');
      await c.say('1');
      await c.say('2');
      const safety = await c.say('ayuda me kieren yebar a la fuersa unos señores');
      const silent = await c.say('hola?');
      expect(safety[0]).toMatch(/^[^\n]*911/);
      expect(silent).toEqual([]);
      matchesGolden('risk-during-asylum', c.render('A risk phrase in the middle of the asylum path (SMS)'));
    } finally {
      await c.close();
    }
  });

  it('a voice note gets a kind "we cannot listen to it" with a way on', async () => {
    const c = await startConversation({ channel: 'whatsapp', number: '+5219625550505' });
    try {
      await c.say('hola');
      await c.say('1');
      const voice = await c.say('', { media: 'audio/ogg' });
      expect(voice.join('\n')).toMatch(/voz/i);
      matchesGolden('voice-note', c.render('A voice note (WhatsApp)'));
    } finally {
      await c.close();
    }
  });

  it('erases everything after a confirmation, and starts afresh', async () => {
    const c = await startConversation({ channel: 'sms', number: '+5219625550606' });
    try {
      await c.say('hola');
      await c.say('1');
      await c.say('BORRAR');
      await c.say('no');
      await c.say('borrar');
      const done = await c.say('si');
      expect(done.join('\n')).toMatch(/borr/i);
      const id = c.t.services.crypto.hash(c.from);
      expect(await c.t.services.store.load(id)).toBeNull();
      expect(await c.t.services.store.transcript(id)).toEqual([]);
      const fresh = await c.say('hola');
      expect(fresh.join('\n')).toMatch(/Kreyòl/);
      matchesGolden('erase-with-confirmation', c.render('Erase with confirmation (SMS)'));
    } finally {
      await c.close();
    }
  });
});

describe('someone in danger who has not chosen a language', () => {
  it.each([
    ['ht', 'tanpri yo vle kidnape m', /Si ou an danje, rele 911/],
    ['en', 'help they are hitting me', /call 911/i],
    ['pt', 'socorro estão me batendo', /ligue para o 911/],
    ['fr', 'aidez moi on me frappe', /appelle le 911/],
  ])('is answered in the language they wrote in (%s)', async (_lng, text, expected) => {
    const c = await startConversation({ channel: 'whatsapp', number: '+5219625550999' });
    try {
      const [reply] = await c.say(text);
      expect(reply).toMatch(expected);
    } finally {
      await c.close();
    }
  });
});
