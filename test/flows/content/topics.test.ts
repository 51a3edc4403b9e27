import { describe, expect, it } from 'vitest';
import { FACTS, MESSAGE_FACTS } from '../../../flows/content/facts.ts';
import { TOPICS } from '../../../flows/content/topics.ts';
import { loadDirectory } from '../../../flows/directory/load-directory.ts';
import { botStrings, hasKey, LANGUAGES } from './locale-files.ts';

const screens = TOPICS.flatMap((topic) => topic.screens.map((screen) => ({ topic, screen })));
const screenIds = new Set(screens.map(({ screen }) => screen.id));
const factsById = new Map(FACTS.map((fact) => [fact.id, fact]));

describe('topics', () => {
  it('come in menu order', () => {
    expect(TOPICS.map((t) => t.id)).toEqual([
      'asylum',
      'rights',
      'detention',
      'shelter',
      'health',
      'school',
      'safety',
      'work',
    ]);
  });

  it('start at a screen named after the topic', () => {
    for (const topic of TOPICS) expect(topic.screens[0]?.id).toBe(topic.id);
  });

  it('have unique screen ids that start with the topic id', () => {
    expect(screenIds.size).toBe(screens.length);
    for (const { topic, screen } of screens) {
      expect(screen.id === topic.id || screen.id.startsWith(`${topic.id}.`), screen.id).toBe(true);
    }
  });

  it.each(LANGUAGES)('name only keys that exist in %s', (lng) => {
    const strings = botStrings(lng);
    const missing = TOPICS.flatMap((topic) => [
      topic.title,
      ...topic.screens.flatMap((s) => [s.text, ...s.options.map((o) => o.label)]),
    ]).filter((key) => !hasKey(strings, key));
    expect(missing).toEqual([]);
  });

  it('lead only to screens that exist, in the same topic', () => {
    for (const { topic, screen } of screens) {
      for (const option of screen.options) {
        if (!('screen' in option.to)) continue;
        expect(screenIds.has(option.to.screen), `${screen.id} → ${option.to.screen}`).toBe(true);
        expect(topic.screens.some((s) => 'screen' in option.to && s.id === option.to.screen)).toBe(true);
      }
    }
  });

  it('reach every screen from the topic start', () => {
    for (const topic of TOPICS) {
      const seen = new Set<string>([topic.id]);
      const queue: string[] = [topic.id];
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const screen = topic.screens.find((s) => s.id === id)!;
        for (const { to } of screen.options) {
          if ('screen' in to && !seen.has(to.screen)) {
            seen.add(to.screen);
            queue.push(to.screen);
          }
        }
      }
      expect([...seen].sort()).toEqual(topic.screens.map((s) => s.id).sort());
    }
  });

  it('offer between 1 and 8 options, ending with "talk to a person"', () => {
    for (const { screen } of screens) {
      expect(screen.options.length).toBeGreaterThanOrEqual(1);
      expect(screen.options.length).toBeLessThanOrEqual(8);
      expect(screen.options.at(-1)).toEqual({ label: 'options.person', to: { action: 'person' } });
    }
  });

  it('list services for shelter, health and emergencies', () => {
    const kinds = screens.flatMap(({ screen }) => screen.services?.kinds ?? []);
    expect(kinds).toEqual(expect.arrayContaining(['shelter', 'health', 'emergency']));
  });

  it('list government offices (COMAR, CNDH) where they say where to apply for asylum, and nowhere else', () => {
    const listing = screens.filter(({ screen }) => screen.services?.kinds.includes('government'));
    expect(listing.map(({ screen }) => screen.id)).toEqual(['asylum.where']);
  });

  it('list the Procuraduría and DIF on the screens that tell a child to ask for them', () => {
    for (const id of ['rights.protection', 'shelter.child']) {
      const screen = screens.find((s) => s.screen.id === id)?.screen;
      expect(screen?.services?.kinds, id).toContain('child_protection');
    }
  });

  it('list only kinds that have an entry a user can be shown', () => {
    const directory = loadDirectory('flows/directory/services.json');
    const shown = new Set(directory.services.filter((s) => s.listed).map((s) => s.kind));
    for (const { screen } of screens) {
      for (const kind of screen.services?.kinds ?? [])
        expect(shown.has(kind), `${screen.id} ${kind}`).toBe(true);
    }
  });
});

describe('facts', () => {
  it('have unique ids, a source and the day they were checked', () => {
    expect(factsById.size).toBe(FACTS.length);
    for (const fact of FACTS) {
      expect(fact.checked).toMatch(/^2026-\d{2}-\d{2}$/);
      expect(fact.summary.length).toBeGreaterThan(10);
      if (fact.certainty === 'seed') expect(fact.source).toMatch(/^SEED: /);
      else expect(fact.source).toMatch(/^https:\/\//);
    }
  });

  it('named by every screen and message exist', () => {
    const named = [...screens.flatMap(({ screen }) => screen.facts), ...Object.values(MESSAGE_FACTS).flat()];
    expect(named.filter((id) => !factsById.has(id))).toEqual([]);
  });

  it('are each stated somewhere', () => {
    const named = new Set([
      ...screens.flatMap(({ screen }) => screen.facts),
      ...Object.values(MESSAGE_FACTS).flat(),
    ]);
    expect(FACTS.map((f) => f.id).filter((id) => !named.has(id))).toEqual([]);
  });

  it('are listed by every screen except a bare list of services', () => {
    for (const { screen } of screens) {
      if (!screen.services && !screen.noCheckedInformation)
        expect(screen.facts.length, screen.id).toBeGreaterThan(0);
    }
  });

  it.each(LANGUAGES)('that are unverified are never stated as certain in %s', (lng) => {
    const strings = botStrings(lng);
    const confirm = lng === 'es' ? /confirmar/i : /confirm/i;
    for (const { screen } of screens) {
      if (!screen.facts.some((id) => factsById.get(id)?.certainty === 'unverified')) continue;
      expect(strings.get(screen.text), screen.id).toMatch(confirm);
    }
  });

  it.each(Object.keys(MESSAGE_FACTS))('stated by %s belong to a message that exists', (key) => {
    for (const lng of LANGUAGES) expect(hasKey(botStrings(lng), key), `${lng} ${key}`).toBe(true);
  });
});
