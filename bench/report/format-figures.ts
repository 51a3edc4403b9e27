export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : '–');
export const perSecond = (v: number) => (Number.isFinite(v) ? `${Math.round(v)}/s` : '–');
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Columns padded to their widest cell; the first column left-aligned, the rest right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    )
    .join('\n');
}

export const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
