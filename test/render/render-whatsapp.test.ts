import { describe, expect, it } from 'vitest';
import { countSegments } from '../../src/render/count-segments.ts';
import { renderForChannel } from '../../src/render/render-for-channel.ts';
import { renderWhatsApp, WHATSAPP_MAX_BODY_LENGTH } from '../../src/render/render-whatsapp.ts';

const paragraph = (n: number, size: number): string => `${n}. ${'ayuda '.repeat(size)}`.trimEnd();

describe('renderWhatsApp', () => {
  it('keeps *bold*, _italic_ and accents as written', () => {
    const text = '*Hola, soy Faro* 👋\n\n_¿Dónde estás?_';
    expect(renderWhatsApp(text)).toEqual({ messages: [text], truncated: false });
  });

  it('normalises CRLF and extra blank lines', () => {
    expect(renderWhatsApp('  Uno\r\n\r\n\r\n\r\nDos  \r\n')).toEqual({
      messages: ['Uno\n\nDos'],
      truncated: false,
    });
  });

  it('sends nothing for blank text', () => {
    expect(renderWhatsApp(' \n\n ')).toEqual({ messages: [], truncated: false });
  });

  it('splits a long answer at paragraph boundaries, each under 1,600 characters', () => {
    const paragraphs = [1, 2, 3, 4].map((n) => paragraph(n, 100));
    const { messages, truncated } = renderWhatsApp(paragraphs.join('\n\n'));
    expect(truncated).toBe(false);
    expect(messages).toEqual([
      `${paragraphs[0]}\n\n${paragraphs[1]}`,
      `${paragraphs[2]}\n\n${paragraphs[3]}`,
    ]);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(WHATSAPP_MAX_BODY_LENGTH);
  });

  it('breaks a single paragraph over 1,600 characters between words', () => {
    const long = paragraph(1, 400);
    const { messages } = renderWhatsApp(long);
    expect(messages.length).toBe(2);
    expect(messages.join(' ')).toBe(long);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(WHATSAPP_MAX_BODY_LENGTH);
  });

  it('counts an emoji as two characters toward the limit', () => {
    const { messages } = renderWhatsApp('😀'.repeat(801));
    expect(messages.map((message) => message.length)).toEqual([1600, 2]);
  });

  it('stops at maxMessages and ends the last one with "..."', () => {
    const text = [1, 2, 3, 4, 5, 6].map((n) => paragraph(n, 200)).join('\n\n');
    const { messages, truncated } = renderWhatsApp(text, { maxMessages: 2 });
    expect(truncated).toBe(true);
    expect(messages).toHaveLength(2);
    expect(messages[1]!.endsWith('ayuda...')).toBe(true);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(WHATSAPP_MAX_BODY_LENGTH);
  });
});

describe('renderForChannel', () => {
  const text = '*Importante:* el albergue abre a las 8 de la mañana. Marca *123# para saldo.';

  it('keeps markup and accents on WhatsApp', () => {
    expect(renderForChannel({ channel: 'whatsapp', text }).messages).toEqual([text]);
  });

  it('sends plain GSM-7 by SMS unless told otherwise', () => {
    const { messages } = renderForChannel({ channel: 'sms', text });
    expect(messages).toEqual(['Importante: el albergue abre a las 8 de la mañana. Marca *123# para saldo.']);
    expect(countSegments(messages[0]!).encoding).toBe('GSM-7');
  });

  it('keeps accents by SMS when the encoding is unicode', () => {
    const { messages } = renderForChannel({
      channel: 'sms',
      text: '¿Qué día? Aquí.',
      smsEncoding: 'unicode',
    });
    expect(messages).toEqual(['¿Qué día? Aquí.']);
    expect(countSegments(messages[0]!).encoding).toBe('UCS-2');
  });
});
