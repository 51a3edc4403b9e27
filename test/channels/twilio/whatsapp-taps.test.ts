import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentCatalog, type SidsFile } from '../../../src/channels/twilio/content/content-catalog.ts';
import { runContentSync } from '../../../src/cli/content-sync.ts';
import type { FakeMessage } from '../../fakes/fake-twilio.ts';
import { type FakeTwilio, startFakeTwilio } from '../../fakes/fake-twilio.ts';
import {
  createTestApp,
  inboundForm,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  type TestApp,
} from '../../helpers/test-app.ts';

/**
 * Issue 11, item 1: on WhatsApp menus and screens go out as lists and buttons (Twilio content
 * resources made by `npm run content:sync`), and a person can use Faro by tapping alone; SMS is
 * unchanged. Everything goes through the fake Twilio: the Content API, Messages.json, and
 * signed webhooks shaped as Twilio sends a tap (ButtonPayload, ButtonText, Body = the label).
 */
const PATH = '/webhooks/twilio/messages';
const WA_USER = 'whatsapp:+5219627654321';
const SMS_USER = '+5219621234567';

let fake: FakeTwilio;
let dir: string;
let file: string;
let sids: SidsFile;
let t: TestApp;

const baseEnv = () => ({
  NODE_ENV: 'test',
  TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
  TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
  TWILIO_API_BASE_URL: fake.baseUrl,
  TWILIO_CONTENT_SIDS_FILE: file,
});

/** The SID content:sync recorded for a message in a language. */
function sidOf(key: string, lang = 'es'): string {
  const found = Object.values(sids.contents).find((c) => c.key === key && c.lang === lang);
  if (!found) throw new Error(`no content for ${key} (${lang})`);
  return found.sid;
}

/** Posts a signed inbound webhook and returns what Faro sent back through the fake Twilio. */
async function send(from: string, body: string, extra: Record<string, string> = {}): Promise<FakeMessage[]> {
  const before = fake.messages.length;
  const res = await t.post(PATH, inboundForm(from, body, extra));
  expect(res.statusCode).toBe(200);
  await t.services.engine.idle();
  await t.services.outbox.drain();
  return fake.messages.slice(before).filter((m) => m.to === from);
}

/** A tap on a row or button: Twilio sends the row's id as ButtonPayload and its label as Body. */
const tap = (payload: string, label: string) =>
  send(WA_USER, label, { ButtonPayload: payload, ButtonText: label });

beforeAll(async () => {
  fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'faro-content-'));
  file = join(dir, 'content-sids.json');
  await runContentSync({ env: baseEnv(), out: () => {} });
  sids = JSON.parse(readFileSync(file, 'utf8')) as SidsFile;
  t = await createTestApp({ env: { TWILIO_API_BASE_URL: fake.baseUrl, TWILIO_CONTENT_SIDS_FILE: file } });
});
afterAll(async () => {
  await t?.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run content:sync', () => {
  it('creates one content resource per message and language at the fake Twilio, each with a text version', () => {
    const contents = [...fake.content.contents.values()];
    expect(contents.length).toBe(Object.keys(sids.contents).length);
    expect(contents.length).toBeGreaterThanOrEqual(5 * 10);
    for (const c of contents) {
      expect(typeof c.types['twilio/text']?.body).toBe('string');
      expect(Boolean(c.types['twilio/list-picker']) || Boolean(c.types['twilio/quick-reply'])).toBe(true);
    }
    expect(new Set(contents.map((c) => c.language))).toEqual(new Set(['es', 'en', 'fr', 'ht', 'pt']));
    expect(sids.contents[contents[0]!.friendlyName]?.sid).toBe(contents[0]!.sid);
  });

  it('is idempotent: run again, it creates nothing and records the same SIDs', async () => {
    const posts = () => fake.content.calls.filter((c) => c.method === 'POST').length;
    const before = posts();
    const again = await runContentSync({ env: baseEnv(), out: () => {} });
    expect(again.created).toBe(0);
    expect(again.kept).toBe(Object.keys(sids.contents).length);
    expect(posts()).toBe(before);
    const reread = JSON.parse(readFileSync(file, 'utf8')) as SidsFile;
    expect(reread.contents).toEqual(sids.contents);
  });
});

