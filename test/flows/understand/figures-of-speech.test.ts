import { describe, expect, it } from 'vitest';
import { understandMessage } from '../../helpers/understanding.ts';

// Said every day, and never a reason to send emergency numbers (issue #9's own examples).
const ORDINARY = [
  'cuanto cuesta el tramite de la visa humanitaria',
  'el tramite de comar cuanto tarda',
  'me muero de risa jaja',
  'estoy muerto de cansancio',
  'me mata el calor',
  'to morrendo de fome kkk',
  'je meurs de faim lol',
  'chale a ap touye m isit la',
  'valeu demais',
  'gracias',
];

// Danger written in words no phrase list holds.
const DANGER: Array<[string, string]> = [
  ['un señor me quiere subir a su carro a la fuerza', 'kidnapping'],
  ['me quiere llevar a trabajar y no me deja ir', 'trafficking'],
  ['nos tienen encerrados en una casa', 'trafficking'],
  ['tienen a mi hermano y piden dinero', 'kidnapping'],
  ['me quieren matar ayuda', 'threat'],
];

describe('figures of speech', () => {
  it.each(ORDINARY)('"%s" raises no alarm and no danger check', (text) => {
    const u = understandMessage(text);
    expect(u.risk).toBeNull();
    expect(u.riskUnsure).toBeNull();
  });
});

describe('danger nobody listed', () => {
  it.each(DANGER)('"%s" is heard as danger', (text) => {
    expect(understandMessage(text).risk).not.toBeNull();
  });

  it('being made to work or held is answered with the trafficking line', () => {
    expect(understandMessage('me quiere llevar a trabajar y no me deja ir').risk).toBe('trafficking');
  });
});
