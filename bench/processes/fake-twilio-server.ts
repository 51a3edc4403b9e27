/**
 * The fake Twilio API (test/fakes/fake-twilio.ts) in its own process, so that answering
 * Faro's sends does not slow the load generator's clock. Counts what it receives and says
 * so on `GET /healthz` (the fake answers everything else as Twilio would).
 *
 * Env: PORT, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, FAKE_PORT (where the fake listens),
 * KEEP_LOG=1 (keep every message's address, body and creation time for `GET /log`).
 */
import { createServer } from 'node:http';
import { startFakeTwilio } from '../../test/fakes/fake-twilio.ts';

let received = 0;
let bodyChars = 0;
const keepLog = process.env.KEEP_LOG === '1';
/** When (ms since the epoch, this machine's clock) each message was created: what the surge bench times. */
const log: Array<{ to: string; body: string; at: number }> = [];
const fake = await startFakeTwilio({
  accountSid: process.env.TWILIO_ACCOUNT_SID ?? '',
  authToken: process.env.TWILIO_AUTH_TOKEN ?? '',
  port: Number(process.env.FAKE_PORT ?? 0),
  onMessage: (message) => {
    received++;
    bodyChars += message.body.length;
    if (keepLog) log.push({ to: message.to, body: message.body, at: message.dateCreated.getTime() });
  },
});
// A long run must not keep every message body: the counts are all the benchmark needs.
const trim = setInterval(() => fake.messages.splice(0), 5_000);

const status = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  if (req.url === '/log') return void res.end(JSON.stringify(log));
  res.end(JSON.stringify({ status: 'ok', baseUrl: fake.baseUrl, received, bodyChars }));
});
status.listen(Number(process.env.PORT), '127.0.0.1');

process.once('SIGTERM', () => {
  clearInterval(trim);
  status.close();
  void fake.close().then(() => process.exit(0));
});
