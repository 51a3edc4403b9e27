import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitUntil } from '../../test/helpers/processes.ts';

const ROOT = join(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  child: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

/** A TypeScript server file run in its own Node process (`node --import tsx`), up once /healthz answers. */
export async function startChildServer({
  file,
  port,
  env,
}: {
  file: string;
  port: number;
  env: Record<string, string>;
}): Promise<ChildServer> {
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => (await fetch(`${url}/healthz`).catch(() => null))?.ok === true,
    20_000,
    () => `${file} on ${port} did not start:\n${output.join('')}`,
  );
  return {
    url,
    child,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
