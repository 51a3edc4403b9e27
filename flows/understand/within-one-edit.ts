/**
 * True when `a` and `b` differ by at most one insertion, deletion, swap of two neighbouring
 * letters ("secuestardo"), or, when `substitution` is allowed, one changed letter.
 * Linear time, no table.
 */
export function withinOneEdit(a: string, b: string, { substitution = true } = {}): boolean {
  if (a === b) return true;
  const lengthGap = a.length - b.length;
  if (lengthGap > 1 || lengthGap < -1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (lengthGap === 0) {
    const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    return swapped || (substitution && a.slice(i + 1) === b.slice(i + 1));
  }
  return lengthGap > 0 ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
