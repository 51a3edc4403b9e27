import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('points only at files a clone has', () => {
    expect(README).not.toMatch(/\.\.\/[\w-]/);
    const links = [...README.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)]
      .map((m) => m[1]!)
      .filter((href) => !/^[a-z]+:/.test(href));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(existsSync(join(ROOT, href)), href).toBe(true);
  });

  it('links the design, kept in docs/', () => {
    expect(README).toContain('](docs/design.md)');
    expect(readFileSync(join(ROOT, 'docs/design.md'), 'utf8')).toMatch(/^# Faro — design/);
  });
});
