import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../engine/clock.ts';
import type { StatsSide } from '../stats/build-stats.ts';
import { isIsoDate, localDate } from '../stats/local-date.ts';
import { MAX_PERIOD_DAYS } from '../stats/read-stats.ts';
import {
  LABEL_LANGUAGES,
  type LabelLang,
  loadStatsLabels,
  type StatsLabels,
  tableCsv,
} from '../stats/stats-labels.ts';
import { TABLE_IDS } from '../stats/stats-tables.ts';
import { forbidden, HttpError, parseOr400 } from './http-error.ts';
import { staffOf } from './staff-api.ts';

export interface StatsRouteDeps {
  stats: Pick<StatsSide, 'read'>;
  clock: Clock;
  /** locales/: the CSV names rows and columns as the dashboard does. */
  localesDir: string;
}

const date = z.string().refine(isIsoDate, 'a date YYYY-MM-DD');
const PeriodQuery = z.object({ from: date.optional(), to: date.optional() });
const ExportQuery = PeriodQuery.extend({
  table: z.enum(TABLE_IDS),
  lang: z.enum(LABEL_LANGUAGES).default('es'),
});

/**
 * The figures for supervisors (docs/staff-api.md): a period's tables, small counts suppressed,
 * and each table as CSV. Agents get 403. Nothing here reads a conversation or a ticket.
 */
export async function statsRoutes(app: FastifyInstance, deps: StatsRouteDeps) {
  const labels = new Map<LabelLang, StatsLabels>(
    LABEL_LANGUAGES.map((lng) => [lng, loadStatsLabels(deps.localesDir, lng)]),
  );

  function period(query: z.infer<typeof PeriodQuery>) {
    // By default this month so far, by the calendar of the border.
    const today = localDate(deps.clock.now());
    const to = query.to ?? today;
    const from = query.from ?? `${to.slice(0, 7)}-01`;
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (days < 1) throw new HttpError(400, 'invalid fields: from (after to)');
    if (days > MAX_PERIOD_DAYS)
      throw new HttpError(400, `invalid fields: from (at most ${MAX_PERIOD_DAYS} days)`);
    return { from, to };
  }

  const supervisorOnly = (request: Parameters<typeof staffOf>[0]) => {
    if (staffOf(request).role !== 'supervisor') throw forbidden('Only supervisors can read the figures');
  };

  app.get('/stats', async (request) => {
    supervisorOnly(request);
    const { from, to } = period(parseOr400(PeriodQuery, request.query));
    return { stats: await deps.stats.read(from, to) };
  });

  app.get('/stats/export', async (request, reply) => {
    supervisorOnly(request);
    const query = parseOr400(ExportQuery, request.query);
    const { from, to } = period(query);
    const stats = await deps.stats.read(from, to);
    const table = stats.tables.find((t) => t.id === query.table)!;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="faro-${query.table}-${from}-${to}.csv"`)
      .send(tableCsv(table, labels.get(query.lang)!));
  });
}
