/**
 * `npm run test:cluster`: starts a three-node Redis Cluster, then a master with one Sentinel,
 * on loopback ports, and runs the store contract suite, privacy tests, the send path (and its pacer) and a short end-to-end
 * conversation against each. Needs `redis-server` and `redis-cli` on the PATH.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TESTS = [
  'test/store/redis-store.test.ts',
  'test/cluster/conversation.test.ts',
  'test/privacy/retention-and-erase.test.ts',
  'test/outbox/deliver.test.ts',
  'test/outbox/send-pacer.test.ts',
];
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function redis(args: string[]) {
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  children.push(child);
  return child;
}

function cli(port: number, ...args: string[]) {
  return spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' });
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function runTests(label: string, env: Record<string, string>, files = TESTS): number {
  console.log(`\n== ${label}`);
  // One file at a time: the failover test must come last, after the others used the first master.
  const res = spawnSync(
    'npx',
    ['vitest', 'run', '--no-file-parallelism', '--sequence.shuffle=false', ...files],
    {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  );
  return res.status ?? 1;
}

async function cluster(): Promise<number> {
  const ports = [await freePort(), await freePort(), await freePort()];
  for (const port of ports) {
    const dir = mkdtempSync(join(tmpdir(), 'faro-cluster-'));
    redis([
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      'nodes.conf',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
  }
  await waitFor(() => ports.every((p) => cli(p, 'ping').stdout.trim() === 'PONG'), 'cluster nodes');
  const created = spawnSync(
    'redis-cli',
    [
      '--cluster',
      'create',
      ...ports.map((p) => `127.0.0.1:${p}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ],
    { encoding: 'utf8' },
  );
  if (created.status !== 0) throw new Error(`cluster create failed: ${created.stdout}${created.stderr}`);
  await waitFor(
    () => ports.every((p) => cli(p, 'cluster', 'info').stdout.includes('cluster_state:ok')),
    'cluster_state:ok',
  );
  return runTests(`Redis Cluster on ports ${ports.join(', ')}`, {
    FARO_TEST_REDIS_CLUSTER: ports.map((p) => `127.0.0.1:${p}`).join(','),
  });
}

async function sentinel(): Promise<number> {
  const master = await freePort();
  const sentinelPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'faro-sentinel-'));
  const replica = await freePort();
  redis(['--port', String(master), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no']);
  await waitFor(() => cli(master, 'ping').stdout.trim() === 'PONG', 'master');
  const replicaDir = mkdtempSync(join(tmpdir(), 'faro-replica-'));
  redis([
    '--port',
    String(replica),
    '--bind',
    '127.0.0.1',
    '--dir',
    replicaDir,
    '--save',
    '',
    '--appendonly',
    'no',
    '--replicaof',
    '127.0.0.1',
    String(master),
  ]);
  await waitFor(
    () => cli(replica, 'info', 'replication').stdout.includes('master_link_status:up'),
    'replica',
  );
  const conf = join(dir, 'sentinel.conf');
  writeFileSync(
    conf,
    `port ${sentinelPort}\nbind 127.0.0.1\nsentinel monitor faro 127.0.0.1 ${master} 1\nsentinel down-after-milliseconds faro 5000\n`,
  );
  redis([conf, '--sentinel']);
  await waitFor(
    () => cli(sentinelPort, 'sentinel', 'get-master-addr-by-name', 'faro').stdout.includes(String(master)),
    'sentinel',
  );
  await waitFor(
    () => cli(sentinelPort, 'sentinel', 'replicas', 'faro').stdout.includes(String(replica)),
    'sentinel to see the replica',
    30_000,
  );
  return runTests(
    `Redis through Sentinel (sentinel ${sentinelPort}, master ${master}, replica ${replica}), then a failover`,
    {
      FARO_TEST_REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`,
      FARO_TEST_REDIS_SENTINEL_NAME: 'faro',
      FARO_TEST_SENTINEL_FAILOVER: '1',
    },
    [...TESTS, 'test/cluster/sentinel-failover.test.ts'],
  );
}

let failed = 0;
try {
  failed += (await cluster()) === 0 ? 0 : 1;
  failed += (await sentinel()) === 0 ? 0 : 1;
} catch (err) {
  console.error(err);
  failed++;
} finally {
  for (const c of children) c.kill('SIGTERM');
}
console.log(
  failed ? `\ntest:cluster: ${failed} setup(s) failed` : '\ntest:cluster: Cluster and Sentinel passed',
);
process.exit(failed ? 1 : 0);
