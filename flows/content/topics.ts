import type { Screen, ServiceKind, Topic, TopicId } from './types.ts';

/**
 * Faro's information topics, in menu order. Each screen says one thing and offers where to go
 * next; the text lives in `locales/<lng>/bot.json` under `topics.<topic>.<screen>`.
 *
 * A topic's first screen is named `start` and has the topic id as its screen id; the others are
 * `<topic>.<name>`. Option N of a screen is labelled `topics.<topic>.<screen>.optN`; every screen ends
 * with "talk to a person" (`options.person`). Options lead only to screens of the same topic.
 */

interface ScreenSpec {
  /** Screens of the same topic offered as options 1..n, in order. */
  next?: string[];
  /** Shows directory entries of these kinds for the user's city after the text. */
  services?: ServiceKind[];
  facts: string[];
}

export function screenId(topic: TopicId, name: string): string {
  return name === 'start' ? topic : `${topic}.${name}`;
}

function screen(topic: TopicId, name: string, spec: ScreenSpec): Screen {
  const key = `topics.${topic}.${name}`;
  const options: Screen['options'] = (spec.next ?? []).map((target, i) => ({
    label: `${key}.opt${i + 1}`,
    to: { screen: screenId(topic, target) },
  }));
  options.push({ label: 'options.person', to: { action: 'person' } });
  return {
    id: screenId(topic, name),
    text: `${key}.text`,
    options,
    ...(spec.services ? { services: { kinds: spec.services } } : {}),
    facts: spec.facts,
  };
}

function topic(id: TopicId, screens: Array<[name: string, spec: ScreenSpec]>): Topic {
  return {
    id,
    title: `topics.${id}.title`,
    screens: screens.map(([name, spec]) => screen(id, name, spec)),
  };
}

const asylum = topic('asylum', [
  [
    'start',
    {
      next: ['who', 'how', 'where', 'deadline', 'papers', 'scams'],
      facts: ['asylum.who', 'asylum.free', 'asylum.confidential'],
    },
  ],
  ['who', { next: ['how'], facts: ['asylum.who', 'asylum.children'] }],
  [
    'how',
    {
      next: ['where'],
      facts: ['asylum.requirements', 'asylum.verbal_and_interpreter', 'asylum.free'],
    },
  ],
  [
    'where',
    {
      next: ['deadline'],
      facts: ['asylum.offices', 'asylum.tapachula_office', 'asylum.holidays'],
    },
  ],
  ['deadline', { next: ['late', 'papers'], facts: ['asylum.deadline'] }],
  ['late', { next: ['papers'], facts: ['asylum.late_explain', 'asylum.late_court'] }],
  [
    'papers',
    {
      next: ['waiting', 'tvrh'],
      facts: ['asylum.constancia', 'asylum.constancia_scope', 'asylum.folio_not_constancia'],
    },
  ],
  [
    'waiting',
    {
      next: ['decision'],
      facts: ['asylum.non_refoulement', 'asylum.stay_in_state', 'asylum.sign_in'],
    },
  ],
  [
    'decision',
    {
      next: ['refused'],
      facts: ['asylum.decision_law', 'asylum.decision_practice', 'asylum.procedure_rights'],
    },
  ],
  ['refused', { facts: ['asylum.complementary', 'asylum.appeal'] }],
  ['tvrh', { facts: ['asylum.tvrh', 'asylum.tvrh_caution'] }],
  ['scams', { facts: ['asylum.scams', 'asylum.free'] }],
]);

const rights = topic('rights', [
  [
    'start',
    {
      next: ['protection', 'return', 'language', 'more'],
      facts: ['rights.no_detention', 'rights.no_separation'],
    },
  ],
  ['protection', { next: ['return'], facts: ['rights.ppnna_notice', 'rights.ppnna_role'] }],
  [
    'return',
    {
      next: ['language'],
      facts: ['rights.best_interest_determination', 'rights.best_interest_rule', 'asylum.children'],
    },
  ],
  ['language', { next: ['more'], facts: ['rights.interpreter'] }],
  ['more', { facts: ['health.right', 'school.any_status', 'rights.birth_registration'] }],
]);

const detention = topic('detention', [
  ['start', { next: ['ask', 'child'], facts: ['asylum.from_detention', 'rights.interpreter'] }],
  [
    'ask',
    {
      next: ['asylum'],
      facts: [
        'asylum.from_detention',
        'rights.ppnna_role',
        'asylum.procedure_rights',
        'asylum.non_refoulement',
      ],
    },
  ],
  ['asylum', { next: ['child'], facts: ['asylum.non_refoulement'] }],
  [
    'child',
    {
      facts: [
        'rights.no_detention',
        'rights.ppnna_notice',
        'rights.no_separation',
        'rights.detention_persists',
      ],
    },
  ],
]);

const shelter = topic('shelter', [
  ['start', { next: ['warnings', 'child'], services: ['shelter'], facts: [] }],
  ['warnings', { next: ['child'], facts: ['risk.deceptive_offers', 'risk.renting_rooms', 'safety.911'] }],
  [
    'child',
    {
      facts: [
        'rights.ppnna_notice',
        'rights.ppnna_role',
        'rights.civil_society_shelters',
        'rights.shelter_fears',
      ],
    },
  ],
]);

const health = topic('health', [
  ['start', { next: ['where', 'refused', 'mind', 'sexual'], facts: ['health.right', 'safety.911'] }],
  ['where', { next: ['refused'], services: ['health'], facts: ['health.msf_tapachula'] }],
  ['refused', { next: ['mind'], facts: ['health.right', 'health.refusals'] }],
  ['mind', { facts: ['health.distress', 'health.linea_de_la_vida', 'safety.911'] }],
  ['sexual', { facts: ['health.right', 'health.msf_sexual_violence', 'safety.911'] }],
]);

const school = topic('school', [
  ['start', { next: ['enrol', 'abroad'], facts: ['school.any_status', 'school.enrol_without_documents'] }],
  ['enrol', { next: ['abroad'], facts: ['school.enrol_without_documents', 'asylum.constancia'] }],
  ['abroad', { facts: ['school.validation_tenosique', 'school.enrol_without_documents'] }],
]);

const safety = topic('safety', [
  ['start', { next: ['crime', 'sexual', 'trafficking', 'lgbtq', 'numbers'], facts: ['safety.911'] }],
  ['crime', { next: ['numbers'], facts: ['safety.911', 'safety.089', 'risk.kidnapping_extortion'] }],
  ['sexual', { next: ['numbers'], facts: ['safety.911', 'health.right', 'health.msf_sexual_violence'] }],
  ['trafficking', { next: ['numbers'], facts: ['safety.trafficking_line', 'safety.911', 'safety.089'] }],
  [
    'lgbtq',
    { next: ['numbers'], facts: ['asylum.confidential', 'asylum.who', 'risk.lgbtq_confidentiality'] },
  ],
  [
    'numbers',
    {
      services: ['emergency'],
      facts: ['safety.911', 'safety.089', 'safety.trafficking_line', 'health.linea_de_la_vida'],
    },
  ],
]);

export const TOPICS: Topic[] = [asylum, rights, detention, shelter, health, school, safety];
