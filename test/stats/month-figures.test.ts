import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/build-services.ts';
import { createLocalSender } from '../../src/channels/local/local-sender.ts';
import { createManualClock } from '../../src/engine/clock.ts';
import { decodeField } from '../../src/stats/counter-field.ts';
import { runReportCli } from '../../src/stats/report-cli.ts';
import type { PublicStats, StatsTable } from '../../src/stats/stats-tables.ts';
import { addStaff, api, type StaffSession } from '../console/staff-session.ts';
import { redisContents } from '../helpers/redis-contents.ts';
import { createTestApp, inboundForm, REDIS_URL, type TestApp } from '../helpers/test-app.ts';
import { type FilledMonth, fillMonth, local } from './month-fixture.ts';

/**
 * Issue 13, "done when": a month of conversations, tickets and anonymous reports through the
 * signed webhook and the staff API, on a manual clock; then the figures as supervisors get
 * them (API, CSV) and as the monthly export writes them, small counts suppressed, with the
 * memory store and with Redis; and a scan of Redis finds nothing personal in the counters.
 */
/** A real command in its own process (as `npm run` starts it), stdout and stderr captured. */
function runCommand(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT_DIR,
      env: { ...process.env, NODE_ENV: 'development', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

const FAST = { OUTBOX_SMS_PER_SECOND: '1000', OUTBOX_WHATSAPP_PER_SECOND: '1000' };
const DECEMBER = 'from=2026-12-01&to=2026-12-31';

const rowOf = (stats: PublicStats, table: string) => {
  const t = stats.tables.find((x) => x.id === table) as StatsTable;
  return (key: string, column = t.columns[0]!) =>
    t.rows.find((r) => r.key === key)!.cells[t.columns.indexOf(column)];
};

describe.each(['memory', 'redis'] as const)('a month of figures (%s)', (store) => {
  let t: TestApp;
  let month: FilledMonth;
  let stats: PublicStats;
  let supervisor: StaffSession;
  let agent: StaffSession;
  const clock = createManualClock(local('2026-12-01T09:00'));

  beforeAll(async () => {
    t = await createTestApp({ store, env: FAST, overrides: { clock, sender: createLocalSender() } });
    await addStaff(t, 'sofia', 'supervisor');
    await addStaff(t, 'ana', 'agent');
    month = await fillMonth(t, clock);
    clock.set(local('2027-01-04T10:00'));
    ({ supervisor, agent } = await month.sessions());
    const res = await api(t, supervisor, 'GET', `/api/staff/stats?${DECEMBER}`);
    expect(res.statusCode).toBe(200);
    stats = res.json().stats;
  }, 120_000);
  afterAll(() => t?.close());

  it('sums the month: conversations, messages, tickets, waits and reports', () => {
    expect(month.messages).toBe(97);
    const overview = rowOf(stats, 'overview');
    expect(
      Object.fromEntries(
        ['conversations', 'messages', 'opened', 'claimed', 'closed', 'replied', 'reports'].map((k) => [
          k,
          overview(k),
        ]),
      ),
    ).toEqual({
      conversations: 28,
      messages: 97,
      opened: 11,
      claimed: 10,
      closed: 11,
      replied: 10,
      reports: 9,
    });
    // Waits of 2, 3, 5, 8, 10, 12, 15 (Friday 17:50 to Saturday 9:05), 20, 30 and 45 business minutes.
    expect(overview('first_reply_median')).toBe(10);
    expect(overview('first_reply_p90')).toBe(30);
  });

  it('shows every count below 5 as "< 5", zero included', () => {
    const overview = rowOf(stats, 'overview');
    for (const key of ['not_understood', 'danger', 'danger_denied', 'never_claimed'])
      expect(overview(key), key).toBe('< 5');
    const languages = rowOf(stats, 'languages');
    expect(['es', 'en', 'ht', 'fr', 'pt', '-'].map((l) => languages(l, 'conversations'))).toEqual([
      12,
      6,
      5,
      '< 5',
      '< 5',
      '< 5',
    ]);
    expect(rowOf(stats, 'topics')('asylum')).toBe(7);
    expect(rowOf(stats, 'topics')('health')).toBe('< 5');
    const what = rowOf(stats, 'reportsWhat');
    expect([
      what('returned_without_procedure'),
      what('extortion_by_authority'),
      what('care_refused'),
      what('other'),
    ]).toEqual([5, '< 5', '< 5', '< 5']);
    expect(rowOf(stats, 'reportsWho')('migration')).toBe(5);
    expect(rowOf(stats, 'closed')('information_given')).toBe(7);
    expect(rowOf(stats, 'closed')('referred')).toBe('< 5');
    expect(rowOf(stats, 'danger')('threat')).toBe('< 5');
  });

  it('hides one more count where a total would give a small one away', () => {
    // By channel, tickets opened: SMS 10, WhatsApp 1. With 11 shown as the total, the 10 would
    // give the 1 away: it is hidden too. The same for replies (9 and 1).
    const channels = rowOf(stats, 'channels');
    expect([channels('sms', 'opened'), channels('whatsapp', 'opened')]).toEqual(['≥ 5', '< 5']);
    expect([channels('sms', 'replied'), channels('whatsapp', 'replied')]).toEqual(['≥ 5', '< 5']);
    expect([channels('sms', 'conversations'), channels('whatsapp', 'conversations')]).toEqual([15, 13]);
    // Where other hidden cells (zeros among them) share the difference, nothing more is hidden:
    // 9 asked and 2 in danger, with no ticket for the three other reasons.
    expect(rowOf(stats, 'opened')('asked')).toBe(9);
    expect(rowOf(stats, 'opened')('safety')).toBe('< 5');
    const days = rowOf(stats, 'days');
    expect(
      ['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29', '2026-12-02'].map((d) =>
        days(d),
      ),
    ).toEqual([6, 7, 5, 6, '< 5', '< 5']);
    // A median of one wait is not shown.
    expect(rowOf(stats, 'languages')('en', 'first_reply_median')).toBe('n < 5');
    expect(rowOf(stats, 'languages')('es', 'first_reply_median')).toBe(10);
  });

  it('exports every table as CSV with the same suppression, and refuses agents', async () => {
    for (const table of stats.tables) {
      const res = await api(
        t,
        supervisor,
        'GET',
        `/api/staff/stats/export?table=${table.id}&${DECEMBER}&lang=en`,
      );
      expect(res.statusCode, table.id).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="faro-${table.id}-2026-12-01-2026-12-31.csv"`,
      );
      expect(res.body.split('\r\n').filter(Boolean)).toHaveLength(table.rows.length + 1);
    }
    const languages = await api(
      t,
      supervisor,
      'GET',
      `/api/staff/stats/export?table=languages&${DECEMBER}&lang=en`,
    );
    const lines = languages.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'code,Name,New conversations,Messages,Not understood,Tickets opened,Never claimed,Replied,"First reply, median (min)","First reply, p90 (min)"',
    );
    expect(lines.find((l) => l.startsWith('en,'))).toMatch(/^en,English,6,\d+,< 5,< 5,< 5,< 5,n < 5,n < 5$/);
    expect(lines.find((l) => l.startsWith('es,'))).toBe('es,Spanish,12,31,< 5,10,< 5,9,10,45');
    const channels = await api(t, supervisor, 'GET', `/api/staff/stats/export?table=channels&${DECEMBER}`);
    expect(channels.body).toContain('\r\nsms,SMS,15,');
    expect(channels.body).toMatch(/\r\nsms,SMS,15,\d+,< 5,≥ 5,< 5,≥ 5,10,/);
    for (const path of [`/api/staff/stats?${DECEMBER}`, `/api/staff/stats/export?table=overview&${DECEMBER}`])
      expect((await api(t, agent, 'GET', path)).statusCode).toBe(403);
    expect(
      (await api(t, supervisor, 'GET', '/api/staff/stats?from=2026-12-31&to=2026-12-01')).statusCode,
    ).toBe(400);
    expect(
      (await api(t, supervisor, 'GET', '/api/staff/stats?from=2025-01-01&to=2026-12-31')).statusCode,
    ).toBe(400);
  });

  it('writes the monthly export: reports, topics and languages as CSV and a one-page summary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faro-report-'));
    try {
      const out: string[] = [];
      const code = await runReportCli({
        argv: ['--month', '2026-12', '--out', dir],
        read: t.services.stats.read,
        localesDir: join(ROOT_DIR, 'locales'),
        out: (s) => out.push(s),
        err: (s) => out.push(s),
      });
      expect(code).toBe(0);
      const names = out
        .join('')
        .trim()
        .split('\n')
        .map((p) => p.slice(dir.length + 1));
      expect(names).toEqual([
        'anonymous-reports.csv',
        'overview.csv',
        'topics.csv',
        'languages.csv',
        'summary.md',
      ]);
      const reports = await readFile(join(dir, 'anonymous-reports.csv'), 'utf8');
      expect(reports).toContain(
        'Reportes anónimos: qué pasó,returned_without_procedure,Regresado sin trámite,5',
      );
      expect(reports).toContain(
        'Reportes anónimos: qué pasó,extortion_by_authority,Cobro o robo de una autoridad,< 5',
      );
      expect(reports).toContain('Reportes anónimos: dónde,tapachula,Tapachula,5');
      const summary = await readFile(join(dir, 'summary.md'), 'utf8');
      expect(summary).toMatch(/^# Faro: lo que nos dijo la frontera en diciembre de 2026/);
      expect(summary).toContain('- Conversaciones nuevas: **28**');
      expect(summary).toContain('- Reportes anónimos: **9**');
      expect(summary).toContain('| Regresado sin trámite | 5 |');
      expect(summary).toContain('| Cobro o robo de una autoridad | < 5 |');
      expect(summary).toContain('| Francés | < 5 |');
      expect(summary.split('\n').length).toBeLessThan(120);
      // Never a raw small count, in any file.
      for (const name of names)
        expect(await readFile(join(dir, name), 'utf8'), name).not.toMatch(/(^|[,|] ?)[1-4]( |,|\r|$)/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.runIf(store === 'redis')(
    'runs as npm run report, from the counters in Redis',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'faro-report-'));
      try {
        const run = await runCommand(
          ['src/cli/report.ts', '--month', '2026-12', '--out', dir, '--lang', 'en'],
          {
            REDIS_URL,
            REDIS_KEY_PREFIX: t.prefix,
          },
        );
        expect(run.err).toBe('');
        expect(run.code).toBe(0);
        const summary = await readFile(join(dir, 'summary.md'), 'utf8');
        expect(summary).toMatch(/^# Faro: what the border told us in December 2026/);
        expect(summary).toContain('| Sent back with no procedure | 5 |');
        expect(summary).toContain('| Charged or robbed by an authority | < 5 |');
        const bad = await runCommand(['src/cli/report.ts', '--month', 'december'], {
          REDIS_URL,
          REDIS_KEY_PREFIX: t.prefix,
        });
        expect(bad.code).toBe(1);
        expect(bad.err).toMatch(/--month must be a month like 2026-12/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('keeps every figure after an erase and after retention deletes the conversations', async () => {
    const before = JSON.stringify(stats);
    const from = month.addresses[0]!;
    for (const text of ['BORRAR', 'SI']) {
      await t.post('/webhooks/twilio/messages', inboundForm(from, text));
      await t.services.engine.idle();
    }
    clock.advance(45 * 86_400_000);
    await t.services.engine.expire(1000);
    expect(await t.services.store.load(t.services.crypto.hash(month.addresses[1]!))).toBeNull();
    await t.services.stats.recorder.idle();
    ({ supervisor } = await month.sessions());
    const after = (await api(t, supervisor, 'GET', `/api/staff/stats?${DECEMBER}`)).json().stats;
    expect(JSON.stringify(after)).toBe(before);
  });

  it.runIf(store === 'redis')(
    'holds no number, hash of one or message text in any counter key or value',
    async () => {
      const contents = (await redisContents(t.prefix)).filter(({ key }) => key.includes('{stats}'));
      expect(contents.length).toBeGreaterThan(5);
      const hashes = month.addresses.map((a) => t.services.crypto.hash(a));
      const digitsOf = (a: string) => a.replace(/\D/g, '');
      const texts = month.texts.filter((x) => x.length >= 4 && !/^\d+$/.test(x));
      for (const { key, value } of contents) {
        // The key prefix is the operator's (here a random test prefix): what Faro writes follows it.
        const both = `${key.slice(t.prefix.length)}\n${value}`;
        expect(key.slice(t.prefix.length)).toMatch(/^\{stats\}:(day:\d{4}-\d{2}-\d{2}|reports:\d{4}-\d{2})$/);
        // No run of 7 digits or more (a phone number), no long hex or base64 (a hash or an id).
        expect(both).not.toMatch(/\d{7,}/);
        expect(both).not.toMatch(/[0-9a-f]{16,}/i);
        expect(both).not.toMatch(/(?=[\w+/-]*\d)(?=[\w+/-]*[A-Za-z])[\w+/-]{20,}/);
        for (const a of month.addresses) expect(both).not.toContain(digitsOf(a).slice(-7));
        for (const h of hashes) expect(both).not.toContain(h.slice(0, 12));
        for (const text of texts) expect(both.toLowerCase()).not.toContain(text.toLowerCase());
        // Every field is a counter this code can read, or a report's four categories.
        for (const field of Object.keys(JSON.parse(value) as Record<string, string>)) {
          if (key.includes(':day:')) expect(decodeField(field), field).not.toBeNull();
          else expect(field).toMatch(/^[a-z_]+\|[a-z_]+\|[a-z_]+\|[a-z_]+$/);
        }
      }
    },
  );
});
