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
  /** Asks the age (and whether the child travels alone) first; see Screen.needs. */
  askAge?: boolean;
  /** States no fact: says Faro has no checked information yet and offers a person. */
  noCheckedInformation?: true;
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
  // Places near the person need their city; national numbers do not.
  const needs: Array<'city' | 'age'> = [];
  if (spec.services?.some((kind) => kind !== 'emergency')) needs.push('city');
  if (spec.askAge) needs.push('age');
  return {
    id: screenId(topic, name),
    text: `${key}.text`,
    options,
    ...(spec.services ? { services: { kinds: spec.services } } : {}),
    facts: spec.facts,
    ...(needs.length ? { needs } : {}),
    ...(spec.noCheckedInformation ? { noCheckedInformation: true as const } : {}),
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
      // COMAR's office in the user's city (and CNDH for complaints): government entries are shown only here.
      services: ['government'],
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
      facts: [
        'asylum.non_refoulement',
        'asylum.constancia',
        'risk.returned_anyway',
        'asylum.stay_in_state',
        'asylum.sign_in',
      ],
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
  [
    'tvrh',
    {
      facts: ['asylum.tvrh', 'rights.tvrh_every_child', 'asylum.tvrh_crime_victim', 'asylum.tvrh_caution'],
    },
  ],
  ['scams', { next: ['fakes'], facts: ['asylum.scams', 'asylum.free', 'asylum.appointments_sold'] }],
  // Scams beyond COMAR appointments: fake lawyers, the institutions' names, passports kept.
  [
    'fakes',
    {
      facts: [
        'risk.fake_lawyers',
        'risk.fake_institution',
        'risk.deceptive_offers',
        'risk.documents_retained',
      ],
    },
  ],
]);

const rights = topic('rights', [
  [
    'start',
    {
      next: ['protection', 'return', 'language', 'more'],
      facts: ['rights.no_detention', 'rights.detention_persists', 'rights.no_separation'],
      askAge: true,
    },
  ],
  [
    'protection',
    {
      next: ['return'],
      // The Procuraduría and DIF the text names, with what the directory knows of them.
      services: ['child_protection'],
      facts: ['rights.ppnna_notice', 'rights.ppnna_role'],
    },
  ],
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
  ['start', { next: ['ask', 'child', 'police'], facts: ['asylum.from_detention', 'rights.interpreter'] }],
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
  [
    'asylum',
    { next: ['child'], facts: ['asylum.non_refoulement', 'asylum.constancia', 'risk.returned_anyway'] },
  ],
  [
    'child',
    {
      facts: [
        'rights.no_detention',
        'rights.ppnna_notice',
        'rights.no_separation',
        'rights.detention_persists',
      ],
      askAge: true,
    },
  ],
  ['police', { facts: ['rights.papers_competent_authority', 'rights.interpreter'] }],
]);

const shelter = topic('shelter', [
  ['start', { next: ['warnings', 'child'], services: ['shelter'], facts: [] }],
  ['warnings', { next: ['child'], facts: ['risk.deceptive_offers', 'risk.renting_rooms', 'safety.911'] }],
  [
    'child',
    {
      // Shelters that take children alone come first (they serve `children_alone`), then DIF.
      services: ['child_protection', 'shelter'],
      facts: [
        'rights.ppnna_notice',
        'rights.ppnna_role',
        'rights.civil_society_shelters',
        'rights.shelter_fears',
      ],
      askAge: true,
    },
  ],
]);

/** After sexual violence: urgent, free, no police report, and the medicines that have a time limit. */
const SEXUAL_VIOLENCE_CARE = [
  'health.right',
  'health.sexual_violence_no_report',
  'health.emergency_contraception',
  'health.hiv_pep',
  'health.msf_sexual_violence',
];

const health = topic('health', [
  ['start', { next: ['where', 'refused', 'mind', 'sexual'], facts: ['health.right', 'safety.911'] }],
  ['where', { next: ['refused'], services: ['health'], facts: ['health.msf_tapachula'] }],
  ['refused', { next: ['mind'], facts: ['health.right', 'health.refusals'] }],
  ['mind', { facts: ['health.distress', 'health.linea_de_la_vida', 'safety.911'] }],
  ['sexual', { facts: [...SEXUAL_VIOLENCE_CARE, 'safety.911'] }],
]);

const school = topic('school', [
  ['start', { next: ['enrol', 'abroad'], facts: ['school.any_status', 'school.enrol_without_documents'] }],
  ['enrol', { next: ['abroad'], facts: ['school.enrol_without_documents', 'asylum.constancia'] }],
  ['abroad', { facts: ['school.validation_tenosique', 'school.enrol_without_documents'] }],
]);

const safety = topic('safety', [
  ['start', { next: ['crime', 'sexual', 'trafficking', 'lgbtq', 'numbers'], facts: ['safety.911'] }],
  [
    'crime',
    {
      next: ['numbers'],
      facts: ['safety.911', 'safety.089', 'risk.kidnapping_extortion', 'asylum.tvrh_crime_victim'],
    },
  ],
  ['sexual', { next: ['numbers'], facts: ['safety.911', ...SEXUAL_VIOLENCE_CARE] }],
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

/** Work, money and papers: what the reference sources, and an honest hand-over for the rest. */
const work = topic('work', [
  [
    'start',
    {
      next: ['curp', 'money', 'lost'],
      facts: ['work.asylum_seekers_can_work', 'asylum.curp_temporary', 'asylum.tvrh', 'asylum.tvrh_caution'],
    },
  ],
  [
    'curp',
    {
      next: ['money', 'lost'],
      facts: ['asylum.constancia', 'asylum.curp_temporary', 'work.asylum_seekers_can_work'],
    },
  ],
  ['money', { next: ['lost'], facts: [], noCheckedInformation: true }],
  ['lost', { facts: ['asylum.constancia', 'risk.documents_retained', 'safety.trafficking_line'] }],
]);

export const TOPICS: Topic[] = [asylum, rights, detention, shelter, health, school, safety, work];
