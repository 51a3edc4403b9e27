import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monthPeriod } from './local-date.ts';
import { cellText, type LabelLang, type StatsLabels, tableCsv } from './stats-labels.ts';
import type { PublicStats, StatsTable, TableId } from './stats-tables.ts';

/** The tables an organisation attaches to an advocacy report: reports, topics, languages. */
const CSV_TABLES: Array<[file: string, id: TableId]> = [
  ['overview.csv', 'overview'],
  ['topics.csv', 'topics'],
  ['languages.csv', 'languages'],
];
const REPORT_TABLES: TableId[] = ['reportsWhat', 'reportsWhere', 'reportsWhen', 'reportsWho'];

/**
 * `npm run report -- --month 2026-12`: the month's anonymous reports and its topic and language
 * figures as CSV, and a one-page Markdown summary, small counts suppressed exactly as on the
 * dashboard (the same tables, built by the same code). Returns the files written.
 */
export async function writeMonthlyReport({
  read,
  month,
  outDir,
  labels,
  lang,
}: {
  read: (from: string, to: string) => Promise<PublicStats>;
  month: string;
  outDir: string;
  labels: StatsLabels;
  lang: LabelLang;
}): Promise<string[]> {
  const { from, to } = monthPeriod(month);
  const stats = await read(from, to);
  const table = (id: TableId) => stats.tables.find((t) => t.id === id)!;
  await mkdir(outDir, { recursive: true });
  const files: Array<[string, string]> = [
    ['anonymous-reports.csv', reportsCsv(REPORT_TABLES.map(table), labels)],
    ...CSV_TABLES.map(([file, id]): [string, string] => [file, tableCsv(table(id), labels)]),
    ['summary.md', summary({ stats, month, labels, lang, table })],
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(outDir, name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}

/** The four report tables in one CSV: which question, the answer's code and name, the count. */
function reportsCsv(tables: StatsTable[], labels: StatsLabels): string {
  const rows = tables.flatMap((t) =>
    t.rows.map((r) => [labels.table(t.id), r.key, labels.row(t.rowKind, r.key), cellText(r.cells[0]!)]),
  );
  const header = [labels.text('csv.question'), 'code', labels.text('csv.name'), labels.column('count')];
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `\uFEFF${[header, ...rows].map((line) => line.map(quote).join(',')).join('\r\n')}\r\n`;
}

function summary({
  stats,
  month,
  labels,
  lang,
  table,
}: {
  stats: PublicStats;
  month: string;
  labels: StatsLabels;
  lang: LabelLang;
  table: (id: TableId) => StatsTable;
}): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const monthName = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, 1));
  const overview = table('overview');
  const value = (key: string) => cellText(overview.rows.find((r) => r.key === key)!.cells[0]!) || '—';
  const md = (t: StatsTable, columns: number[] = t.columns.map((_, i) => i)) => {
    const head = [labels.table(t.id), ...columns.map((i) => labels.column(t.columns[i]!))];
    const rows = t.rows.map((r) => [
      labels.row(t.rowKind, r.key),
      ...columns.map((i) => cellText(r.cells[i]!) || '—'),
    ]);
    const line = (cells: string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
    return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
  };
  const languages = table('languages');
  const pick = (names: string[]) => names.map((n) => languages.columns.indexOf(n));
  return [
    `# ${labels.text('summary.title', { month: monthName })}`,
    '',
    labels.text('summary.intro', { from: stats.from, to: stats.to }),
    '',
    `## ${labels.text('summary.figures')}`,
    '',
    ...[
      'conversations',
      'messages',
      'opened',
      'never_claimed',
      'first_reply_median',
      'first_reply_p90',
      'reports',
    ].map((key) => `- ${labels.row('metric', key)}: **${value(key)}**`),
    '',
    `## ${labels.text('summary.reports')}`,
    '',
    labels.text('summary.reportsNote'),
    '',
    ...REPORT_TABLES.flatMap((id) => [md(table(id)), '']),
    `## ${labels.table('languages')}`,
    '',
    md(
      languages,
      pick(['conversations', 'opened', 'never_claimed', 'first_reply_median', 'first_reply_p90']),
    ),
    '',
    `## ${labels.table('topics')}`,
    '',
    md(table('topics')),
    '',
    `## ${labels.text('summary.method')}`,
    '',
    labels.text('suppressed'),
    labels.text('businessMinutes'),
    labels.text('summary.privacy'),
    '',
  ].join('\n');
}
