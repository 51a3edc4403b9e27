import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { errorSummary } from '../engine/engine.ts';
import type { MetricsSource } from '../metrics.ts';
import type { ThreadReply, ThreadRequest, WorkThreadData } from './thread-messages.ts';

export interface WorkThread {
  /** The thread's metrics, for the main thread's `/metrics`. */
  metrics: MetricsSource;
  /** A message the web thread recorded: the work thread steps it at once if it speaks of danger. */
  accepted(conversationId: string, text: string): void;
  /** Lets in-flight work finish, closes the thread's connections, and waits for it to end. */
  stop(): Promise<void>;
}

/**
 * Starts the work thread (work-thread.ts) and keeps it running: a thread that dies is started
 * again after a second. Nothing is lost meanwhile: messages wait in Redis (the pending set and
 * the work list) and the outbox, and the new thread takes them up.
 */
export async function startWorkThread({
  nice,
  logger,
}: {
  nice: number;
  logger: Logger;
}): Promise<WorkThread> {
  const load = shareEventLoopLoad();
  let worker: Worker | null = null;
  let stopping = false;
  let nextId = 0;
  const waiting = new Map<number, (m: Awaited<ReturnType<MetricsSource>>) => void>();
  const send = (m: ThreadRequest) => worker?.postMessage(m);
  let accepted: Array<[string, string]> = [];
  const flushAccepted = () => {
    const messages = accepted;
    accepted = [];
    if (messages.length) send({ type: 'accepted', messages });
  };

  const spawn = () =>
    new Promise<void>((resolve, reject) => {
      let ready = false;
      const w = createWorker({ nice, load: load.buffer });
      worker = w;
      w.on('message', (m: ThreadReply) => {
        if (m.type === 'ready') {
          ready = true;
          resolve();
        } else if (m.type === 'metrics') waiting.get(m.id)?.(m.metrics);
      });
      w.on('error', (err) => logger.error({ event: 'work_thread_error', err: errorSummary(err) }));
      w.on('exit', (code) => {
        if (!ready) return reject(new Error(`the work thread stopped before it was ready (exit ${code})`));
        if (stopping) return;
        logger.error({ event: 'work_thread_exited', code });
        setTimeout(() => {
          if (!stopping) void spawn().catch(() => undefined);
        }, 1_000).unref();
      });
    });
  await spawn();

  return {
    metrics: () =>
      new Promise((resolve) => {
        const id = nextId++;
        const done = (m: Awaited<ReturnType<MetricsSource>>) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(m);
        };
        const timer = setTimeout(() => done([]), 2_000);
        waiting.set(id, done);
        send({ type: 'metrics', id });
      }),
    accepted(conversationId, text) {
      // Handed over every 5 ms, not one by one: each message to a thread wakes it up.
      accepted.push([conversationId, text]);
      if (accepted.length === 1) setTimeout(flushAccepted, 5).unref();
    },
    async stop() {
      stopping = true;
      load.stop();
      const w = worker;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      send({ type: 'stop' });
      const timer = setTimeout(() => void w.terminate(), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The thread runs work-thread.ts, or work-thread.js once built. Under tsx (`npm start`) a
 * thread does not inherit the TypeScript loader, so it registers it before importing the file.
 */
function createWorker(workerData: WorkThreadData): Worker {
  const typescript = import.meta.url.endsWith('.ts');
  const url = new URL(`./work-thread.${typescript ? 'ts' : 'js'}`, import.meta.url);
  if (!typescript) return new Worker(url, { workerData });
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true, workerData });
}

/**
 * This thread's event-loop utilisation, sampled every 50 ms and smoothed over about 200 ms (a
 * saturated loop still idles a few ms while it waits for Redis), in thousandths, in shared
 * memory: the work thread reads it to know when the webhooks need the CPU.
 */
function shareEventLoopLoad() {
  const buffer = new SharedArrayBuffer(4);
  const view = new Int32Array(buffer);
  let last = performance.eventLoopUtilization();
  let smoothed = 0;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    smoothed = 0.75 * smoothed + 0.25 * performance.eventLoopUtilization(now, last).utilization;
    Atomics.store(view, 0, Math.round(smoothed * 1000));
    last = now;
  }, 50);
  timer.unref();
  return { buffer, stop: () => clearInterval(timer) };
}
