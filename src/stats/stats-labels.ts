import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RowKind, StatsTable, TableId } from './stats-tables.ts';

/** The languages the console and the export speak (locales/<lng>/console.json). */
export const LABEL_LANGUAGES = ['es', 'en'] as const;
export type LabelLang = (typeof LABEL_LANGUAGES)[number];

/** Where a row kind's names live in console.json (shared with the ticket views). */
const GROUP: Record<RowKind, string | null> = {
  metric: 'stats.metric',
  date: null,
  lang: 'lang',
  city: 'city',
  channel: 'channel',
  topic: 'topic',
  screen: null,
  risk: 'risk',
  reason: 'reason',
  outcome: 'outcome',
  reportWhat: 'stats.reportWhat',
  reportWhere: 'stats.reportWhere',
  reportWhen: 'stats.reportWhen',
  reportWho: 'stats.reportWho',
  referral: null,
};

export interface StatsLabels {
  table(id: TableId): string;
  column(id: string): string;
  row(kind: RowKind, key: string): string;
  text(key: string, params?: Record<string, string | number>): string;
}

/**
 * Names for tables, columns and rows from `locales/<lng>/console.json` (the dashboard reads the
 * same file in the browser), Spanish for anything a language lacks, the code itself last.
 */
export function loadStatsLabels(localesDir: string, lang: LabelLang): StatsLabels {
  const read = (lng: string) =>
    JSON.parse(readFileSync(join(localesDir, lng, 'console.json'), 'utf8')) as object;
  const tables = [read(lang), read('es')];
  const find = (key: string): string | undefined => {
    for (const t of tables) {
      let node: unknown = t;
      for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
      if (typeof node === 'string') return node;
    }
    return undefined;
  };
  const rowKey = (kind: RowKind, key: string) => (key === '-' ? 'stats.notSaid' : `${GROUP[kind]}.${key}`);
  return {
    table: (id) => find(`stats.table.${id}`) ?? id,
    column: (id) => find(`stats.column.${id}`) ?? id,
    row: (kind, key) => (GROUP[kind] || key === '-' ? (find(rowKey(kind, key)) ?? key) : key),
    text: (key, params = {}) =>
      (find(`stats.${key}`) ?? key).replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
        params[name] === undefined ? whole : String(params[name]),
      ),
  };
}

/** A table as CSV (RFC 4180, CRLF): the row's code, its name, then the cells as shown. */
export function tableCsv(table: StatsTable, labels: StatsLabels): string {
  const header = ['code', labels.text('csv.name'), ...table.columns.map((c) => labels.column(c))];
  const lines = [
    header,
    ...table.rows.map((r) => [r.key, labels.row(table.rowKind, r.key), ...r.cells.map(cellText)]),
  ];
  // A UTF-8 byte order mark: spreadsheets then read "Tuxtla Gutiérrez" and "≥ 5" right.
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function cellText(cell: StatsTable['rows'][number]['cells'][number]): string {
  return cell === null ? '' : String(cell);
}

/** Quotes where needed, and keeps a spreadsheet from reading a cell as a formula. */
function csvField(value: string): string {
  const safe = /^[=+@\t\r]|^-./.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
