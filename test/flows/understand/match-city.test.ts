import { describe, expect, it } from 'vitest';
import { type City, matchCity } from '../../../flows/understand/index.ts';

describe('matchCity', () => {
  it.each([
    ['Tapachula', 'tapachula'],
    ['estoy en tapachul', 'tapachula'],
    ['tapchula', 'tapachula'],
    ['Ciudad Hidalgo', 'ciudad_hidalgo'],
    ['cd hidalgo', 'ciudad_hidalgo'],
    ['Cd. Hidalgo, Chiapas', 'ciudad_hidalgo'],
    ['huixtla', 'huixtla'],
    ['uixtla', 'huixtla'],
    ['Tuxtla Gutiérrez', 'tuxtla'],
    ['tuxla', 'tuxtla'],
    ['tenosique', 'tenosique'],
    ['tenosike tabasco', 'tenosique'],
    ['Palenque', 'palenque'],
    ['palenke', 'palenque'],
    ['Villahermosa', 'villahermosa'],
    ['villa hermosa', 'villahermosa'],
    ['biyaermosa', 'villahermosa'],
  ] as const)('hears "%s" as %s', (text, city: City) => {
    expect(matchCity(text)).toBe(city);
  });

  it('takes the first city named, which is where people say they are', () => {
    expect(matchCity('estoy en tuxtla y voy a tapachula')).toBe('tuxtla');
    expect(matchCity('de tapachula a tuxtla')).toBe('tapachula');
  });

  it.each(['mexico', 'comitan', 'chiapas', 'hola', ''])('finds no city of ours in "%s"', (text) => {
    expect(matchCity(text)).toBeNull();
  });
});
