import type { RiskCategory, SmallTalk, Understanding } from './types.ts';

/**
 * Where free text takes the conversation, whatever state it is in: the one place that says
 * what a message means when no list or question of the current state claims it. The flow
 * turns a route into a GO event; the evaluation (`npm run eval:understanding`) reads the same
 * function, so what is measured is what the person gets.
 */
export type Route =
  | { to: 'risk'; risk: RiskCategory }
  | { to: 'afraidPerson' }
  | { to: 'askDanger'; risk: RiskCategory; after: string }
  | { to: 'smallTalk'; talk: SmallTalk }
  | { to: 'person' }
  | { to: 'menu' }
  | { to: 'screen'; id: string }
  | { to: 'choices'; ids: string[] }
  /** An anonymous report of what happened to them (report.ts). */
  | { to: 'report' }
  /** Only said who they are ("tengo 15", "vengo sola", "estoy en tapachula"): noted, thanked. */
  | { to: 'noted' }
  | { to: 'miss' };

const SMALL_TALK_TARGET = '@smalltalk.';
/** "me negaron la atención", "migración me regresó sin preguntar": the anonymous report. */
const REPORT_TARGET = '@report';

/** Commands are decided before this (MENU, PERSONA, IDIOMA…); risk is too, but listed for the evaluation. */
export function routeOf(u: Understanding, screenIds: ReadonlySet<string>): Route {
  if (u.risk) return { to: 'risk', risk: u.risk };
  // "¿eres un robot o una persona real?" asks about Faro; "quiero una persona real" asks for one.
  if (u.smallTalk === 'robot' && u.answer !== '@person') return { to: 'smallTalk', talk: 'robot' };
  // A topic word "persona" counts only when no screen answers better ("¿alguien habla kreyòl?").
  const screenAnswer = u.answer !== null && screenIds.has(u.answer);
  const wantsPerson =
    u.command === 'person' || u.answer === '@person' || (u.topic === 'person' && !screenAnswer);
  // Asking for a person while afraid, or while danger may be there: a person, at safety priority.
  if (wantsPerson && (u.fear || u.riskUnsure)) return { to: 'afraidPerson' };
  if (wantsPerson) return { to: 'person' };
  if (u.riskUnsure) return { to: 'askDanger', risk: u.riskUnsure, after: afterNoDanger(u, screenIds) };
  if (u.smallTalk) return { to: 'smallTalk', talk: u.smallTalk };
  if (u.command === 'help' || u.answer === '@help') return { to: 'menu' };
  if (u.answer?.startsWith(SMALL_TALK_TARGET)) {
    return { to: 'smallTalk', talk: u.answer.slice(SMALL_TALK_TARGET.length) as SmallTalk };
  }
  if (u.answer === REPORT_TARGET) return { to: 'report' };
  if (u.answer && screenIds.has(u.answer)) return { to: 'screen', id: u.answer };
  const choices = u.maybe.filter((id) => screenIds.has(id));
  if (choices.length === 1) return { to: 'screen', id: choices[0]! };
  if (choices.length > 1) return { to: 'choices', ids: choices.slice(0, 3) };
  if (u.topic && u.topic !== 'person' && screenIds.has(u.topic)) return { to: 'screen', id: u.topic };
  if (u.age !== null || u.alone !== null || u.minor !== null || u.city) return { to: 'noted' };
  return { to: 'miss' };
}

/** What a message asked, for when the person says they are not in danger after all. */
function afterNoDanger(u: Understanding, screenIds: ReadonlySet<string>): string {
  const route = routeOf({ ...u, riskUnsure: null }, screenIds);
  return route.to === 'screen' ? route.id : 'menu';
}
