import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../../src/build-services.ts';
import { loadUnderstanding } from '../../../src/engine/load-understanding.ts';
import { botStrings, LANGUAGES } from './locale-files.ts';

/**
 * Every word a message asks the user to write in capitals (PERSONA, BORRAR, HUMAIN…) must be
 * understood as what the message promises. French offers HUMAIN beside PERSONNE, which also
 * means "nobody".
 */
const understand = loadUnderstanding(ROOT_DIR);

/** Capitalised words that are names or emphasis, not commands. */
const NOT_COMMANDS = new Set([
  ...['COMAR', 'INM', 'DIF', 'CURP', 'TVRH', 'LGBTQ', 'MSF', 'VIH', 'HIV', 'PIN'],
  // Emphasis: "NO es la constancia", "is NOT", "n'est PAS", "se PA".
  ...['NO', 'NOT', 'PAS', 'PA'],
]);

const COMMAND_OF: Record<string, string> = {
  PERSONA: 'person',
  PERSON: 'person',
  PERSONNE: 'person',
  HUMAIN: 'person',
  MOUN: 'person',
  PESSOA: 'person',
  BORRAR: 'erase',
  DELETE: 'erase',
  EFFACER: 'erase',
  EFASE: 'erase',
  APAGAR: 'erase',
  IDIOMA: 'language',
  LANGUAGE: 'language',
  LANGUE: 'language',
  LANG: 'language',
  MENÚ: 'menu',
  MENU: 'menu',
  MENI: 'menu',
  ATRÁS: 'back',
  BACK: 'back',
  RETOUR: 'back',
  TOUNEN: 'back',
  VOLTAR: 'back',
  SÍ: 'yes',
  YES: 'yes',
  OUI: 'yes',
  WI: 'yes',
  SIM: 'yes',
  NÃO: 'no',
  NON: 'no',
};

const cases = LANGUAGES.flatMap((lng) => {
  const words = new Set(
    [...botStrings(lng).values()].flatMap((text) => text.match(/(?<!\p{L})\p{Lu}{2,}(?!\p{L})/gu) ?? []),
  );
  return [...words].filter((w) => !NOT_COMMANDS.has(w)).map((word) => [lng, word] as const);
});

describe('command words in messages', () => {
  it.each(cases)('%s: "%s" is understood as the command it names', (_lng, word) => {
    const expected = COMMAND_OF[word];
    expect(expected, `${word} is not a known command word`).toBeDefined();
    const u = understand(word);
    // PERSONNE alone is not a command (it also means "nobody"); the question index takes it to a person.
    const heard = u.command ?? (u.answer === '@person' ? 'person' : null);
    expect(heard).toBe(expected);
  });

  it('offer HUMAIN in French wherever they offer PERSONNE as a command on its own line', () => {
    const fr = botStrings('fr');
    for (const key of ['notUnderstood.second', 'media.unsupported', 'handoff.cancelled', 'smallTalk.robot'])
      expect(fr.get(key), key).toMatch(/PERSONNE ou HUMAIN/);
  });
});
