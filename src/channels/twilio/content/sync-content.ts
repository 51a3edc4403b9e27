import type { ContentDefinition } from './build-content.ts';
import type { SidsFile } from './content-catalog.ts';
import type { ContentClient } from './content-client.ts';

export interface SyncResult {
  created: number;
  kept: number;
  pruned: number;
  contents: SidsFile['contents'];
}

/**
 * Makes Twilio hold a content resource for each definition, and says which SID is which.
 * Idempotent: a resource is found again by its friendly name, which carries a hash of its text,
 * so an unchanged message is never created twice and a changed one is a new resource (the old
 * one stays until `prune`, so instances still running the old text keep working meanwhile).
 * `prune` deletes only Faro's own older versions of these same messages, nothing else.
 */
export async function syncContent({
  client,
  definitions,
  keys,
  prune = false,
}: {
  client: ContentClient;
  definitions: Array<{ key: string; def: ContentDefinition }>;
  /** The message keys the definitions were built from (to recognise their older versions). */
  keys: readonly string[];
  prune?: boolean;
}): Promise<SyncResult> {
  const existing = new Map((await client.list()).map((c) => [c.friendly_name, c.sid]));
  const contents: SidsFile['contents'] = {};
  let created = 0;
  let kept = 0;
  for (const { key, def } of definitions) {
    let sid = existing.get(def.friendly_name);
    if (sid) kept++;
    else {
      sid = (await client.create(def)).sid;
      existing.set(def.friendly_name, sid);
      created++;
    }
    contents[def.friendly_name] = { sid, key, lang: def.language };
  }
  let pruned = 0;
  if (prune) {
    const ours = new RegExp(
      `^faro_(${keys.map((k) => k.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 40)).join('|')})_[a-z]{2}_[0-9a-f]{12}$`,
    );
    for (const [name, sid] of existing) {
      if (contents[name] || !ours.test(name)) continue;
      await client.remove(sid);
      pruned++;
    }
  }
  return { created, kept, pruned, contents };
}
