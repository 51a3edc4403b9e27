import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { TapChoices } from '../../../engine/tap-choices.ts';
import { buildContent } from './build-content.ts';

/**
 * What `npm run content:sync` writes: each content resource Faro created or found at Twilio,
 * by friendly name (which carries a hash of its text). A deploy runs the sync before it starts,
 * so every instance reads the same file.
 */
export const SidsFileSchema = z.object({
  synced: z.string(),
  contents: z.record(
    z.string(),
    z.object({ sid: z.string().regex(/^HX[0-9a-f]{32}$/), key: z.string(), lang: z.string() }),
  ),
});
export type SidsFile = z.infer<typeof SidsFileSchema>;

export interface ContentCatalog {
  /** The content SID for this message as it reads now, or null (then it goes as text). */
  sidFor(choices: TapChoices, text: string): string | null;
  size: number;
}

export function createContentCatalog(contents: SidsFile['contents']): ContentCatalog {
  const byName = new Map(Object.entries(contents).map(([name, c]) => [name, c.sid]));
  // The same few dozen messages again and again: build each resource once.
  const built = new Map<string, string | null>();
  return {
    size: byName.size,
    sidFor(choices, text) {
      if (byName.size === 0) return null;
      const key = `${choices.key}\u0000${choices.lang}\u0000${text}`;
      let name = built.get(key);
      if (name === undefined) {
        name = buildContent(choices, text)?.friendly_name ?? null;
        if (built.size > 2_000) built.clear();
        built.set(key, name);
      }
      return name ? (byName.get(name) ?? null) : null;
    },
  };
}

/** No file (the sync never ran): an empty catalog, and WhatsApp gets numbered text as before. */
export function loadContentCatalog(path: string): ContentCatalog {
  if (!existsSync(path)) return createContentCatalog({});
  const parsed = SidsFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(`${path}: not a content SIDs file (${parsed.error.issues[0]?.message})`);
  return createContentCatalog(parsed.data.contents);
}
