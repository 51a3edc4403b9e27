import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT_DIR } from '../build-services.ts';
import {
  buildContent,
  type ContentDefinition,
  contentProblems,
} from '../channels/twilio/content/build-content.ts';
import type { SidsFile } from '../channels/twilio/content/content-catalog.ts';
import { createContentClient } from '../channels/twilio/content/content-client.ts';
import { syncContent } from '../channels/twilio/content/sync-content.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createComposeReply } from '../engine/compose-reply.ts';
import { allTapMessages } from '../engine/tap-messages.ts';
import { createI18n } from '../i18n/create-i18n.ts';

/** Every content resource Faro's messages need now, built from its screens and locales. */
export async function contentDefinitions(rootDir = ROOT_DIR) {
  const { TOPICS } = await import('../../flows/content/topics.ts');
  const i18n = createI18n({ localesDir: join(rootDir, 'locales') });
  const compose = createComposeReply({ i18n, topics: TOPICS, servicesText: () => '' });
  const definitions: Array<{ key: string; def: ContentDefinition }> = [];
  const textOnly: string[] = [];
  for (const { tap, text } of allTapMessages({ compose, topics: TOPICS })) {
    const def = buildContent(tap, text);
    if (def) definitions.push({ key: tap.key, def });
    else textOnly.push(`${tap.key} (${tap.lang})`);
  }
  const keys = [...new Set(definitions.map((d) => d.key))];
  return { definitions, keys, textOnly };
}

/**
 * `npm run content:sync [-- --dry-run] [-- --prune]`: creates the content resources (WhatsApp
 * lists and buttons) Faro's messages need at Twilio, through TWILIO_CONTENT_BASE_URL (or
 * TWILIO_API_BASE_URL when that is a fake or proxy), and writes their SIDs to
 * TWILIO_CONTENT_SIDS_FILE (default content-sids.json). Run it on deploy, before Faro starts.
 */
export async function runContentSync({
  env = process.env,
  rootDir = ROOT_DIR,
  dryRun = false,
  prune = false,
  out = (line: string) => process.stdout.write(`${line}\n`),
}: {
  env?: NodeJS.ProcessEnv;
  rootDir?: string;
  dryRun?: boolean;
  prune?: boolean;
  out?: (line: string) => void;
} = {}): Promise<{ file: string | null; created: number; kept: number; pruned: number; total: number }> {
  const config = loadConfig(env);
  const { definitions, keys, textOnly } = await contentDefinitions(rootDir);
  const problems = definitions.flatMap(({ def }) => contentProblems(def));
  if (problems.length) throw new Error(`content over WhatsApp's limits:\n${problems.join('\n')}`);
  for (const name of textOnly) out(`text only (does not fit a list or buttons): ${name}`);
  if (dryRun) {
    out(`${definitions.length} content resources for ${keys.length} messages (dry run: nothing sent)`);
    return { file: null, created: 0, kept: 0, pruned: 0, total: definitions.length };
  }
  if (!config.twilioConfigured) throw new Error('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are needed');
  const client = createContentClient({
    accountSid: config.TWILIO_ACCOUNT_SID!,
    authToken: config.TWILIO_AUTH_TOKEN!,
    baseUrl: config.contentBaseUrl,
    timeoutMs: config.TWILIO_TIMEOUT_MS,
  });
  const result = await syncContent({ client, definitions, keys, prune });
  const file = resolve(rootDir, config.contentSidsFile ?? 'content-sids.json');
  const data: SidsFile = { synced: new Date().toISOString(), contents: result.contents };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  out(
    `content: ${result.created} created, ${result.kept} unchanged, ${result.pruned} old versions deleted; ` +
      `${definitions.length} SIDs written to ${file}`,
  );
  return { file, ...result, total: definitions.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { 'dry-run': { type: 'boolean', default: false }, prune: { type: 'boolean', default: false } },
  });
  try {
    await runContentSync({ dryRun: values['dry-run'], prune: values.prune });
  } catch (err) {
    process.stderr.write(
      `${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}
