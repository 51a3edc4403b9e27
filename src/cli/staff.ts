import { createRedisStaffStore } from '../console/redis-staff-store.ts';
import { runStaffCli, STAFF_USAGE } from '../console/staff-cli.ts';
import { systemClock } from '../engine/clock.ts';
import type { LiveEvent } from '../handoff/live-events.ts';
import { liveEventsChannel } from '../handoff/redis-live-events.ts';
import { connectCliRedis, loadCliConfig } from './cli-config.ts';

/**
 * Staff accounts in the Redis that REDIS_URL (or the cluster/sentinel settings) points at.
 *   npm run staff -- add ana --role agent        (asks for the password; or pipe it in)
 *   npm run staff -- remove ana
 *   npm run staff -- logout ana                  (ends every session of ana)
 *   npm run staff -- list
 */
async function main(): Promise<number> {
  const config = loadCliConfig();
  if (!config) return 1;
  if (config.storeKind === 'memory') {
    process.stderr.write(
      'No REDIS_URL: in embedded mode staff accounts live only inside the running `npm start`\n' +
        '(it prints a demo supervisor when it starts). Set REDIS_URL to manage accounts.\n' +
        `${STAFF_USAGE}\n`,
    );
    return 1;
  }
  const redis = await connectCliRedis(config);
  if (!redis) return 1;
  try {
    const prefix = config.REDIS_KEY_PREFIX;
    const staff = createRedisStaffStore({
      redis,
      prefix,
      clock: systemClock,
      auditRetentionMs: config.CLOSED_TICKET_TTL_DAYS * 86_400_000,
      // Running servers hear it and close the changed account's live streams at once.
      onAccountChanged: async (username) => {
        const event: LiveEvent = { type: 'account', username };
        await redis.publish(liveEventsChannel(prefix), JSON.stringify(event));
      },
    });
    return await runStaffCli({
      argv: process.argv.slice(2),
      staff,
      clock: systemClock,
      io: {
        readPassword: () => (process.stdin.isTTY ? promptHidden('Password: ') : readFirstLine()),
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
      },
    });
  } finally {
    await redis.quit().catch(() => undefined);
  }
}

async function readFirstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  let value = '';
  return new Promise((resolve, reject) => {
    const onData = (chars: string) => {
      for (const c of chars) {
        if (c === '\r' || c === '\n') {
          finish();
          stdout.write('\n');
          return resolve(value);
        }
        if (c === '\u0003') {
          finish();
          return reject(new Error('cancelled'));
        }
        if (c === '\u007f' || c === '\b') value = value.slice(0, -1);
        else value += c;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
