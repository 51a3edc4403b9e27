import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { LANGUAGES } from '../channels/inbound-message.ts';
import { notFound } from './http-error.ts';

/** The only files served, by extension; anything else under /console is a 404. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The staff console's static files (`src/console/public/`) and its strings
 * (`locales/<lng>/console.json`). A small handler instead of @fastify/static: a fixed list of
 * extensions, no directory listing, and a resolved path that must stay inside the folder.
 * A path without an extension is a page of the app: `<name>.html` if it exists, else index.html.
 */
export async function consoleStatic(
  app: FastifyInstance,
  { publicDir, localesDir }: { publicDir: string; localesDir: string },
) {
  const root = resolve(publicDir);

  async function send(reply: FastifyReply, file: string) {
    const type = TYPES[extname(file).toLowerCase()];
    const info = type ? await stat(file).catch(() => null) : null;
    if (!type || !info?.isFile()) throw notFound('File');
    return reply
      .type(type)
      .header('cache-control', 'no-cache')
      .send(await readFile(file));
  }

  /** Null for anything that would leave the folder or is not a plain relative path. */
  function inside(relative: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(relative);
    } catch {
      return null;
    }
    if (
      decoded.includes('\0') ||
      decoded.includes('\\') ||
      decoded.split('/').some((s) => s === '..' || s.startsWith('.'))
    )
      return null;
    const full = resolve(root, normalize(decoded));
    return full.startsWith(root + sep) ? full : null;
  }

  app.get('/console', (_request, reply) => send(reply, join(root, 'index.html')));

  app.get('/console/locales/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const lng = /^([a-z]{2})\.json$/.exec(file)?.[1];
    if (!lng || !(LANGUAGES as readonly string[]).includes(lng)) throw notFound('Locale');
    const path = join(localesDir, lng, 'console.json');
    if (!existsSync(path)) throw notFound('Locale');
    return reply
      .type(TYPES['.json']!)
      .header('cache-control', 'no-cache')
      .send(await readFile(path));
  });

  app.get('/console/*', async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    if (rest === '' || rest.endsWith('/')) return send(reply, join(root, 'index.html'));
    const full = inside(rest);
    if (!full) throw notFound('File');
    if (extname(full) === '') {
      const page = `${full}.html`;
      return send(reply, existsSync(page) ? page : join(root, 'index.html'));
    }
    return send(reply, full);
  });
}
