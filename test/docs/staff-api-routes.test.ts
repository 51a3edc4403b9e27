import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { HTTPMethods, RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { buildServices, ROOT_DIR } from '../../src/build-services.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';

describe('docs/staff-api.md', () => {
  it('documents every /api/staff route the app registers', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_KEY: randomBytes(32).toString('base64') });
    const services = await buildServices(
      config,
      createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() })),
    );
    const routes: string[] = [];
    const app = await buildApp(services, {
      onRoute: (route: RouteOptions) => {
        for (const method of ([] as HTTPMethods[]).concat(route.method))
          if (route.url.startsWith('/api/staff') && method !== 'HEAD') routes.push(`${method} ${route.url}`);
      },
    });
    await app.close();
    await services.stop();
    const doc = readFileSync(`${ROOT_DIR}/docs/staff-api.md`, 'utf8');
    const documented = new Set(
      [...doc.matchAll(/`(GET|POST|PUT|DELETE) (\/api\/staff[^`?\s]*)/g)].map((m) => `${m[1]} ${m[2]}`),
    );
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  });
});
