import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { buildServices } from '../build-services.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { countSegments } from '../render/index.ts';

/**
 * Talk to Faro in the terminal as an SMS or WhatsApp user, through the same engine,
 * flows and rendering as the webhook, with no Twilio account and no Redis.
 *   npm run chat               (SMS)
 *   npm run chat -- --whatsapp
 */
const { values } = parseArgs({
  options: {
    whatsapp: { type: 'boolean', default: false },
    from: { type: 'string', default: '+5219620000000' },
  },
});

const env = {
  ...process.env,
  REDIS_URL: '',
  REDIS_CLUSTER_NODES: '',
  REDIS_SENTINELS: '',
  TWILIO_ACCOUNT_SID: '',
  TWILIO_AUTH_TOKEN: '',
  NODE_ENV: 'development',
  DEMO_STAFF: 'false',
};
const config = loadConfig(env);
const logger = createLogger(process.env.LOG_LEVEL ?? 'silent');
const services = await buildServices(config, logger);
await services.start();

const channel = values.whatsapp ? 'whatsapp' : 'sms';
const address = values.whatsapp ? `whatsapp:${values.from}` : values.from;
const out = process.stdout;
out.write(
  `Faro chat: you are an ${channel === 'sms' ? 'SMS' : 'WhatsApp'} user. Write "hola" to start, Ctrl+D to leave.\n\n`,
);

services.localSender?.onMessage((d) => {
  const seg =
    channel === 'sms'
      ? (() => {
          const c = countSegments(d.body);
          return ` (${c.segments} segment${c.segments === 1 ? '' : 's'}, ${c.encoding})`;
        })()
      : '';
  out.write(`\n\x1b[36mFaro${seg}:\x1b[0m\n${d.body}\n\n> `);
});

const rl = createInterface({ input: process.stdin, output: out, prompt: '> ' });
rl.prompt();
for await (const line of rl) {
  await services.engine.accept({
    id: `SM${randomBytes(16).toString('hex')}`,
    channel,
    address,
    to: channel === 'sms' ? '+15005550006' : 'whatsapp:+14155238886',
    text: line,
    media: [],
    receivedAt: Date.now(),
  });
  await services.engine.idle();
  await services.outbox.drain();
}
await services.stop();
process.exit(0);
