import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleStatic } from '../../src/console/console-static.ts';

describe('the console files', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faro-console-'));
    const publicDir = join(dir, 'public');
    const localesDir = join(dir, 'locales');
    mkdirSync(join(publicDir, 'sub'), { recursive: true });
    mkdirSync(join(localesDir, 'es'), { recursive: true });
    writeFileSync(join(publicDir, 'index.html'), '<!doctype html><title>Faro</title>');
    writeFileSync(join(publicDir, 'simulator.html'), '<!doctype html><title>Simulador</title>');
    writeFileSync(join(publicDir, 'app.js'), 'export {};');
    writeFileSync(join(publicDir, 'sub', 'style.css'), 'body{}');
    writeFileSync(join(publicDir, 'notes.md'), '# not served');
    writeFileSync(join(publicDir, '.env'), 'SECRET=1');
    writeFileSync(join(dir, 'secret.js'), 'outside');
    writeFileSync(join(localesDir, 'es', 'console.json'), '{"canned":{}}');
    app = Fastify();
    await app.register(consoleStatic, { publicDir, localesDir });
  });
  afterAll(() => app.close());

  it.each([
    ['/console', 'text/html', 'Faro'],
    ['/console/', 'text/html', 'Faro'],
    ['/console/app.js', 'text/javascript', 'export'],
    ['/console/sub/style.css', 'text/css', 'body'],
    ['/console/simulator', 'text/html', 'Simulador'],
    ['/console/tickets/123', 'text/html', 'Faro'],
    ['/console/locales/es.json', 'application/json', 'canned'],
  ])('serves %s', async (url, type, body) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(type);
    expect(res.body).toContain(body);
  });

  it.each([
    '/console/../secret.js',
    '/console/%2e%2e/secret.js',
    '/console/sub/..%2f..%2fsecret.js',
    '/console/..%5csecret.js',
    '/console/notes.md',
    '/console/.env',
    '/console/missing.js',
    '/console/app.js%00.html',
    '/console/locales/xx.json',
    '/console/locales/en.json',
    '/console/locales/..%2fes.json',
  ])('answers 404 to %s', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('outside');
    expect(res.body).not.toContain('SECRET');
  });
});
