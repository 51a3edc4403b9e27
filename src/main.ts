import { buildApp } from './app.ts';
import { buildServices } from './build-services.ts';
import { ConfigError, loadConfig, withRole } from './config.ts';
import { createLogger } from './logger.ts';
import { DataKeyMismatchError } from './privacy/check-data-key.ts';
import { RedisUnreachableError } from './redis-unreachable.ts';
import { startWorkThread, type WorkThread } from './work-thread/start-work-thread.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Entry point: parse config, build, listen, and shut down gracefully on SIGTERM/SIGINT. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  if (config.dataKeyGenerated) {
    logger.warn(
      { event: 'data_key_generated' },
      'No DATA_KEY: made a random one for this run (fine for trying Faro, not for production).',
    );
  }
  // FARO_ROLE=all on Redis: this thread takes webhooks (as `web`), a worker thread does the work.
  let thread: WorkThread | null = null;
  let services: Awaited<ReturnType<typeof buildServices>>;
  try {
    services = config.workThread
      ? await buildServices(withRole(config, 'web'), logger, {
          onAccepted: (id, text) => thread?.accepted(id, text),
        })
      : await buildServices(config, logger);
  } catch (err) {
    if (err instanceof RedisUnreachableError) {
      process.stderr.write(`${err.message} Faro did not start.
`);
      process.exit(1);
    }
    if (err instanceof DataKeyMismatchError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp(services);
  if (config.workThread) {
    thread = await startWorkThread({ nice: config.FARO_WORK_THREAD_NICE, logger });
    services.metrics.addSource(thread.metrics);
  }
  await services.start();
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({
    event: 'listening',
    host: config.HOST,
    port: config.PORT,
    store: config.storeKind,
    twilio: config.twilioConfigured,
    workThread: config.workThread,
  });
  if (services.localSender && config.NODE_ENV !== 'production' && !LOOPBACK.has(config.HOST)) {
    logger.warn(
      { event: 'simulator_reachable', host: config.HOST },
      'The phone simulator has no password and is reachable from the network (HOST): anyone there can write as any number and read the replies.',
    );
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ event: 'shutting_down', signal });
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    // Stop taking webhooks, let in-flight requests finish, then drain work and close Redis.
    await app.close();
    await thread?.stop();
    await services.stop();
    logger.info({ event: 'stopped' });
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

void main();
