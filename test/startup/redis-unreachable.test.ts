import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/processes.ts';

const ROOT = join(import.meta.dirname, '../..');

function start(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('a start with Redis unreachable', () => {
  it('says which host and port it tried, without the password or a stack trace, and stops', async () => {
    const port = await freePort();
    const { code, output } = await start({
      PORT: String(await freePort()),
      REDIS_URL: `redis://faro:s3cret-pass@127.0.0.1:${port}/0`,
    });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot reach Redis at 127.0.0.1:${port}`);
    expect(output).toContain('ECONNREFUSED');
    expect(output).not.toContain('s3cret-pass');
    expect(output).not.toMatch(/^\s+at /m);
  }, 60_000);
});
