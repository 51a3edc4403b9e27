import { describe, expect, it } from 'vitest';
import { understandMessage } from '../../helpers/understanding.ts';

// Plain, short cries for help, one of each kind of danger per language, written for this test
// (never copied into training data). The detector learned much of its data from indirect
// disclosures and from figures of speech ('chalè a ap touye m'): it must still hear the plain
// ones, and when it does not, the lexicon's phrase does ('yo vle touye m').
const PLAIN: Array<[string, string]> = [
  ['es', 'auxilio un hombre me quiere matar'],
  ['es', 'ayudenme me estan pegando con un palo'],
  ['es', 'porfa ayuda se llevaron a mi hermano en una camioneta'],
  ['es', 'mi hijo no respira'],
  ['es', 'ya no quiero vivir me voy a tirar del puente'],
  ['es', 'no encuentro a mi niña desde la mañana'],
  ['es', 'el patron nos quito los papeles y no nos deja irnos'],
  ['es', 'un señor me metio la mano bajo la falda'],
  ['en', 'somebody help a man wants to kill me'],
  ['en', 'pls help my dad is hitting my mom right now'],
  ['en', 'they grabbed my sister and put her in a truck'],
  ['en', 'my little girl fainted and wont wake up'],
  ['en', 'i dont want to live anymore i have the pills'],
  ['en', 'my 6 year old disappeared at the bus station'],
  ['en', 'they lock us in and make us work for free'],
  ['en', 'a man touched me and said not to tell'],
  ['fr', 'au secours ils vont me tuer'],
  ['fr', 'aidez moi mon mari me frappe'],
  ['fr', 'des hommes ont pris mon petit frère, ils veulent une rançon'],
  ['fr', 'mon bebe respire plus'],
  ['fr', 'je veux mourir ce soir'],
  ['fr', 'j ai perdu ma fille au marché'],
  ['fr', 'on nous enferme et on nous fait travailler sans payer'],
  ['fr', 'un homme m a forcée hier soir'],
  ['ht', 'anmwe gen yon nèg ki vle touye m'],
  ['ht', 'tanpri papa m ap frape manman m ak baton'],
  ['ht', 'yo pran pitit mwen yo mande kòb'],
  ['ht', 'bebe a pa respire ankò'],
  ['ht', 'm ap fini ak lavi m jodi a'],
  ['ht', 'ti gason m nan disparèt depi maten'],
  ['ht', 'yo fèmen nou yo fè n travay gratis'],
  ['ht', 'yon gason fòse m fè bagay ak li'],
  ['pt', 'socorro um cara quer me matar'],
  ['pt', 'me ajuda meu padrasto ta me batendo'],
  ['pt', 'levaram meu irmao num carro e pedem dinheiro'],
  ['pt', 'minha filha desmaiou e nao acorda'],
  ['pt', 'vou acabar com minha vida hoje'],
  ['pt', 'perdi minha filha na feira'],
  ['pt', 'trancam a gente e obrigam a trabalhar sem pagar'],
  ['pt', 'um homem me agarrou a força ontem a noite'],
];

describe('plain statements of danger', () => {
  it.each(PLAIN)('(%s) "%s" is answered as danger', (_lang, text) => {
    expect(understandMessage(text).risk).not.toBeNull();
  });
});
