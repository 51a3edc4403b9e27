import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../src/render/count-segments.ts';
import { renderSms } from '../../src/render/render-sms.ts';

const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');

const spanishMenu = [
  '*Hola, soy Faro.* Estoy aquí para ayudarte. Responde con un número:',
  '1 Dónde dormir esta noche\n2 Comida y agua\n3 Hablar con una persona\n4 Tus derechos en México\n5 Buscar a tu familia',
].join('\n\n');

const paragraph = (n: number): string =>
  `Párrafo ${n}: en el albergue te dan comida, agua y un lugar seguro para dormir esta noche.`;

describe('renderSms', () => {
  it('keeps a Spanish menu in 2 GSM-7 segments instead of 3 UCS-2 ones', () => {
    expect(countSegments(spanishMenu)).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    const { messages, truncated } = renderSms(spanishMenu, { encoding: 'gsm7' });
    expect(truncated).toBe(false);
    expect(messages).toHaveLength(1);
    expect(countSegments(messages[0]!)).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(messages[0]).toContain('Estoy aqui para ayudarte');
  });

  it('sends the same menu in Unicode when asked, accents included', () => {
    const { messages } = renderSms(spanishMenu, { encoding: 'unicode' });
    expect(messages.join('\n\n')).toContain('Estoy aquí para ayudarte');
    for (const message of messages) expect(countSegments(message).segments).toBeLessThanOrEqual(3);
  });

  it.each([
    ['strips *bold* and _italic_ pairs', '*Importante:* llama _hoy_', 'Importante: llama hoy'],
    ['strips ~strikethrough~ and nested markup', '~viejo~ *_nuevo_*', 'viejo nuevo'],
    ['keeps the star of a USSD code', 'Marca *123# para saldo', 'Marca *123# para saldo'],
    ['keeps the stars of a USSD code with a star inside', 'Marca *133*1# ahora', 'Marca *133*1# ahora'],
    ['keeps underscores inside a word', 'usuario: ana_lopez_22', 'usuario: ana_lopez_22'],
    ['keeps a multiplication', '2*3*4 = 24', '2*3*4 = 24'],
    ['keeps a star with spaces around it', 'a * b * c', 'a * b * c'],
    ['turns CRLF into line breaks and trims', '  Uno\r\nDos\r\n\r\n\r\n\r\nTres  ', 'Uno\nDos\n\nTres'],
    ['collapses runs of blanks and drops indentation', 'Uno   dos\n    tres', 'Uno dos\ntres'],
    ['transliterates to GSM-7', '¿Qué día? “Mañana” — sí…', '¿Qué dia? "Mañana" - si...'],
    [
      'drops an emoji-only line without leaving a gap of two blank lines',
      'Hola\n\n🙂\n\nAdiós',
      'Hola\n\nAdios',
    ],
  ])('%s', (_name, input, expected) => {
    expect(renderSms(input, { encoding: 'gsm7' })).toEqual({ messages: [expected], truncated: false });
  });

  it('sends nothing for empty or blank text', () => {
    expect(renderSms('', { encoding: 'gsm7' })).toEqual({ messages: [], truncated: false });
    expect(renderSms(' \n\n 🙂 ', { encoding: 'gsm7' })).toEqual({ messages: [], truncated: false });
  });

  it('starts a new message at a paragraph boundary rather than splitting a paragraph', () => {
    const text = [1, 2, 3, 4, 5].map(paragraph).join('\n\n');
    const { messages, truncated } = renderSms(text, {
      encoding: 'gsm7',
      maxSegmentsPerMessage: 1,
      maxMessages: 5,
    });
    expect(truncated).toBe(false);
    expect(messages).toEqual([1, 2, 3, 4, 5].map((n) => paragraph(n).replace('Pá', 'Pa')));
  });

  it('breaks a paragraph too long for one message at line breaks first', () => {
    const lines = Array.from({ length: 6 }, (_, i) => `${i + 1} Una opción del menú con algo de texto extra`);
    const { messages } = renderSms(lines.join('\n'), { encoding: 'gsm7', maxSegmentsPerMessage: 1 });
    for (const message of messages) {
      expect(message.split('\n').every((line) => /^\d /.test(line))).toBe(true);
    }
    expect(messages.join('\n')).toBe(lines.join('\n').replace(/ó/g, 'o').replace(/ú/g, 'u'));
  });

  it('cuts a single word only when it is longer than a message', () => {
    const url = `https://example.org/${'x'.repeat(200)}`;
    const { messages } = renderSms(`Abre ${url}`, { encoding: 'gsm7', maxSegmentsPerMessage: 1 });
    expect(messages[0]).toBe('Abre');
    expect(messages.slice(1).join('')).toBe(url);
    for (const message of messages) expect(countSegments(message).segments).toBe(1);
  });

  it('does not split an emoji with its skin tone when cutting a long word', () => {
    const word = '👍🏽'.repeat(40);
    const { messages } = renderSms(word, { encoding: 'unicode', maxSegmentsPerMessage: 1, maxMessages: 5 });
    expect(messages.join('')).toBe(word);
    for (const message of messages) expect(message.length % 4).toBe(0);
  });

  it('flags truncation and ends the last message with "..."', () => {
    const text = Array.from({ length: 30 }, (_, i) => paragraph(i)).join('\n\n');
    const { messages, truncated } = renderSms(text, { encoding: 'gsm7', maxMessages: 2 });
    expect(truncated).toBe(true);
    expect(messages).toHaveLength(2);
    expect(messages[1]!.endsWith('...')).toBe(true);
    expect(messages[0]!.endsWith('...')).toBe(false);
    for (const message of messages) expect(countSegments(message).segments).toBeLessThanOrEqual(3);
  });

  it('makes room for "..." by dropping whole words when the last message is full', () => {
    const text = `${'palabra '.repeat(19)}finales\n\notro parrafo`;
    expect(countSegments(text.split('\n\n')[0]!).units).toBe(159);
    const { messages } = renderSms(text, { encoding: 'gsm7', maxSegmentsPerMessage: 1, maxMessages: 1 });
    expect(messages).toEqual([`${'palabra '.repeat(18)}palabra...`]);
  });

  it('rejects budgets below one', () => {
    expect(() => renderSms('hola', { encoding: 'gsm7', maxMessages: 0 })).toThrow(RangeError);
    expect(() => renderSms('hola', { encoding: 'gsm7', maxSegmentsPerMessage: 0 })).toThrow(RangeError);
  });

  const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzñéüáóç€[');
  const unicodeLetter = fc.oneof(letter, fc.constantFrom('😀', '👍🏽', '你', 'ã'));
  const textOf = (unit: fc.Arbitrary<string>) => {
    const word = fc.string({ unit, minLength: 1, maxLength: 20 });
    const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
    const para = fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n'));
    return fc.array(para, { minLength: 1, maxLength: 10 }).map((ps) => ps.join('\n\n'));
  };
  const budget = fc.record({
    maxSegmentsPerMessage: fc.integer({ min: 1, max: 4 }),
    maxMessages: fc.integer({ min: 1, max: 4 }),
  });
  const cases = fc.oneof(
    fc.record({ encoding: fc.constant('gsm7' as const), text: textOf(letter), budget }),
    fc.record({ encoding: fc.constant('unicode' as const), text: textOf(unicodeLetter), budget }),
  );

  it('never goes over budget, never breaks a word, keeps the order and flags what it drops', () => {
    fc.assert(
      fc.property(cases, ({ encoding, text, budget: limits }) => {
        const { messages, truncated } = renderSms(text, { encoding, ...limits });
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.length).toBeLessThanOrEqual(limits.maxMessages);
        for (const message of messages) {
          expect(countSegments(message).segments).toBeLessThanOrEqual(limits.maxSegmentsPerMessage);
        }
        const expected = words(
          renderSms(text, { encoding, maxMessages: 1000, maxSegmentsPerMessage: 1000 }).messages[0]!,
        );
        const sent = words(messages.join(' '));
        if (truncated) {
          expect(messages.at(-1)!.endsWith('...')).toBe(true);
          sent[sent.length - 1] = sent.at(-1)!.replace(/\.\.\.$/, '');
          if (sent.at(-1) === '') sent.pop();
          expect(sent.length).toBeLessThan(expected.length);
        }
        expect(sent).toEqual(expected.slice(0, sent.length));
        if (!truncated) expect(sent).toHaveLength(expected.length);
      }),
      { numRuns: 300 },
    );
  });
});