describe('a WhatsApp conversation held by tapping', () => {
  it('goes menu → asylum → deadline → back → menu → school by taps, each reply a list at the fake Twilio', async () => {
    // Someone has to write first; from here on every message is a tap.
    const hello = await send(WA_USER, 'hola');
    const menu = hello.at(-1)!;
    expect(menu.contentSid).toBe(sidOf('menu'));
    expect(menu.body).toMatch(/¿En qué te ayudo\?/);
    // The text that came before the list (the hello) went as plain text.
    expect(hello.slice(0, -1).every((m) => !m.contentSid)).toBe(true);

    const asylum = await tap('faro:1', 'Pedir asilo (refugio)');
    expect(asylum.map((m) => m.contentSid)).toContain(sidOf('screen.asylum'));
    expect(asylum.at(-1)!.body).toMatch(/Pedir asilo en México/);

    const deadline = await tap('faro:4', '¿Hasta cuándo?');
    expect(deadline.at(-1)!.contentSid).toBe(sidOf('screen.asylum.deadline'));
    expect(deadline.at(-1)!.body).toMatch(/¿Hasta cuándo puedo pedirlo\?/);

    const back = await tap('faro:back', 'Volver');
    expect(back.at(-1)!.contentSid).toBe(sidOf('screen.asylum'));

    const menuAgain = await tap('faro:0', 'Menú');
    expect(menuAgain.at(-1)!.contentSid).toBe(sidOf('menu'));

    // A list row as some integrations send it: ListId and ListTitle.
    const school = await send(WA_USER, 'Escuela', { ListId: 'faro:6', ListTitle: 'Escuela' });
    expect(school.at(-1)!.contentSid).toBe(sidOf('screen.school'));
    // A content send has no Body of its own at Twilio: what the person sees is the resource.
    for (const m of [...asylum, ...deadline, ...back, ...menuAgain, ...school].filter((x) => x.contentSid))
      expect(fake.content.contents.get(m.contentSid!)).toBeDefined();
  });

  it('answers "are you in danger now?" with two buttons, and a tap on "No" is the same as writing 2', async () => {
    const user = 'whatsapp:+5219620000042';
    await send(user, 'hola');
    const alarm = await send(user, 'me quieren matar');
    const check = alarm.find((m) => m.contentSid);
    expect(check?.contentSid).toBe(sidOf('safety.check'));
    const quick = fake.content.contents.get(check!.contentSid!)!.types['twilio/quick-reply'] as {
      actions: Array<{ id: string; title: string }>;
    };
    expect(quick.actions.map((a) => a.title)).toEqual(['Sí', 'No, me equivoqué']);
    const no = await send(user, 'No, me equivoqué', {
      ButtonPayload: 'faro:2',
      ButtonText: 'No, me equivoqué',
    });
    expect(no.map((m) => m.body).join('\n')).toMatch(/Gracias por avisarnos/);
  });

  it('reports an abuse anonymously by tapping alone: four lists and buttons, then the thanks', async () => {
    const user = 'whatsapp:+5219620000044';
    await send(user, 'hola');
    const tap = (payload: string, label: string) =>
      send(user, label, { ButtonPayload: payload, ButtonText: label });
    const what = await tap('faro:10', 'Contar un abuso');
    expect(what.at(-1)!.contentSid).toBe(sidOf('report.what'));
    const where = await tap('faro:1', 'No me atendieron en salud');
    expect(where.at(-1)!.contentSid).toBe(sidOf('report.where'));
    const when = await tap('faro:2', 'Ciudad Hidalgo');
    expect(when.at(-1)!.contentSid).toBe(sidOf('report.when'));
    // Three short answers: buttons, not a list.
    expect(fake.content.contents.get(when.at(-1)!.contentSid!)!.types['twilio/quick-reply']).toBeDefined();
    const who = await tap('faro:1', 'Esta semana');
    expect(who.at(-1)!.contentSid).toBe(sidOf('report.who'));
    const thanks = await tap('faro:8', 'No sé');
    expect(thanks.map((m) => m.body).join('\n')).toMatch(/Gracias/);
  });

  it('a tap reaches the same answer as typing the number, and typing still works', async () => {
    const typed = 'whatsapp:+5219620000043';
    await send(typed, 'hola');
    const byNumber = await send(typed, '1');
    expect(byNumber.at(-1)!.contentSid).toBe(sidOf('screen.asylum'));
    const byWords = await send(typed, 'escuela');
    expect(byWords.map((m) => m.body).join('\n')).toMatch(/Escuela/);
  });
});

