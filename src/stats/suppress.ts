/**
 * Small counts are never shown: a count below 5 (zero included) is "< 5", in the dashboard, its
 * CSV files and the monthly export alike. Where a column adds up to a total that is shown too
 * (each language's conversations add up to all conversations), one hidden count could be worked
 * out by subtraction; then the smallest count shown beside it is hidden as well, as "≥ 5"
 * (secondary suppression). A median or p90 of fewer than 5 waits is "n < 5".
 */
export const SUPPRESS_BELOW = 5;
export const SMALL = '< 5';
export const HIDDEN = '≥ 5';
export const FEW = 'n < 5';

export type Cell = number | typeof SMALL | typeof HIDDEN | typeof FEW | null;

/** A count, or minutes read from `basis` waits (null: none). */
export type RawCell = { n: number } | { minutes: number | null; basis: number };

export function suppressColumn(raw: readonly RawCell[], { partition }: { partition: boolean }): Cell[] {
  const cells: Cell[] = raw.map((c) => {
    if ('n' in c) return c.n < SUPPRESS_BELOW ? SMALL : c.n;
    if (c.basis < SUPPRESS_BELOW) return c.basis === 0 ? null : FEW;
    return c.minutes;
  });
  if (!partition) return cells;
  const counts = raw.map((c, i) => ({ n: 'n' in c ? c.n : null, i })).filter((c) => c.n !== null);
  const hidden = counts.filter((c) => c.n! < SUPPRESS_BELOW);
  // A zero worked out by subtraction tells nothing about anyone; a 1 to 4 might.
  if (hidden.length !== 1 || hidden[0]!.n === 0) return cells;
  const shown = counts.filter((c) => c.n! >= SUPPRESS_BELOW).sort((a, b) => a.n! - b.n! || a.i - b.i);
  if (shown[0]) cells[shown[0].i] = HIDDEN;
  return cells;
}
