import { createCaseworkPanel } from './casework-panel.js';
import { el, replaceChildren } from './element.js';
import { formatClock, formatDuration, isoTime } from './format-time.js';
import { createLabels } from './labels.js';
import { createNotes } from './notes.js';
import { createReplyBox } from './reply-box.js';
import { createTicketActions } from './ticket-actions.js';
import { priorityBadges } from './ticket-badges.js';
import { createTranscript } from './transcript.js';

const WHATSAPP_WINDOW_MS = 24 * 60 * 60_000;

/**
 * The open ticket: header with what the bot learnt, the transcript, the reply form, notes,
 * labels and actions. Live events update it in place; the reply draft survives re-renders.
 */
export function createTicketView({ root, i18n, api, me, role, onBack, onTicket }) {
  let ticket = null;
  let openId = null;
  let loadSeq = 0;

  const transcript = createTranscript({
    i18n,
    // Only while the ticket is open: Faro refuses media of closed tickets.
    mediaUrl: (sid) =>
      ticket && ticket.status !== 'closed'
        ? `/api/staff/tickets/${encodeURIComponent(ticket.id)}/media/${encodeURIComponent(sid)}`
        : null,
  });
  const reply = createReplyBox({
    i18n,
    api,
    me,
    onSent: ({ ticketId, text, messageId, status }) => {
      if (ticketId !== openId) return;
      transcript.add({ at: Date.now(), from: 'staff', author: me, text, messageId, status });
    },
    onRefused: (ticketId) => reload(ticketId),
  });
  const notes = createNotes({ i18n, api, me, role });
  const labels = createLabels({ i18n, api, me, role, onTicket: (summary) => fromAction(summary) });
  const actions = createTicketActions({
    i18n,
    api,
    me,
    role,
    onTicket: (summary) => fromAction(summary),
    onReload: ({ conflict }) => reload(openId, { conflict }),
  });

  const casework = createCaseworkPanel({ i18n, api, me, role, onReload: () => reload(openId) });

  const back = el('button', { type: 'button', class: 'button button-back' });
  back.addEventListener('click', () => onBack(openId));
  const title = el('h2', { id: 'ticket-title', class: 'ticket-title', tabindex: '-1' });
  const badges = el('div', { class: 'ticket-badges' });
  const facts = el('dl', { class: 'facts' });
  const head = el(
    'div',
    { class: 'ticket-head' },
    back,
    el('div', { class: 'ticket-heading' }, title, badges),
    actions.claimArea,
  );
  const placeholder = el('p', { class: 'ticket-placeholder muted' });
  const main = el('div', { class: 'ticket-main' }, transcript.root, reply.root);
  const side = el('div', { class: 'ticket-side' }, actions.root, casework.root, labels.root, notes.root);
  const content = el(
    'div',
    { class: 'ticket-content' },
    head,
    facts,
    el('div', { class: 'ticket-body' }, main, side),
  );
  root.replaceChildren(placeholder, content);

  function fact(name, value) {
    return [el('dt', { text: i18n.t(`ticket.facts.${name}`) }), el('dd', { text: value })];
  }

  function renderHead() {
    const { t, label } = i18n;
    back.textContent = t('ticket.back');
    title.textContent = t('ticket.title', { address: ticket.maskedAddress });
    replaceChildren(
      badges,
      priorityBadges(ticket, i18n),
      el('span', {
        class: `badge badge-status badge-${ticket.status}`,
        text: label('status', ticket.status),
      }),
    );
    const alone = ticket.alone === null ? t('common.unknown') : t(ticket.alone ? 'common.yes' : 'common.no');
    const list = (values, group) =>
      values.length ? values.map((v) => label(group, v)).join(', ') : t('common.none');
    const since = el('time', { datetime: isoTime(ticket.createdAt) });
    since.textContent = t('ticket.since', {
      clock: formatClock(ticket.createdAt, i18n.locale),
      time: formatDuration(Date.now() - ticket.createdAt, t),
    });
    replaceChildren(
      facts,
      fact('channel', label('channel', ticket.channel)),
      fact('language', label('lang', ticket.lang)),
      fact('city', ticket.city ? label('city', ticket.city) : t('common.unknown')),
      fact('age', ticket.ageGroup ? label('age', ticket.ageGroup) : t('common.unknown')),
      fact('alone', alone),
      fact('reasons', list(ticket.reasons, 'reason')),
      ticket.risk ? fact('risk', label('risk', ticket.risk)) : null,
      fact('topics', list(ticket.topicsSeen, 'topic')),
      fact('assignee', ticket.assignee ?? t('queue.unassigned')),
      [el('dt', { text: t('ticket.facts.created') }), el('dd', {}, since)],
      ticket.outcome ? fact('outcome', label('outcome', ticket.outcome)) : null,
    );
  }

  function renderAll() {
    renderHead();
    reply.show(ticket);
    notes.show(ticket);
    labels.show(ticket);
    actions.show(ticket);
    casework.show(ticket);
  }

  function showPlaceholder(key) {
    placeholder.textContent = i18n.t(key);
    placeholder.hidden = false;
    content.hidden = true;
  }

  /** `conflict`: someone else just took the ticket, so a 403 now means "taken", not "forbidden". */
  async function open(id, { focus = true, conflict = false } = {}) {
    const seq = ++loadSeq;
    const switching = id !== openId;
    openId = id;
    if (switching) {
      ticket = null;
      showPlaceholder('common.loading');
    }
    try {
      const { ticket: detail } = await api.ticket(id);
      if (seq !== loadSeq) return;
      ticket = detail;
      placeholder.hidden = true;
      content.hidden = false;
      transcript.show(ticket.transcript);
      renderAll();
      if (focus && switching) title.focus();
    } catch (error) {
      if (seq !== loadSeq) return;
      ticket = null;
      showPlaceholder(
        error.status === 404
          ? 'ticket.notFound'
          : error.status === 403
            ? conflict
              ? 'claim.taken'
              : 'errors.forbidden'
            : 'errors.generic',
      );
    }
  }

  function reload(id, { conflict = false } = {}) {
    if (id && id === openId) open(id, { focus: false, conflict });
  }

  /** A TicketSummary (from an action's answer or an SSE `ticket` event) updates the open ticket. */
  function applySummary(summary) {
    if (!ticket || summary.id !== ticket.id) return;
    const statusChanged = summary.status !== ticket.status || summary.assignee !== ticket.assignee;
    Object.assign(ticket, summary);
    // canReply depends on status and assignee: ask the server rather than guess.
    if (statusChanged) reload(ticket.id, { conflict: summary.assignee !== null && summary.assignee !== me });
    else renderAll();
  }

  /** An action answered with the ticket: the queue learns of it too, without waiting for SSE. */
  function fromAction(summary) {
    onTicket(summary);
    applySummary(summary);
  }

  return {
    open,
    applySummary,
    get openId() {
      return openId;
    },
    /** Nothing open: the placeholder (on wide screens) or the queue alone (on phones). */
    clear() {
      ++loadSeq;
      openId = null;
      ticket = null;
      showPlaceholder('ticket.none');
    },
    addEntry({ ticketId, entry }) {
      if (!ticket || ticketId !== ticket.id) return;
      transcript.add(entry);
      if (entry.from === 'user') {
        ticket.lastUserMessageAt = entry.at;
        // A user message reopens WhatsApp's 24-hour window; the server confirms on the next read.
        if (ticket.channel === 'whatsapp') {
          ticket.windowClosesAt = entry.at + WHATSAPP_WINDOW_MS;
          if (ticket.cannotReplyReason === 'window_closed') {
            ticket.canReply = true;
            ticket.cannotReplyReason = null;
          }
          reply.show(ticket);
        }
      }
    },
    setStatus({ ticketId, messageId, status }) {
      if (ticket && ticketId === ticket.id) transcript.setStatus(messageId, status);
    },
    tick() {
      if (!ticket) return;
      reply.tick();
      renderHead();
    },
    rerender() {
      if (!ticket) {
        showPlaceholder(openId ? 'common.loading' : 'ticket.none');
        return;
      }
      transcript.rerender();
      reply.rerender();
      notes.rerender();
      labels.rerender();
      renderAll();
    },
  };
}