describe('without a synced resource, WhatsApp gets numbered text', () => {
  it('sends a message whose text changed since the sync as text, and the others as lists', async () => {
    // The menu's resource was made from another text (its hash differs): it must not be sent.
    const stale = Object.fromEntries(
      Object.entries(sids.contents).map(([name, c]) => [
        c.key === 'menu' ? name.replace(/_[0-9a-f]{12}$/, '_000000000000') : name,
        c,
      ]),
    );
    const app = await createTestApp({
      env: { TWILIO_API_BASE_URL: fake.baseUrl },
      overrides: { contentCatalog: createContentCatalog(stale) },
    });
    try {
      const user = 'whatsapp:+5219620000045';
      const at = fake.messages.length;
      await app.post(PATH, inboundForm(user, 'hola'));
      await app.services.engine.idle();
      await app.services.outbox.drain();
      const hello = fake.messages.slice(at).filter((m) => m.to === user);
      expect(hello.every((m) => !m.contentSid)).toBe(true);
      expect(hello.map((m) => m.body).join('\n')).toMatch(/1 Pedir asilo \(refugio\)/);
      const next = fake.messages.length;
      await app.post(PATH, inboundForm(user, '1'));
      await app.services.engine.idle();
      await app.services.outbox.drain();
      const asylum = fake.messages.slice(next).filter((m) => m.to === user);
      expect(asylum.at(-1)!.contentSid).toBe(sidOf('screen.asylum'));
    } finally {
      await app.close();
    }
  });

  it('with no SIDs file at all, WhatsApp replies carry no ContentSid', async () => {
    const app = await createTestApp({ env: { TWILIO_API_BASE_URL: fake.baseUrl } });
    try {
      const user = 'whatsapp:+5219620000046';
      const at = fake.messages.length;
      await app.post(PATH, inboundForm(user, 'hola'));
      await app.services.engine.idle();
      await app.services.outbox.drain();
      const replies = fake.messages.slice(at).filter((m) => m.to === user);
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.every((m) => !m.contentSid)).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('SMS is unchanged', () => {
  it('gets the numbered menu as text, never a content resource', async () => {
    const replies = await send(SMS_USER, 'hola');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((m) => !m.contentSid)).toBe(true);
    expect(replies.map((m) => m.body).join('\n')).toMatch(/1 Pedir asilo/);
  });
});

describe('bad taps and pins get a kind answer, never a 5xx', () => {
  const cases: Array<{ name: string; body: string; extra: Record<string, string>; reply: RegExp }> = [
    {
      name: 'an unknown ButtonPayload with no Body',
      body: '',
      extra: { ButtonPayload: 'somebody-elses:payload' },
      reply: /no te entendí|sigo sin entender/,
    },
    {
      name: 'a ButtonPayload of ours without Body or ButtonText',
      body: '',
      extra: { ButtonPayload: 'faro:6' },
      reply: /Escuela/,
    },
    {
      name: 'a Latitude out of range',
      body: '',
      extra: { Latitude: '123.4', Longitude: '-92.1' },
      reply: /no te entendí|sigo sin entender/,
    },
    {
      name: 'a Latitude that is not a number',
      body: '',
      extra: { Latitude: 'north', Longitude: 'west' },
      reply: /no te entendí|sigo sin entender/,
    },
  ];
  for (const c of cases) {
    it(`${c.name}`, async () => {
      const user = `whatsapp:+52196200${String(cases.indexOf(c)).padStart(5, '0')}`;
      await send(user, 'hola');
      const form = inboundForm(user, c.body, c.extra);
      if (!c.body) delete (form as Record<string, string | undefined>).Body;
      const before = fake.messages.length;
      const res = await t.post(PATH, form);
      expect(res.statusCode).toBe(200);
      await t.services.engine.idle();
      await t.services.outbox.drain();
      const replies = fake.messages.slice(before).filter((m) => m.to === user);
      expect(replies.map((m) => m.body).join('\n')).toMatch(c.reply);
    });
  }
});
