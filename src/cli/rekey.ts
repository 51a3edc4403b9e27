import { RekeyError, type RekeyReport, rekeyRedis } from '../privacy/rekey.ts';
import { connectCliRedis, loadCliConfig } from './cli-config.ts';

/**
 * `npm run rekey`: re-seals every sealed value in Redis under DATA_KEY, opening old ones with
 * DATA_KEY_PREVIOUS (README, Security: rotating the key). Safe while Faro runs, safe to run
 * again. Prints progress every REKEY_PROGRESS_EVERY keys (default 1000) and the totals; exits
 * 1 when a value is sealed under a key it was not given.
 */
async function main(): Promise<number> {
  const config = loadCliConfig();
  if (!config) return 1;
  if (config.storeKind === 'memory' || config.dataKeyGenerated) {
    process.stderr.write(
      'rekey needs REDIS_URL and DATA_KEY (and DATA_KEY_PREVIOUS: the keys it replaces)\n',
    );
    return 1;
  }
  const redis = await connectCliRedis(config);
  if (!redis) return 1;
  const started = Date.now();
  const line = (label: string, r: RekeyReport) =>
    `${label}: ${r.keys} keys read, ${sum(r.resealed)} values re-sealed, ${sum(r.current)} already under DATA_KEY, ${sum(r.sealedPlain)} sealed that were in clear, ${r.changedMeanwhile} changed meanwhile (${((Date.now() - started) / 1000).toFixed(1)} s)\n`;
  try {
    const report = await rekeyRedis({
      redis,
      prefix: config.REDIS_KEY_PREFIX,
      keyring: config.keyring,
      progressEvery: Number(process.env.REKEY_PROGRESS_EVERY) || 1000,
      onProgress: (r) => process.stdout.write(line('progress', r)),
    });
    process.stdout.write(line('done', report));
    const kinds = [report.resealed, report.current, report.sealedPlain].flatMap((c) => Object.keys(c));
    for (const kind of [...new Set(kinds)].sort())
      process.stdout.write(
        `  ${kind}: ${report.resealed[kind] ?? 0} re-sealed, ${report.current[kind] ?? 0} already current${report.sealedPlain[kind] ? `, ${report.sealedPlain[kind]} sealed that were in clear` : ''}\n`,
      );
    if (report.changedMeanwhile > 0)
      process.stdout.write(
        'Values Faro rewrote meanwhile were left as it wrote them: run rekey again once every instance runs the new DATA_KEY.\n',
      );
    return 0;
  } catch (err) {
    if (!(err instanceof RekeyError)) throw err;
    process.stderr.write(
      `rekey stopped: ${err.message}.\nWhat was re-sealed before stays readable with DATA_KEY; set DATA_KEY_PREVIOUS to every key data was written with and run again.\n`,
    );
    return 1;
  } finally {
    await redis.quit().catch(() => undefined);
  }
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

process.exitCode = await main();
