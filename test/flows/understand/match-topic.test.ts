import { describe, expect, it } from 'vitest';
import { matchTopic, type Topic } from '../../../flows/understand/index.ts';

const TOPICS: Record<string, readonly (readonly [string, Topic])[]> = {
  es: [
    ['nesesito un lugar para dormir', 'shelter'],
    ['no tengo donde dormir', 'shelter'],
    ['ay algun albergue', 'shelter'],
    ['como pido asilo', 'asylum'],
    ['quiero pedir refujio', 'asylum'],
    ['donde esta la komar', 'asylum'],
    ['no tengo papeles', 'asylum'],
    ['mi hijo esta enfermo', 'health'],
    ['necesito un doctor', 'health'],
    ['donde hay un medico', 'health'],
    ['necesito un psicologo', 'health'],
    ['mi hija puede ir a la escuela', 'school'],
    ['quiero estudiar', 'school'],
    ['me agarro la migra', 'detention'],
    ['mi esposo esta detenido', 'detention'],
    ['la policia nos paro', 'detention'],
    ['cuales son mis derechos', 'rights'],
    ['soy menor y vine solo', 'rights'],
    ['hay mucha violencia', 'safety'],
    ['me estan pidiendo dinero, es estorsion', 'safety'],
    ['quiero hablar con alguien', 'person'],
  ],
  en: [
    ['where can i sleep', 'shelter'],
    ['i need asylum', 'asylum'],
    ['my son is sick', 'health'],
    ['can my kids go to school', 'school'],
    ['immigration caught me', 'detention'],
    ['what are my rights', 'rights'],
    ['is it dangerous here', 'safety'],
  ],
  fr: [
    ['où dormir ce soir', 'shelter'],
    ["demander l'asile", 'asylum'],
    ['mon fils est malade', 'health'],
    ["je veux aller à l'école", 'school'],
    ['mon mari est détenu', 'detention'],
    ['quels sont mes droits', 'rights'],
  ],
  ht: [
    ['kote pou m dòmi', 'shelter'],
    ['mwen bezwen azil', 'asylum'],
    ['m bezwen yon doktè', 'health'],
    ['pitit mwen vle ale lekòl', 'school'],
    ['imigrasyon arete mari m', 'detention'],
    ['ki dwa mwen', 'rights'],
  ],
  pt: [
    ['onde posso dormir', 'shelter'],
    ['quero pedir asilo', 'asylum'],
    ['meu filho esta doente', 'health'],
    ['minha filha quer estudar', 'school'],
    ['a policia me prendeu', 'detention'],
    ['quais sao meus direitos', 'rights'],
  ],
};

describe('matchTopic', () => {
  for (const [language, table] of Object.entries(TOPICS)) {
    describe(`in ${language}`, () => {
      it.each(table)('hears "%s" as %s', (text, topic) => {
        expect(matchTopic(text)).toBe(topic);
      });
    });
  }

  describe('when a message names several topics', () => {
    it.each([
      ['la migra me agarro y soy menor', 'detention'],
      ['estoy enfermo en el albergue', 'health'],
      ['no tengo donde dormir y quiero pedir asilo', 'shelter'],
      ['tengo miedo, quiero hablar con alguien', 'safety'],
      ['quiero inscribir a mi hijo en la escuela pero no tengo papeles', 'asylum'],
    ] as const)('hears "%s" as %s', (text, topic) => {
      expect(matchTopic(text)).toBe(topic);
    });
  });

  // "mexico" is one letter from "medico" and "ill" folds near "il": neither is a topic.
  it.each(['hola', 'gracias', '1', 'ok', '', 'voy a tuxtla mañana', 'i want to live in mexico', 'il est là'])(
    'finds no topic in "%s"',
    (text) => {
      expect(matchTopic(text)).toBeNull();
    },
  );
});
