import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * Libraries the console loads, served by Faro from node_modules (never a CDN: the console's CSP
 * allows only its own origin, and staff may work on a network that blocks outside hosts).
 * Chart.js draws the supervisors' dashboard; its UMD build is self-contained (it bundles its one
 * dependency) and injects no stylesheet, so it runs under `default-src 'self'`.
 */
export async function vendorFiles(app: FastifyInstance) {
  const require = createRequire(import.meta.url);
  const chartJs = readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'));
  app.get('/console/vendor/chart.umd.min.js', (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(chartJs),
  );
}
