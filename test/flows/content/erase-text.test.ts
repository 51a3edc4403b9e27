import { describe, expect, it } from 'vitest';
import { botStrings, type Language } from './locale-files.ts';

/**
 * After BORRAR the person reads, in plain words, what was deleted (messages, photos, voice notes,
 * data; at Faro and at the service that sends the messages, i.e. Twilio) and that the chat stays
 * on their phone until they delete it there.
 */
const SAYS: Record<Language, { what: RegExp[]; where: RegExp; phone: RegExp }> = {
  es: {
    what: [/mensajes/, /fotos/, /notas de voz/, /datos/],
    where: /en Faro y en el servicio que usamos para mandar mensajes/,
    phone: /sigue en tu teléfono hasta que lo borres/,
  },
  en: {
    what: [/messages/, /photos/, /voice notes/, /data/],
    where: /in Faro and in the service we use to send messages/,
    phone: /stays on your phone until you delete it/,
  },
  fr: {
    what: [/messages/, /photos/, /messages vocaux/, /données/],
    where: /dans Faro et dans le service que nous utilisons pour envoyer les messages/,
    phone: /reste dans ton téléphone jusqu'à ce que tu l'effaces/,
  },
  ht: {
    what: [/mesaj/, /foto/, /mesaj vokal/, /done/],
    where: /nan Faro ak nan sèvis nou itilize pou voye mesaj/,
    phone: /rete nan telefòn ou jiskaske ou efase l/,
  },
  pt: {
    what: [/mensagens/, /fotos/, /mensagens de voz/, /dados/],
    where: /no Faro e no serviço que usamos para enviar mensagens/,
    phone: /fica no seu celular até você apagar/,
  },
};

describe('the erase text', () => {
  it.each(Object.entries(SAYS) as Array<[Language, (typeof SAYS)[Language]]>)(
    'says plainly what is deleted and that the chat stays on the phone (%s)',
    (lng, says) => {
      const done = botStrings(lng).get('erase.done') ?? '';
      for (const word of says.what) expect(done).toMatch(word);
      expect(done).toMatch(says.where);
      expect(done).toMatch(says.phone);
    },
  );
});
