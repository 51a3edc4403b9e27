import { el } from './element.js';
import { formatDuration } from './format-time.js';

export const MAX_REPLY = 1600;
const WINDOW_WARNING_MS = 60 * 60_000;

/** Why free text cannot go out now, or null. The WhatsApp window is re-checked against the clock. */
export function replyBlock(ticket, now = Date.now()) {
  if (ticket.status === 'closed') return 'closed';
  if (
    ticket.channel === 'whatsapp' &&
    ticket.windowClosesAt !== null &&
    ticket.windowClosesAt <= now &&
    !ticket.replyAfterNotice
  ) {
    return ticket.cannotReplyReason === 'template_not_approved' ? 'template_not_approved' : 'window_closed';
  }
  if (!ticket.canReply) return ticket.cannotReplyReason ?? 'closed';
  return null;
}

/**
 * The reply form: a 1600-character textarea with a counter, canned replies in the ticket's
 * language, and, for WhatsApp, the time left in the 24-hour customer-service window. When a reply
 * cannot be sent, the form is disabled and says why.
 */
export function createReplyBox({ i18n, api, me, onSent, onRefused }) {
  let ticket = null;
  let sending = false;

  const heading = el('h3', { id: 'reply-title', class: 'panel-title' });
  const windowNote = el('p', { id: 'reply-window', class: 'reply-window' });
  const blockedNote = el('p', { id: 'reply-blocked', class: 'reply-blocked', role: 'status' });
  const cannedLabel = el('label', { for: 'reply-canned' });
  const canned = el('select', { id: 'reply-canned', class: 'input' });
  const cannedRow = el('div', { class: 'field' }, cannedLabel, canned);
  // Documents and images from the library (supervisors keep it): sent at once on choosing one.
  const libraryLabel = el('label', { for: 'reply-library' });
  const library = el('select', { id: 'reply-library', class: 'input' });
  const libraryRow = el('div', { class: 'field' }, libraryLabel, library);
  let libraryItems = [];
  api
    .library()
    .then(({ items }) => {
      libraryItems = items;
      render();
    })
    .catch(() => undefined);
  const textLabel = el('label', { for: 'reply-text' });
  const text = el('textarea', {
    id: 'reply-text',
    class: 'input',
    rows: 4,
    maxLength: MAX_REPLY,
    'aria-describedby': 'reply-counter reply-window reply-blocked',
  });
  const counter = el('p', { id: 'reply-counter', class: 'counter' });
  const hint = el('span', { class: 'hint' });
  const send = el('button', { type: 'submit', class: 'button button-primary' });
  const feedback = el('p', { class: 'form-feedback', role: 'alert' });
  const form = el(
    'form',
    { class: 'reply-form', novalidate: true },
    cannedRow,
    libraryRow,
    el('div', { class: 'field' }, textLabel, text),
    el('div', { class: 'reply-footer' }, counter, hint, send),
    feedback,
  );
  const root = el(
    'section',
    { class: 'panel reply', 'aria-labelledby': 'reply-title' },
    heading,
    windowNote,
    blockedNote,
    form,
  );

  canned.addEventListener('change', () => {
    const chosen = ticket?.cannedReplies.find((reply) => reply.id === canned.value);
    canned.value = '';
    if (!chosen) return;
    const current = text.value.trimEnd();
    text.value = (current ? `${current}\n${chosen.text}` : chosen.text).slice(0, MAX_REPLY);
    text.focus();
    update();
  });
  library.addEventListener('change', async () => {
    const item = libraryItems.find((i) => i.id === library.value);
    library.value = '';
    if (!ticket || !item || sending || replyBlock(ticket)) return;
    const ticketId = ticket.id;
    try {
      const { message } = await api.sendItem(ticketId, item.id);
      onSent({ ticketId, text: item.name, messageId: message.id, status: message.status });
    } catch (error) {
      feedback.textContent = i18n.t(error.status === 409 ? 'reply.refused' : 'reply.failed');
      if (error.status === 409) onRefused(ticketId);
    }
  });
  text.addEventListener('input', update);
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = text.value.trim();
    if (!ticket || sending || !body || replyBlock(ticket)) return;
    sending = true;
    feedback.textContent = '';
    update();
    const ticketId = ticket.id;
    try {
      const { message } = await api.reply(ticketId, body);
      if (ticket?.id === ticketId) text.value = '';
      onSent({ ticketId, text: body, messageId: message.id, status: message.status });
    } catch (error) {
      if (error.status === 409) {
        feedback.textContent = i18n.t('reply.refused');
        onRefused(ticketId);
      } else {
        feedback.textContent = i18n.t(error.status === 0 ? 'errors.network' : 'reply.failed');
      }
    } finally {
      sending = false;
      update();
    }
  });

  function renderCanned() {
    const replies = ticket?.cannedReplies ?? [];
    cannedRow.hidden = replies.length === 0;
    canned.replaceChildren(
      el('option', { value: '', text: i18n.t('reply.cannedPick') }),
      ...replies.map((reply) =>
        el('option', {
          value: reply.id,
          text: reply.text.length > 70 ? `${reply.text.slice(0, 69)}…` : reply.text,
        }),
      ),
    );
  }

  function update() {
    if (!ticket) return;
    const now = Date.now();
    const block = replyBlock(ticket, now);
    const open =
      ticket.channel === 'whatsapp' && ticket.windowClosesAt !== null && ticket.windowClosesAt > now;
    // Past the window with an approved template: the reply waits, the person gets a notice.
    const afterNotice =
      !open && ticket.channel === 'whatsapp' && ticket.replyAfterNotice && ticket.status !== 'closed';
    windowNote.hidden = !open && !afterNotice;
    if (afterNotice) {
      windowNote.textContent = i18n.t('reply.afterNotice');
      windowNote.classList.add('is-warning');
    } else if (open) {
      const left = ticket.windowClosesAt - now;
      windowNote.textContent = i18n.t('reply.window', { time: formatDuration(left, i18n.t) });
      windowNote.classList.toggle('is-warning', left < WINDOW_WARNING_MS);
    }
    const othersCase = block === 'not_assignee' && ticket.assignee && ticket.assignee !== me;
    blockedNote.textContent = othersCase
      ? i18n.t('reply.cannot.othersCase', { name: ticket.assignee })
      : block
        ? i18n.t(`reply.cannot.${block}`)
        : '';
    blockedNote.hidden = !block;
    const length = text.value.length;
    counter.textContent = i18n.t('reply.counter', { count: length, max: MAX_REPLY });
    counter.classList.toggle('is-warning', length > MAX_REPLY - 100);
    text.disabled = Boolean(block);
    canned.disabled = Boolean(block);
    library.disabled = Boolean(block) || sending;
    send.disabled = Boolean(block) || sending || text.value.trim().length === 0;
    send.textContent = i18n.t(sending ? 'reply.sending' : 'reply.send');
  }

  function renderLibrary() {
    // The ticket's language first, then the rest.
    const items = [...libraryItems].sort(
      (a, b) => Number(b.lang === ticket?.lang) - Number(a.lang === ticket?.lang),
    );
    libraryRow.hidden = items.length === 0;
    libraryLabel.textContent = i18n.t('reply.library');
    library.replaceChildren(
      el('option', { value: '', text: i18n.t('reply.libraryPick') }),
      ...items.map((i) => el('option', { value: i.id, text: `${i.name} (${i.lang})` })),
    );
  }

  function render() {
    renderLibrary();
    heading.textContent = i18n.t('reply.title');
    cannedLabel.textContent = i18n.t('reply.canned');
    textLabel.textContent = i18n.t('reply.label');
    hint.textContent = i18n.t('reply.shortcut');
    renderCanned();
    update();
  }

  return {
    root,
    show(next) {
      const changedTicket = next.id !== ticket?.id;
      ticket = next;
      if (changedTicket) {
        text.value = '';
        feedback.textContent = '';
      }
      render();
    },
    rerender: render,
    /** Every 30 s: the WhatsApp window shrinks and may close while the page is open. */
    tick: update,
  };
}
