import { parseArgs } from 'node:util';
import { writeMonthlyReport } from './monthly-report.ts';
import { LABEL_LANGUAGES, type LabelLang, loadStatsLabels } from './stats-labels.ts';
import type { PublicStats } from './stats-tables.ts';

export const REPORT_USAGE = 'Usage: npm run report -- --month 2026-12 [--out reports/2026-12] [--lang es|en]';

/** The command's logic, apart from Redis: tests run it on any store. Returns the exit code. */
export async function runReportCli({
  argv,
  read,
  localesDir,
  out,
  err,
}: {
  argv: string[];
  read: (from: string, to: string) => Promise<PublicStats>;
  localesDir: string;
  out: (text: string) => void;
  err: (text: string) => void;
}): Promise<number> {
  let values: { month?: string; out?: string; lang?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        month: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string', default: 'es' },
      },
    }));
  } catch (e) {
    err(`${(e as Error).message}\n${REPORT_USAGE}\n`);
    return 1;
  }
  const month = values.month ?? '';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    err(`--month must be a month like 2026-12\n${REPORT_USAGE}\n`);
    return 1;
  }
  const lang = values.lang as LabelLang;
  if (!LABEL_LANGUAGES.includes(lang)) {
    err(`--lang must be one of ${LABEL_LANGUAGES.join(', ')}\n${REPORT_USAGE}\n`);
    return 1;
  }
  const files = await writeMonthlyReport({
    read,
    month,
    outDir: values.out ?? `reports/${month}`,
    labels: loadStatsLabels(localesDir, lang),
    lang,
  });
  out(`${files.join('\n')}\n`);
  return 0;
}
