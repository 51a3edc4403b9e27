import { createApi } from './api.js';
import { el, replaceChildren } from './element.js';
import { createI18n } from './i18n.js';

/**
 * The supervisors' dashboard: a period's counts as cards, charts (Chart.js, served by Faro) and
 * tables, each table with its CSV. The server sends counts already suppressed ("< 5"); this page
 * never sees a small count, so a chart leaves a suppressed point out and says so.
 */
const byId = (id) => document.getElementById(id);
const SUPPRESSED = new Set(['< 5', '≥ 5', 'n < 5']);
/** Where each row kind's names live in console.json (as src/stats/stats-labels.ts reads them). */
const GROUP = {
  metric: 'stats.metric',
  lang: 'lang',
  city: 'city',
  channel: 'channel',
  topic: 'topic',
  risk: 'risk',
  reason: 'reason',
  outcome: 'outcome',
  reportWhat: 'stats.reportWhat',
  reportWhere: 'stats.reportWhere',
  reportWhen: 'stats.reportWhen',
  reportWho: 'stats.reportWho',
};
const CARDS = [
  'conversations',
  'messages',
  'opened',
  'never_claimed',
  'first_reply_median',
  'first_reply_p90',
  'reports',
];
const WIDE = new Set(['days', 'languages', 'cities', 'channels']);
const COLORS = ['#0b57d0', '#146c2e', '#b3261e', '#6b4100', '#7a3cc2', '#00677d'];

