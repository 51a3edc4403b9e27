import { describe, expect, it } from 'vitest';
import { type Command, matchCommand } from '../../../flows/understand/index.ts';

const COMMANDS: Record<string, readonly (readonly [string, Command])[]> = {
  es: [
    ['MENU', 'menu'],
    ['Menú', 'menu'],
    ['0', 'menu'],
    ['inicio', 'menu'],
    ['ATRÁS', 'back'],
    ['atras', 'back'],
    ['volver', 'back'],
    ['IDIOMA', 'language'],
    ['ayuda', 'help'],
    ['ayuda por favor', 'help'],
    ['¡¡AYUDAAA!!', 'help'],
    ['persona', 'person'],
    ['humano', 'person'],
    ['AGENTE', 'person'],
    ['hablar con alguien', 'person'],
    ['quiero hablar con una persona', 'person'],
    ['BORRAR', 'erase'],
    ['borrar mis datos', 'erase'],
    ['sí', 'yes'],
    ['Si', 'yes'],
    ['no', 'no'],
    ['no quiero', 'no'],
  ],
  en: [
    ['back', 'back'],
    ['LANGUAGE', 'language'],
    ['lang', 'language'],
    ['help', 'help'],
    ['help please', 'help'],
    ['agent', 'person'],
    ['talk to a person', 'person'],
    ['DELETE', 'erase'],
    ['yes', 'yes'],
    ['no', 'no'],
  ],
  fr: [
    ['retour', 'back'],
    ['langue', 'language'],
    ['aide', 'help'],
    ['humain', 'person'],
    ["parler à quelqu'un", 'person'],
    ['supprimer', 'erase'],
    ['effacer', 'erase'],
    ['oui', 'yes'],
    ['non', 'no'],
  ],
  ht: [
    ['MENI', 'menu'],
    ['tounen', 'back'],
    ['idyom', 'language'],
    ['Èd', 'help'],
    ['èd tanpri', 'help'],
    ['moun', 'person'],
    ['mwen vle pale ak yon moun', 'person'],
    ['efase', 'erase'],
    ['wi', 'yes'],
    ['non', 'no'],
  ],
  pt: [
    ['voltar', 'back'],
    ['língua', 'language'],
    ['idioma', 'language'],
    ['ajuda', 'help'],
    ['pessoa', 'person'],
    ['falar com uma pessoa', 'person'],
    ['apagar', 'erase'],
    ['sim', 'yes'],
    ['não', 'no'],
    ['nao', 'no'],
  ],
};

describe('matchCommand', () => {
  for (const [language, table] of Object.entries(COMMANDS)) {
    describe(`in ${language}`, () => {
      it.each(table)('takes "%s" as %s', (text, command) => {
        expect(matchCommand(text)).toBe(command);
      });
    });
  }

  it.each([
    ['  m e n u  ', 'menu'],
    ['MENU.', 'menu'],
    ['menu 🙏', 'menu'],
    ['si si', 'yes'],
  ] as const)('ignores spacing, punctuation and emoji in "%s"', (text, command) => {
    expect(matchCommand(text)).toBe(command);
  });

  it.each([
    'necesito ayuda con mis papeles',
    'nesesito ayuda no tengo donde dormir',
    'el menu de hoy',
    'no tengo donde dormir',
    'quiero volver a mi pais',
    'hola',
    'por favor',
    '',
    '1',
    '2',
    '10',
  ])('does not take "%s" as a command', (text) => {
    expect(matchCommand(text)).toBeNull();
  });

  // Carrier keywords belong to Twilio's opt-out handling, not to the flow.
  it.each(['STOP', 'START', 'UNSUBSCRIBE', 'STOPALL', 'CANCEL', 'END', 'QUIT', 'UNSTOP', 'INFO'])(
    'leaves the carrier keyword "%s" alone',
    (text) => {
      expect(matchCommand(text)).toBeNull();
    },
  );
});
