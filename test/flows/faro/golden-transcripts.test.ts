import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../src/render/index.ts';
import { OUT_OF_HOURS, startConversation } from '../../helpers/conversation.ts';

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

/** The ticket of a conversation, as the console shows it. */
async function ticketOf(c: Awaited<ReturnType<typeof startConversation>>) {
  return c.t.services.handoffSide.tickets.openFor(c.t.services.crypto.hash(c.from));
}

function withinSmsBudget(c: Awaited<ReturnType<typeof startConversation>>) {
  for (const turn of c.turns)
    for (const r of turn.replies) {
      expect(countSegments(r).segments).toBeLessThanOrEqual(3);
      expect(countSegments(r).encoding).toBe('GSM-7');
    }
}

describe('golden transcripts', () => {
  it('a family asking for a place to sleep in its first message is answered at the second exchange', async () => {
    const c = await startConversation({ channel: 'sms' });
    try {
      const first = await c.say('hola necesito un lugar donde dormir con mis hijos');
      const shelter = await c.say('tapachula');
      expect(first.join('\n')).toMatch(/Hola, soy Faro/);
      expect(first.join('\n')).toMatch(/En qu. ciudad estas/);
      expect(first.join('\n')).not.toMatch(/Elige tu idioma/);
      expect(shelter.join('\n')).toMatch(/lugar seguro para dormir/i);
      withinSmsBudget(c);
      matchesGolden(
        'shelter-first-message',
        c.render('A family asks for a place to sleep in its first message (SMS)'),
      );
    } finally {
      await c.close();
    }
  });

  it('a first message in Haitian Creole is answered in Haitian Creole, without the language list', async () => {
    const c = await startConversation({ channel: 'whatsapp', number: '+5219625550202' });
    try {
      const first = await c.say('bonjou mwen bezwen yon kote pou m dòmi ak pitit mwen yo');
      const shelter = await c.say('1');
      expect(first.join('\n')).toMatch(/Bonjou, mwen se Faro/);
      expect(first.join('\n')).not.toMatch(/Elige tu idioma/);
      expect(shelter.join('\n')).toMatch(/dòmi/i);
      expect(shelter.join('\n')).not.toMatch(/\b(albergue|usted)\b/);
      matchesGolden('shelter-haitian-creole', c.render('A first message in Haitian Creole (WhatsApp)'));
    } finally {
      await c.close();
    }
  });

  it('questions reach the screen that answers them, not the topic', async () => {
    const c = await startConversation({ channel: 'sms', number: '+5219625550303' });
    try {
      await c.say('hola');
      const deadline = await c.say('cuantos dias tengo para pedir refugio');
      const school = await c.say('puedo meter a mi hija a la escuela sin papeles');
      const tvrh = await c.say('cuanto cuesta el tramite de la visa humanitaria');
      expect(deadline.join('\n')).toMatch(/30 dias habiles/);
      expect(school.join('\n')).toMatch(/Escuela|inscribir/);
      expect(tvrh.join('\n')).toMatch(/Tarjeta humanitaria/);
      expect(tvrh.join('\n')).not.toMatch(/peligro ahora/);
      withinSmsBudget(c);
      matchesGolden('questions-to-screens', c.render('Questions reach their screens (SMS)'));
    } finally {
      await c.close();
    }
  });

  it('an anonymous report: from free text, four numbered questions, then exactly what is kept and where to get help', async () => {
    const c = await startConversation({ channel: 'sms', number: '+5219625550909' });
    try {
      const what = await c.say('quiero reportar que migracion nos regreso sin preguntar');
      await c.say('4');
      await c.say('8');
      await c.say('1');
      const done = await c.say('1');
      const city = await c.say('tapachula');
      expect(what.join('\n')).toMatch(/Contar un abuso, sin tu nombre/);
      expect(done.join('\n')).toMatch(/Solo guardamos el conteo/);
      expect(done.join('\n')).toMatch(/no es una denuncia/);
      expect(city.join('\n')).toMatch(/escribe PERSONA/);
      withinSmsBudget(c);
      matchesGolden(
        'anonymous-report',
        c.render('An anonymous report of a return without a procedure (SMS)'),
      );
    } finally {
      await c.close();
    }
  });

  it('understands age, company and city in words, asks each once, and a child alone is first in the queue', async () => {
    const c = await startConversation({ channel: 'sms', number: '+5219625550404' });
    try {
      const ask = await c.say('que derechos tengo aqui en mexico?');
      const rights = await c.say('tengo 15 y vengo sola');
      const city = await c.say('necesito donde dormir hoy');
      const shelter = await c.say('estoy en tapachula');
      await c.say('PERSONA');
      expect(ask.join('\n')).toMatch(/menos de 18/);
      expect(rights.join('\n')).toMatch(/Tus derechos/);
      expect(city.join('\n')).toMatch(/En qu. ciudad/);
      expect(shelter.join('\n')).toMatch(/lugar seguro para dormir/i);
      expect(await ticketOf(c)).toMatchObject({
        ageGroup: '12to17',
        alone: true,
        city: 'tapachula',
        priority: 50,
      });
      withinSmsBudget(c);
      matchesGolden('profile-in-words', c.render('Age, company and city said in words (SMS)'));
    } finally {
      await c.close();
    }
  });

  it('shows one numbered list per message, and a number means the last list', async () => {
    const c = await startConversation({ channel: 'sms', number: '+5219625550505' });
    try {
      await c.say('necesito donde dormir hoy');
      const tapachula = await c.say('1');
      const again = await c.say('necesito donde dormir hoy');
      expect(tapachula.join('\n')).toMatch(/lugar seguro para dormir/i);
      expect(tapachula.join('\n')).not.toMatch(/^Cuidado con ofertas/m);
      for (const turn of c.turns) {
        const lists = turn.replies
          .join('\n')
          .split('\n')
          .filter((line) => /^1 \S/.test(line));
        expect(lists.length, turn.user).toBeLessThanOrEqual(1);
      }
      expect(again.join('\n')).toMatch(/lugar seguro para dormir/i);
      matchesGolden('one-list-per-message', c.render('One numbered list per message (SMS)'));
    } finally {
      await c.close();
    }
  });

  it('hears danger nobody listed, answers with the numbers first, and "No, me equivoqué" lowers the ticket', async () => {
    const c = await startConversation({ channel: 'sms', number: '+5219625550606' });
    try {
      const danger = await c.say('un señor me quiere subir a su carro a la fuerza');
      expect(danger[0]).toMatch(/^[^\n]*911/);
      expect(danger.join('\n')).toMatch(/089/);
      expect(danger.join('\n')).toMatch(/Estas en peligro ahora\?\n1 Si\n2 No, me equivoqu[eé]/);
      expect(await ticketOf(c)).toMatchObject({ reasons: ['safety'], risk: 'kidnapping', priority: 100 });
      const corrected = await c.say('2');
      expect(corrected.join('\n')).toMatch(/sin urgencia/);
      expect(await ticketOf(c)).toMatchObject({ status: 'waiting', dangerDenied: true, priority: 10 });
      matchesGolden('danger-then-correction', c.render('Danger heard, then "No, me equivoqué" (SMS)'));
    } finally {
      await c.close();
    }
  });

  it('danger at night: the numbers first, then honestly that nobody from the team is on duty', async () => {
    const c = await startConversation({ channel: 'sms', number: '+5219625550611', at: OUT_OF_HOURS });
    try {
      const danger = await c.say('me quieren matar ayuda');
      const all = danger.join('\n');
      expect(danger[0]).toMatch(/^[^\n]*911/);
      expect(all.indexOf('911')).toBeLessThan(all.search(/nadie del equipo/i));
      matchesGolden('danger-out-of-hours', c.render('Danger at night, nobody on duty (SMS)'));
    } finally {
      await c.close();
    }
  });

  it('fear and a request for a person open a ticket at safety priority; being held gets the trafficking line', async () => {
    const c = await startConversation({ channel: 'sms', number: '+5219625550707' });
    const d = await startConversation({ channel: 'sms', number: '+5219625550708' });
    try {
      const afraid = await c.say('quiero hablar con una persona por favor, estoy solo y tengo miedo');
      expect(afraid[0]).toMatch(/^[^\n]*911/);
      expect(await ticketOf(c)).toMatchObject({ reasons: ['safety'], priority: 100 });
      const held = await d.say('me quiere llevar a trabajar y no me deja ir');
      expect(held.join('\n')).toMatch(/Trata: 800 5533 000|contra la Trata: 800 5533 000/);
      expect(await ticketOf(d)).toMatchObject({ risk: 'trafficking' });
      matchesGolden('afraid-asks-for-a-person', c.render('Afraid, asks for a person (SMS)'));
      matchesGolden('held-and-made-to-work', d.render('Held and made to work (SMS)'));
    } finally {
      await c.close();
      await d.close();
    }
  });

  it('ordinary words: help shows the menu, a human is a person, and thanks after a closed ticket is thanked', async () => {
    const c = await startConversation({ channel: 'whatsapp', number: '+5219625550808' });
    try {
      const help = await c.say('necesito ayuda');
      expect(help.join('\n')).toMatch(/En qué te ayudo/);
      await c.say('puedo hablar con un humano?');
      const ticket = await ticketOf(c);
      expect(ticket).toMatchObject({ reasons: ['asked'] });
      await c.t.services.engine.acceptEvent(c.t.services.crypto.hash(c.from), 'TICKET_CLOSED', 'evt-close-1');
      await c.t.services.engine.idle();
      await c.t.services.outbox.drain();
      const thanks = await c.say('gracias');
      const hello = await c.say('hola');
      const robot = await c.say('eres un robot?');
      expect(thanks.join('\n')).toMatch(/De nada/);
      expect(hello.join('\n')).toMatch(/En qué te ayudo/);
      expect(robot.join('\n')).toMatch(/no soy una persona/);
      for (const r of [thanks, hello, robot]) expect(r.join('\n')).not.toMatch(/no te entendí|\n1 /);
      matchesGolden('small-talk', c.render('Help, a human, and small talk after a closed ticket (WhatsApp)'));
    } finally {
      await c.close();
    }
  });

  it('changes language in the middle of a conversation', async () => {
    const c = await startConversation({ channel: 'whatsapp', number: '+5219625550303' });
    try {
      await c.say('hola');
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
      await c.say('2');
      const safety = await c.say('ayuda me kieren yebar a la fuersa unos señores');
      const once = await c.say('hola?');
      const silent = await c.say('hola?');
      expect(safety[0]).toMatch(/^[^\n]*911/);
      expect(once.join('\n')).toMatch(/una persona te va a escribir/);
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
      await c.say('BORRAR');
      await c.say('no');
      await c.say('borrar');
      const done = await c.say('si');
      expect(done.join('\n')).toMatch(/borr/i);
      const id = c.t.services.crypto.hash(c.from);
      expect(await c.t.services.store.load(id)).toBeNull();
      expect(await c.t.services.store.transcript(id)).toEqual([]);
      const fresh = await c.say('hola');
      expect(fresh.join('\n')).toMatch(/Hola, soy Faro/);
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
