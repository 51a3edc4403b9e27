import { REFERRAL_CSV_COLUMNS, type Referral } from './referral.ts';

const TIMES = new Set(['created_at', 'updated_at', 'pushed_at']);

/**
 * Referrals as CSV (RFC 4180, CRLF), one column per Primero field. A cell that a spreadsheet
 * would run as a formula (= + - @ at the start) is prefixed with an apostrophe.
 */
export function referralsCsv(referrals: Referral[]): string {
  const cell = (column: string, value: unknown): string => {
    let text =
      value === null || value === undefined
        ? ''
        : TIMES.has(column) && typeof value === 'number'
          ? new Date(value).toISOString()
          : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const rows = referrals.map((r) => REFERRAL_CSV_COLUMNS.map((c) => cell(c, r[c])).join(','));
  return `${[REFERRAL_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
