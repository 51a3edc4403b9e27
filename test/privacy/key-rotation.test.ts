import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataKeyMismatchError } from '../../src/privacy/check-data-key.ts';
import { RekeyError, rekeyRedis } from '../../src/privacy/rekey.ts';
import { createSealer } from '../../src/privacy/seal.ts';
import { type HandoffFixture, startHandoff } from '../console/handoff-fixture.ts';
import { api, login } from '../console/staff-session.ts';
import { redisDump } from '../helpers/redis-dump.ts';
import { createTestApp, deleteKeys } from '../helpers/test-app.ts';
import { redisEnv, testRedis } from '../helpers/test-redis.ts';

const USER = 'whatsapp:+5219625558001';
const b64 = () => randomBytes(32).toString('base64');
const ROOT = join(import.meta.dirname, '../..');

/** `npm run rekey` in its own process. */
function runRekey(env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/rekey.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', ...redisEnv(), REKEY_PROGRESS_EVERY: '5', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

/** Key ids (data and address) that envelopes sealed under this root carry. */
const kidsOf = (root: string) =>
  (['data', 'address'] as const).map(
    (p) => createSealer({ current: Buffer.from(root, 'base64'), previous: [] }, p).currentKid,
  );

describe('rotating DATA_KEY', () => {
  const A = b64();
  const B = b64();
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  let h: HandoffFixture | null = null;
  afterAll(async () => {
    await h?.close();
    await deleteKeys(prefix);
  });

  /** Stops an instance without deleting its data (a restart). */
  async function stop(f: HandoffFixture) {
    await f.t.app.close();
    await f.t.services.stop();
    await f.fake.close();
  }
  async function readBack(f: HandoffFixture, texts: string[]) {
    const ticket = await f.ticketOf(USER);
    const ana = await login(f.t, 'ana');
    const detail = await api(f.t, ana, 'GET', `/api/staff/tickets/${ticket.id}`);
    expect(detail.statusCode).toBe(200);
    for (const text of texts) expect(detail.body).toContain(text);
    const refs = await api(f.t, ana, 'GET', `/api/staff/tickets/${ticket.id}/referrals`);
    expect(refs.body).toContain('cita el martes con Doña Herminia');
    return { ticket, ana };
  }

  it('reads old values with DATA_KEY_PREVIOUS, and after rekey with the new key alone', async () => {
    // 1. Written under A.
    h = await startHandoff({ store: 'redis', prefix, env: { DATA_KEY: A } });
    await h.userWrites(USER, 'me quieren matar, estoy con Rosa Quintanilla');
    const first = await h.ticketOf(USER);
    const ana = await login(h.t, 'ana');
    const at = `/api/staff/tickets/${first.id}`;
    await api(h.t, ana, 'POST', `${at}/claim`);
    await api(h.t, ana, 'POST', `${at}/messages`, { text: 'Soy Ana, quédate en la puerta azul' });
    await h.sentTo(USER, 'puerta azul');
    await api(h.t, ana, 'POST', `${at}/notes`, { text: 'vive con su tía Lucía' });
    await api(h.t, ana, 'PUT', `${at}/labels`, { labels: ['albergue-qz'] });
    await api(h.t, ana, 'POST', `${at}/referrals`, {
      service_type: 'legal',
      service_implementing_agency: 'Clínica Quetzal',
      notes: 'cita el martes con Doña Herminia',
    });
    const written = ['Rosa Quintanilla', 'puerta azul', 'vive con su tía Lucía', 'albergue-qz'];
    await stop(h);
    h = null;

    // 2. Restarted with DATA_KEY=B, DATA_KEY_PREVIOUS=A: everything reads, new writes use B.
    const rotated = { DATA_KEY: B, DATA_KEY_PREVIOUS: A, HASH_KEY: A };
    h = await startHandoff({ store: 'redis', prefix, env: rotated });
    await readBack(h, written);
    await h.userWrites(USER, 'ya llegué al parque Bicentenario');
    const envelopes = (await redisDump(prefix)).parts.map((p) => p.text).join('\n');
    // (Addresses are sealed inside the sealed record: only the outer envelopes show.)
    for (const kid of [kidsOf(A)[0], kidsOf(B)[0]]) expect(envelopes).toContain(`v2.${kid}.`);

    // 3. Rekey while the person keeps writing: nothing they write is lost.
    const writes = (async () => {
      for (const n of [1, 2, 3, 4]) await h!.userWrites(USER, `mensaje número ${n} durante el cambio`);
    })();
    const keyring = { current: Buffer.from(B, 'base64'), previous: [Buffer.from(A, 'base64')] };
    const redis = testRedis();
    try {
      const [report] = await Promise.all([rekeyRedis({ redis, prefix, keyring, batch: 10 }), writes]);
      expect(Object.values(report.resealed).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
      expect(report.resealed.ticket).toBeGreaterThan(0);
      expect(report.resealed['conversation:transcript']).toBeGreaterThan(0);

      // 4. Again, by the command, until a pass re-seals nothing (README, step 4): a value Faro
      // moved from one list to another while the first pass scanned can still be under A.
      // Then nothing is left under A; it reports per kind and exits 0.
      const clean = /^done: \d+ keys read, 0 values re-sealed/m;
      let run = await runRekey({ REDIS_KEY_PREFIX: prefix, ...rotated });
      for (let pass = 1; pass < 3 && run.code === 0 && !clean.test(run.out); pass++)
        run = await runRekey({ REDIS_KEY_PREFIX: prefix, ...rotated });
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/^progress: 5 keys read/m);
      expect(run.out).toMatch(/^done: \d+ keys read, 0 values re-sealed, \d+ already under DATA_KEY/m);
      expect(run.out).toMatch(/^ {2}ticket: 0 re-sealed, 1 already current$/m);
    } finally {
      await redis.quit();
    }
    const after = (await redisDump(prefix)).parts.map((p) => p.text).join('\n');
    for (const kid of kidsOf(A)) expect(after).not.toContain(`v2.${kid}.`);
    expect(after).not.toMatch(/(?<![\w-])v1\.[\w-]{16}\./);
    await stop(h);
    h = null;

    // 5. B alone: everything reads, replies still reach the person's number.
    h = await startHandoff({ store: 'redis', prefix, env: { DATA_KEY: B, HASH_KEY: A } });
    const { ticket, ana: ana2 } = await readBack(h, [
      ...written,
      'parque Bicentenario',
      ...[1, 2, 3, 4].map((n) => `mensaje número ${n} durante el cambio`),
    ]);
    const reply = await api(h.t, ana2, 'POST', `/api/staff/tickets/${ticket.id}/messages`, {
      text: 'Sigo aquí contigo',
    });
    expect(reply.statusCode).toBe(202);
    await h.sentTo(USER, 'Sigo aquí contigo');
  }, 60_000);

  it('refuses to start with a DATA_KEY that opens nothing Redis holds, before writing anything', async () => {
    const before = (await redisDump(prefix)).parts.length;
    await expect(createTestApp({ store: 'redis', prefix, env: { DATA_KEY: b64() } })).rejects.toThrow(
      DataKeyMismatchError,
    );
    expect((await redisDump(prefix)).parts.length).toBe(before);
  });

  it('stops with a clear message and exit code 1 under a key that sealed nothing', async () => {
    const wrong = { DATA_KEY: b64(), DATA_KEY_PREVIOUS: b64(), HASH_KEY: A, REDIS_KEY_PREFIX: prefix };
    const redis = testRedis();
    try {
      await redis.set(
        `${prefix}case:ref:x`,
        createSealer({ current: randomBytes(32), previous: [] }, 'data').seal('{}'),
      );
      await expect(
        rekeyRedis({
          redis,
          prefix,
          keyring: { current: randomBytes(32), previous: [] },
        }),
      ).rejects.toBeInstanceOf(RekeyError);
    } finally {
      await redis.quit();
    }
    const run = await runRekey(wrong);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /rekey stopped: \S+: a value is sealed under key id [\w-]{8}, which is neither DATA_KEY nor any of DATA_KEY_PREVIOUS/,
    );
  }, 30_000);
});
