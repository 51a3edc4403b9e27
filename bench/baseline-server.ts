/**
 * The baseline of `npm run bench`: the least a Twilio webhook can do. Parse the form, check
 * the signature, one Redis GET and one SET, answer an empty TwiML. Run as its own process so
 * that it gets a core to itself, as Faro does.
 *
 * Env: PORT, REDIS_URL, KEY_PREFIX, TWILIO_AUTH_TOKEN, PUBLIC_BASE_URL.
 */
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import twilio from 'twilio';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`baseline server: ${name} is not set`);
  return value;
};
const authToken = env('TWILIO_AUTH_TOKEN');
const publicBaseUrl = env('PUBLIC_BASE_URL');
const prefix = env('KEY_PREFIX');
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

const redis = new Redis(env('REDIS_URL'));
const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
await app.register(formbody, { bodyLimit: 64 * 1024 });

app.get('/healthz', async () => ({ status: 'ok' }));
app.post('/webhooks/twilio/messages', async (request, reply) => {
  const form = (request.body ?? {}) as Record<string, string>;
  const signature = request.headers['x-twilio-signature'];
  if (
    typeof signature !== 'string' ||
    !twilio.validateRequest(authToken, signature, publicBaseUrl + request.url, form)
  ) {
    return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Forbidden' });
  }
  const key = `${prefix}baseline:${form.From ?? ''}`;
  const last = await redis.get(key);
  await redis.set(key, `${form.MessageSid ?? ''} ${last ? last.length : 0}`, 'EX', 3600);
  return reply.type('text/xml').send(EMPTY_TWIML);
});

await app.listen({ port: Number(env('PORT')), host: '127.0.0.1' });
const shutdown = async () => {
  await app.close();
  await redis.quit();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
