import { describe, expect, it } from 'vitest';
import { matchChoice } from '../../../flows/understand/index.ts';

describe('matchChoice', () => {
  it.each([
    ['1', 1],
    [' 2. ', 2],
    ['2)', 2],
    ['#3', 3],
    ['opcion 3', 3],
    ['opción 3', 3],
    ['la 2 por favor', 2],
    ['3️⃣', 3],
    ['３', 3],
    ['uno', 1],
    ['dos', 2],
    ['tres', 3],
    ['nueve', 9],
    ['one', 1],
    ['two', 2],
    ['option 4', 4],
    ['deux', 2],
    ['trois', 3],
    ['twa', 3],
    ['youn', 1],
    ['senk', 5],
    ['opsyon 2', 2],
    ['dois', 2],
    ['quatro', 4],
    ['cuatro', 4],
    ['segunda', 2],
  ] as const)('takes "%s" as option %i of 9', (text, option) => {
    expect(matchChoice(text, 9)).toBe(option);
  });

  it.each([
    ['4', 3],
    ['0', 3],
    ['cinco', 4],
    ['10', 9],
    ['1', 0],
  ] as const)('refuses "%s" when there are only %i options', (text, count) => {
    expect(matchChoice(text, count)).toBeNull();
  });

  it.each(['1 2', 'uno o dos', 'tengo 2 hijos', 'menu', 'no', '', 'opcion'])(
    'does not take "%s" as a choice',
    (text) => {
      expect(matchChoice(text, 9)).toBeNull();
    },
  );
});
