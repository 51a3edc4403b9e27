import { el } from './element.js';

export function isSafety(ticket) {
  return ticket.reasons.includes('safety') || ticket.risk !== null;
}

/** Travelling alone and not an adult (an unknown age counts: better a false alarm). */
export function isChildAlone(ticket) {
  return ticket.alone === true && ticket.ageGroup !== 'adult';
}

/** The red "Peligro: <risk>" and "child alone" badges, most urgent first. */
export function priorityBadges(ticket, { t, label }) {
  const badges = [];
  if (isSafety(ticket)) {
    const text = ticket.risk
      ? t('badge.dangerWith', { risk: label('risk', ticket.risk) })
      : t('badge.danger');
    badges.push(el('span', { class: 'badge badge-danger', text }));
  }
  if (isChildAlone(ticket)) badges.push(el('span', { class: 'badge badge-alone', text: t('badge.alone') }));
  return badges;
}

/** One line for announcements: "Peligro: secuestro, WhatsApp, Tapachula, francés". */
export function spokenSummary(ticket, { t, label }) {
  const parts = [];
  if (isSafety(ticket)) {
    parts.push(ticket.risk ? t('badge.dangerWith', { risk: label('risk', ticket.risk) }) : t('badge.danger'));
  }
  if (isChildAlone(ticket)) parts.push(t('badge.alone'));
  parts.push(label('channel', ticket.channel));
  if (ticket.city) parts.push(label('city', ticket.city));
  parts.push(label('lang', ticket.lang));
  return parts.join(', ');
}
