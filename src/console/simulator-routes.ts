import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { LocalSender } from '../channels/local/local-sender.ts';
import type { Clock } from '../engine/clock.ts';
import type { Engine } from '../engine/engine.ts';
import { securityHeaders } from '../http/security-headers.ts';
import { countSegments } from '../render/index.ts';
import { HttpError, parseOr400 } from './http-error.ts';

const Phone = z.string().regex(/^\+\d{8,15}$/);
const MessageBody = z.object({
  channel: z.enum(['sms', 'whatsapp']),
  from: Phone,
  text: z.string().max(1600),
});
const EventsQuery = z.object({ from: Phone, channel: z.enum(['sms', 'whatsapp']).default('sms') });

/** Our side of the simulated chat: what the user "wrote to". */
const SIMULATOR_TO = { sms: '+10000000000', whatsapp: 'whatsapp:+10000000000' } as const;

/**
 * The phone simulator (embedded mode only, never in production): a person plays the user
 * through the same engine, and sees Faro's replies as the local sender "delivers" them.
 */
export async function simulatorRoutes(
  app: FastifyInstance,
  { engine, localSender, clock }: { engine: Pick<Engine, 'accept'>; localSender: LocalSender; clock: Clock },
) {
  app.post('/api/dev/simulator/messages', async (request, reply) => {
    // JSON only, so that no other site's form can post into the simulator.
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json'))
      throw new HttpError(415, 'Send JSON');
    const body = parseOr400(MessageBody, request.body);
    const address = body.channel === 'whatsapp' ? `whatsapp:${body.from}` : body.from;
    await engine.accept({
      id: `SIM${randomBytes(16).toString('hex')}`,
      channel: body.channel,
      address,
      to: SIMULATOR_TO[body.channel],
      text: body.text,
      media: [],
      receivedAt: clock.now(),
    });
    return reply.code(202).send({ accepted: true });
  });

  app.get('/api/dev/simulator/events', { exposeHeadRoute: false }, async (request, reply) => {
    const { from, channel } = parseOr400(EventsQuery, request.query);
    const address = channel === 'whatsapp' ? `whatsapp:${from}` : from;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...securityHeaders({ https: false }),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const off = localSender.onMessage((d) => {
      if (d.to !== address) return;
      const seg = d.channel === 'sms' ? countSegments(d.body) : null;
      const data = {
        body: d.body,
        at: d.at,
        ...(seg ? { segments: seg.segments, encoding: seg.encoding } : {}),
      };
      res.write(`event: reply\ndata: ${JSON.stringify(data)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    let ended = false;
    const done = () => {
      if (ended) return; // both the request and the response report the close
      ended = true;
      clearInterval(ping);
      off();
    };
    request.raw.on('close', done);
    res.on('close', done);
  });
}
