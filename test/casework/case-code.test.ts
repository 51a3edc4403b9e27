import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  generateCode,
  generatePin,
  readCaseCode,
  readPin,
} from '../../src/casework/case-code.ts';

describe('case codes', () => {
  it('are two groups of three from an alphabet without vowels or look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateCode();
      expect(code).toMatch(/^[3479CFHJKMPRTWX]{3}-[3479CFHJKMPRTWX]{3}$/);
      expect(code).toMatch(/\d/);
      expect(code).toMatch(/[A-Z]/);
      expect(generatePin()).toMatch(/^\d{4}$/);
    }
    for (const c of '0O1IL2Z5S6G8BUVAEY') expect(CODE_ALPHABET).not.toContain(c);
  });

  it.each([
    ['K7C-4PW', { code: 'K7C-4PW', pin: null }],
    ['k7c 4pw', { code: 'K7C-4PW', pin: null }],
    ['K7C4PW', { code: 'K7C-4PW', pin: null }],
    ['caso K7C-4PW', { code: 'K7C-4PW', pin: null }],
    ['K7C-4PW 0482', { code: 'K7C-4PW', pin: '0482' }],
    ['kòd k7c-4pw, 0482', { code: 'K7C-4PW', pin: '0482' }],
    ['hola', null],
    ['tengo 15', null],
    ['CCCFFF', null],
    ['777 999', null],
    ['K7C-4PA', null],
    ['necesito ayuda K7C-4PW', null],
  ])('reads %j', (text, expected) => {
    expect(readCaseCode(text)).toEqual(expected);
  });

  it.each([
    ['0482', '0482'],
    [' 04 82 ', '0482'],
    ['482', null],
    ['04821', null],
  ])('reads the PIN %j', (text, expected) => {
    expect(readPin(text)).toBe(expected);
  });
});
