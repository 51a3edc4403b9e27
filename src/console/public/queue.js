import { el, replaceChildren } from './element.js';
import { formatDuration, isoTime } from './format-time.js';
import { priorityBadges } from './ticket-badges.js';

export const QUEUE_TABS = ['waiting', 'mine', 'active', 'closed'];

/** Which tab a ticket belongs in, as the server would list it. */
export function belongsTo(tab, ticket, me) {
  if (tab === 'mine') return ticket.assignee === me && ticket.status !== 'closed';
  return ticket.status === tab;
}

/** The server's order: priority (higher first), then waiting time (older first). */
function comesBefore(a, b) {
  return a.priority !== b.priority ? a.priority > b.priority : a.createdAt < b.createdAt;
}

/**
 * The queue: tabs over `GET /api/staff/tickets?status=`, rows in the server's order, kept live by
 * `upsert` from SSE `ticket` events.
 */
export function createQueueView({ root, i18n, api, me, onOpen }) {
  const state = {
    tab: 'waiting',
    tickets: [],
    loading: false,
    error: null,
    selectedId: null,
    unread: new Set(),
  };
  let loadSeq = 0;

  const title = el('h2', { id: 'queue-title', class: 'section-title' });
  const tablist = el('div', { role: 'tablist', class: 'tabs' });
  const panel = el('div', { role: 'tabpanel', id: 'queue-panel', class: 'queue-panel', tabindex: '-1' });
  const status = el('p', { class: 'queue-status', role: 'status' });
  const list = el('ul', { class: 'queue-list' });
  panel.append(status, list);
  root.replaceChildren(title, tablist, panel);

  tablist.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -QUEUE_TABS.length, End: QUEUE_TABS.length }[
      event.key
    ];
    if (step === undefined) return;
    event.preventDefault();
    const index = Math.min(QUEUE_TABS.length - 1, Math.max(0, QUEUE_TABS.indexOf(state.tab) + step));
    selectTab(QUEUE_TABS[index]);
    tablist.querySelector(`[data-tab="${QUEUE_TABS[index]}"]`)?.focus();
  });

  function renderTabs() {
    replaceChildren(
      tablist,
      QUEUE_TABS.map((tab) =>
        el('button', {
          type: 'button',
          role: 'tab',
          id: `tab-${tab}`,
          class: 'tab',
          dataset: { tab, focusKey: `tab-${tab}` },
          'aria-selected': String(tab === state.tab),
          'aria-controls': 'queue-panel',
          tabindex: tab === state.tab ? '0' : '-1',
          text: i18n.t(`queue.tabs.${tab}`),
          onclick: () => selectTab(tab),
        }),
      ),
    );
    panel.setAttribute('aria-labelledby', `tab-${state.tab}`);
  }

  function renderRow(ticket) {
    const { t, label } = i18n;
    const meta = [
      label('channel', ticket.channel),
      label('lang', ticket.lang),
      ticket.city ? label('city', ticket.city) : null,
    ].filter(Boolean);
    const waited = el('time', { class: 'wait', datetime: isoTime(ticket.createdAt) });
    waited.textContent = waitingText(ticket);
    const assignee = ticket.assignee
      ? t('queue.assignedTo', { name: ticket.assignee })
      : t('queue.unassigned');
    const selected = ticket.id === state.selectedId;
    return el(
      'li',
      { class: 'queue-item', dataset: { id: ticket.id } },
      el(
        'button',
        {
          type: 'button',
          class: `queue-row${selected ? ' is-selected' : ''}`,
          'aria-current': selected ? 'true' : undefined,
          dataset: { focusKey: `row-${ticket.id}` },
          onclick: () => onOpen(ticket.id),
        },
        el(
          'span',
          { class: 'row-top' },
          el('span', { class: 'row-address', text: ticket.maskedAddress }),
          waited,
        ),
        el(
          'span',
          { class: 'row-badges' },
          priorityBadges(ticket, i18n),
          state.unread.has(ticket.id)
            ? el('span', { class: 'badge badge-new', text: t('queue.newMessage') })
            : null,
        ),
        el('span', {
          class: 'row-reasons',
          // "Peligro" is already the red badge; the other causes still matter.
          text: ticket.reasons
            .filter((r) => r !== 'safety')
            .map((r) => label('reason', r))
            .join(' · '),
        }),
        el('span', { class: 'row-meta', text: meta.join(' · ') }),
        el(
          'span',
          { class: 'row-assignee' },
          ticket.status === 'closed' && ticket.outcome
            ? t('queue.closedOutcome', { outcome: label('outcome', ticket.outcome) })
            : assignee,
        ),
      ),
    );
  }

  function waitingText(ticket) {
    const key = ticket.status === 'closed' ? 'queue.age' : 'queue.waitingFor';
    return i18n.t(key, { time: formatDuration(Date.now() - ticket.createdAt, i18n.t) });
  }

  function render() {
    renderTabs();
    title.textContent = i18n.t('queue.title');
    if (state.error) status.textContent = state.error;
    else if (state.loading && state.tickets.length === 0) status.textContent = i18n.t('common.loading');
    else if (state.tickets.length === 0) status.textContent = i18n.t(`queue.empty.${state.tab}`);
    else status.textContent = i18n.t('queue.count', { count: state.tickets.length });
    replaceChildren(list, state.tickets.map(renderRow));
  }

  async function load() {
    const seq = ++loadSeq;
    state.loading = true;
    state.error = null;
    render();
    try {
      const { tickets } = await api.tickets(state.tab);
      if (seq !== loadSeq) return [];
      state.tickets = tickets;
      return tickets;
    } catch (error) {
      if (seq !== loadSeq) return [];
      state.tickets = [];
      state.error = i18n.t(error.status === 403 ? 'errors.forbidden' : 'errors.loadQueue');
      return [];
    } finally {
      if (seq === loadSeq) {
        state.loading = false;
        render();
      }
    }
  }

  function selectTab(tab) {
    if (tab === state.tab) return;
    state.tab = tab;
    state.tickets = [];
    load();
  }

  return {
    load,
    render,
    selectTab,
    get tab() {
      return state.tab;
    },
    /** Apply a `ticket` event: insert, move, update or drop the row. */
    upsert(ticket) {
      const without = state.tickets.filter((t) => t.id !== ticket.id);
      if (belongsTo(state.tab, ticket, me)) {
        // Closed tickets are listed most recent first; the others in queue order.
        const at = state.tab === 'closed' ? 0 : without.findIndex((other) => comesBefore(ticket, other));
        without.splice(at === -1 ? without.length : at, 0, ticket);
      }
      state.tickets = without;
      render();
    },
    /** A ticket this staff member may no longer see: drop its row. */
    remove(id) {
      if (!state.tickets.some((t) => t.id === id)) return;
      state.tickets = state.tickets.filter((t) => t.id !== id);
      render();
    },
    select(id) {
      state.selectedId = id;
      if (id) state.unread.delete(id);
      render();
    },
    /** A user wrote in a ticket that is not open: flag its row until it is opened. */
    markUnread(id) {
      if (state.unread.has(id)) return;
      state.unread.add(id);
      render();
    },
    /** Every 30 s: waiting times move on without re-reading the list. */
    tick() {
      for (const item of list.querySelectorAll('li.queue-item')) {
        const ticket = state.tickets.find((t) => t.id === item.dataset.id);
        const time = item.querySelector('time.wait');
        if (ticket && time) time.textContent = waitingText(ticket);
      }
    },
    focusRow(id) {
      list.querySelector(`[data-focus-key="row-${CSS.escape(id)}"]`)?.focus();
    },
  };
}
