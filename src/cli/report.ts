import { join } from 'node:path';
import { pino } from 'pino';
import { ROOT_DIR } from '../build-services.ts';
import { systemClock } from '../engine/clock.ts';
import { buildStats } from '../stats/build-stats.ts';
import { REPORT_USAGE, runReportCli } from '../stats/report-cli.ts';
import { connectCliRedis, loadCliConfig } from './cli-config.ts';

/**
 * The monthly advocacy export from the counters in the Redis that REDIS_URL (or the cluster or
 * sentinel settings) points at:
 *   npm run report -- --month 2026-12 [--out reports/2026-12] [--lang es|en]
 */
async function main(): Promise<number> {
  const config = loadCliConfig();
  if (!config) return 1;
  if (config.storeKind === 'memory') {
    process.stderr.write(
      'No REDIS_URL: in embedded mode the counters live only inside the running `npm start`.\n' +
        `Set REDIS_URL to export a month.\n${REPORT_USAGE}\n`,
    );
    return 1;
  }
  const redis = await connectCliRedis(config);
  if (!redis) return 1;
  try {
    const stats = buildStats({ config, redis, clock: systemClock, logger: pino({ level: 'silent' }) });
    return await runReportCli({
      argv: process.argv.slice(2),
      read: stats.read,
      localesDir: join(ROOT_DIR, 'locales'),
      out: (t) => process.stdout.write(t),
      err: (t) => process.stderr.write(t),
    });
  } finally {
    await redis.quit().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`report failed: ${(err as Error).name}\n`);
    process.exit(1);
  },
);