async function main() {
  const i18n = await createI18n();
  const { t } = i18n;
  const api = createApi({ onUnauthorized: () => undefined });
  const charts = new Map();
  let stats = null;

  function translatePage() {
    i18n.translateStatic();
    document.title = `Faro · ${t('stats.title')}`;
    const other = i18n.lang === 'es' ? 'en' : 'es';
    const toggle = byId('lang-toggle');
    toggle.textContent = t(`app.switchTo.${other}`);
    toggle.lang = other;
    toggle.setAttribute('aria-label', t(`app.switchToLabel.${other}`));
    if (stats) render(stats);
  }
  byId('lang-toggle').addEventListener('click', async () => {
    await i18n.setLanguage(i18n.lang === 'es' ? 'en' : 'es');
    translatePage();
  });
  translatePage();

  const state = (key, params) => {
    byId('stats-state').textContent = key ? t(key, params) : '';
  };

  let session;
  try {
    session = await api.session();
  } catch {
    state('stats.loginFirst');
    return;
  }
  byId('whoami').hidden = false;
  byId('whoami').textContent = t('app.whoami', {
    username: session.user.username,
    role: i18n.label('role', session.user.role),
  });
  if (session.user.role !== 'supervisor') {
    state('stats.forbidden');
    return;
  }

  const form = byId('period');
  form.hidden = false;
  const initial = new URLSearchParams(location.search);
  const preset = presetPeriod('thisMonth', new Date());
  form.from.value = initial.get('from') ?? preset.from;
  form.to.value = initial.get('to') ?? preset.to;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(form.from.value, form.to.value);
  });
  for (const button of form.querySelectorAll('[data-preset]')) {
    button.addEventListener('click', () => {
      const p = presetPeriod(button.dataset.preset, new Date());
      form.from.value = p.from;
      form.to.value = p.to;
      load(p.from, p.to);
    });
  }
  await load(form.from.value, form.to.value);
  await loadContentDue();

  /** Facts and services due for re-checking (the same list as npm run content:check). */
  async function loadContentDue() {
    let due;
    try {
      due = await api.contentDue();
    } catch {
      byId('content-due').hidden = true;
      return;
    }
    byId('content-due-note').textContent = t(due.items.length ? 'review.note' : 'review.none');
    replaceChildren(
      byId('content-due-list'),
      due.items.map((item) =>
        el(
          'li',
          { dataset: { status: item.status, id: item.id } },
          el('strong', {
            text: t(item.status === 'past_due' ? 'review.pastDue' : 'review.due', { date: item.due }),
          }),
          ` ${item.what} `,
          ...item.sources.map((url) =>
            el('a', { href: url, rel: 'noreferrer noopener', target: '_blank', text: new URL(url).hostname }),
          ),
        ),
      ),
    );
  }

  async function load(from, to) {
    state('stats.loading');
    try {
      ({ stats } = await api.stats(from, to));
    } catch (error) {
      state(error.status === 403 ? 'stats.forbidden' : 'stats.error');
      return;
    }
    history.replaceState(null, '', `?from=${stats.from}&to=${stats.to}`);
    render(stats);
  }

  function label(kind, key) {
    if (key === '-') return t('stats.notSaid');
    return GROUP[kind] ? i18n.label(GROUP[kind], key) : key;
  }
  function tableOf(id) {
    return stats.tables.find((x) => x.id === id);
  }
  function cellText(cell) {
    return cell === null ? t('common.none') : String(cell);
  }

  function render(s) {
    state('stats.showing', { from: s.from, to: s.to });
    byId('stats').hidden = false;
    byId('stats-notes').textContent = [
      t('stats.suppressed'),
      t('stats.businessMinutes'),
      t('stats.reportMonths', { months: s.reportMonths.join(', ') }),
    ].join(' ');
    const overview = tableOf('overview');
    replaceChildren(
      byId('card-list'),
      CARDS.map((key) => {
        const row = overview.rows.find((r) => r.key === key);
        return el(
          'li',
          { class: 'stat-card', dataset: { metric: key } },
          el('span', { class: 'value', text: cellText(row.cells[0]) }),
          el('span', { class: 'name', text: label('metric', key) }),
        );
      }),
    );
    drawCharts();
    replaceChildren(byId('tables'), s.tables.map(renderTable));
  }

  function renderTable(table) {
    const name = t(`stats.table.${table.id}`);
    const csv = `/api/staff/stats/export?table=${table.id}&from=${stats.from}&to=${stats.to}&lang=${i18n.lang}`;
    const body =
      table.rows.length === 0
        ? el('p', {
            class: 'muted',
            text: t(table.id === 'referrals' ? 'stats.referralsLater' : 'stats.empty'),
          })
        : el(
            'div',
            { class: 'table-scroll', tabindex: '0' },
            el(
              'table',
              { dataset: { table: table.id } },
              el('caption', { class: 'visually-hidden', text: name }),
              el(
                'thead',
                {},
                el(
                  'tr',
                  {},
                  el('th', { scope: 'col', text: '' }),
                  table.columns.map((c) =>
                    el('th', { scope: 'col', class: 'num', text: t(`stats.column.${c}`) }),
                  ),
                ),
              ),
              el(
                'tbody',
                {},
                table.rows.map((row) =>
                  el(
                    'tr',
                    { dataset: { key: row.key } },
                    el('th', { scope: 'row', text: label(table.rowKind, row.key) }),
                    row.cells.map((cell) =>
                      el('td', {
                        class: SUPPRESSED.has(cell) ? 'num suppressed' : 'num',
                        text: cellText(cell),
                      }),
                    ),
                  ),
                ),
              ),
            ),
          );
    return el(
      'section',
      { class: WIDE.has(table.id) ? 'stat-table wide' : 'stat-table', 'aria-label': name },
      el(
        'div',
        { class: 'stat-table-head' },
        el('h2', { text: name }),
        el('a', {
          class: 'button',
          href: csv,
          download: '',
          'aria-label': t('stats.csv.label', { table: name }),
          text: t('stats.csv.download'),
        }),
      ),
      body,
    );
  }

  function drawCharts() {
    const Chart = window.Chart;
    if (!Chart) return;
    const days = tableOf('days');
    const series = ['conversations', 'messages', 'opened'];
    // Bars, not a line: a suppressed day is a gap, and a line through gaps reads as points.
    chart('chart-days', {
      type: 'bar',
      data: {
        labels: days.rows.map((r) => r.key.slice(5)),
        datasets: series.map((column, i) => ({
          label: t(`stats.column.${column}`),
          data: days.rows.map((r) => numeric(r.cells[days.columns.indexOf(column)])),
          shown: days.rows.map((r) => r.cells[days.columns.indexOf(column)]),
          borderColor: COLORS[i],
          backgroundColor: COLORS[i],
        })),
      },
    });
    bars('chart-topics', tableOf('topics'), 0);
    bars('chart-languages', tableOf('languages'), 0);
    bars('chart-reports', tableOf('reportsWhat'), 0, { indexAxis: 'y' });
  }

  function bars(id, table, column, extra = {}) {
    chart(id, {
      type: 'bar',
      data: {
        labels: table.rows.map((r) => label(table.rowKind, r.key)),
        datasets: [
          {
            label: t(`stats.column.${table.columns[column]}`),
            data: table.rows.map((r) => numeric(r.cells[column])),
            shown: table.rows.map((r) => r.cells[column]),
            backgroundColor: COLORS[0],
          },
        ],
      },
      options: extra,
    });
  }

  function chart(id, config) {
    charts.get(id)?.destroy();
    const canvas = byId(id);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', canvas.closest('figure').querySelector('figcaption').textContent);
    const options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: config.data.datasets.length > 1 },
        tooltip: {
          // A suppressed point has no bar; its tooltip never appears, and the table says "< 5".
          callbacks: {
            label: (ctx) => `${ctx.dataset.label}: ${cellText(ctx.dataset.shown[ctx.dataIndex])}`,
          },
        },
      },
      scales: { x: { ticks: { autoSkip: true } }, y: { beginAtZero: true } },
      ...config.options,
    };
    charts.set(id, new window.Chart(canvas, { ...config, options }));
  }
}

const numeric = (cell) => (typeof cell === 'number' ? cell : null);

/** A period by name, as local dates (the browser's calendar; the server reads the border's). */
function presetPeriod(name, today) {
  const iso = (d) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const y = today.getFullYear();
  const m = today.getMonth();
  if (name === 'lastMonth') return { from: iso(new Date(y, m - 1, 1)), to: iso(new Date(y, m, 0)) };
  if (name === 'last30') return { from: iso(new Date(y, m, today.getDate() - 29)), to: iso(today) };
  return { from: iso(new Date(y, m, 1)), to: iso(today) };
}

main().catch(() => {
  byId('stats-state').textContent =
    'No se pudieron cargar las cifras. Recarga la página. / The figures could not load. Reload the page.';
});
