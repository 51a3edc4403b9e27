import { describe, expect, it } from 'vitest';
import { type RawCell, suppressColumn } from '../../src/stats/suppress.ts';

const counts = (...ns: number[]): RawCell[] => ns.map((n) => ({ n }));

describe('small counts', () => {
  it.each([
    ['below 5, zero included, is "< 5"', counts(0, 1, 4, 5, 12), false, ['< 5', '< 5', '< 5', 5, 12]],
    [
      'one hidden count in a column with a total also hides the smallest other',
      counts(3, 40, 9, 7),
      true,
      ['< 5', 40, 9, '≥ 5'],
    ],
    ['two hidden counts need nothing more', counts(3, 40, 2, 7), true, ['< 5', 40, '< 5', 7]],
    ['a hidden zero tells nothing: nothing more is hidden', counts(0, 40, 9), true, ['< 5', 40, 9]],
    ['a column that adds up to no total shown is left as it is', counts(3, 40, 9), false, ['< 5', 40, 9]],
    ['no small count, nothing hidden', counts(5, 6), true, [5, 6]],
  ] as const)('%s', (_name, raw, partition, expected) => {
    expect(suppressColumn(raw, { partition })).toEqual(expected);
  });

  it('shows a median or p90 only from 5 waits', () => {
    expect(
      suppressColumn(
        [
          { minutes: 12, basis: 5 },
          { minutes: 3, basis: 4 },
          { minutes: null, basis: 0 },
        ],
        { partition: false },
      ),
    ).toEqual([12, 'n < 5', null]);
  });
});
