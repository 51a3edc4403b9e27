import { confirmDialog, infoDialog } from './dialogs.js';
import { el, replaceChildren } from './element.js';
import { canWork } from './ticket-permissions.js';

export const OUTCOMES = [
  'information_given',
  'referred',
  'legal_case_opened',
  'no_answer',
  'cancelled_by_user',
  'erased',
  'other',
];

/**
 * What staff can do with a ticket besides writing: claim, transfer (to a person or back to the
 * queue), close with an outcome and, for supervisors, reveal the full number once.
 * The server decides who may do what; the UI only hides what would be refused anyway.
 */
export function createTicketActions({ i18n, api, me, role, onTicket, onReload }) {
  let ticket = null;
  let staff = null;
  let busy = false;
  // Re-rendering on live updates must not lose what the user picked in the selects.
  const choice = { transfer: '', outcome: OUTCOMES[0] };
  const claimArea = el('div', { class: 'claim-area' });
  const heading = el('h3', { id: 'actions-title', class: 'panel-title' });
  const body = el('div', { class: 'actions-body' });
  const feedback = el('p', { class: 'form-feedback', role: 'alert' });
  const root = el(
    'section',
    { class: 'panel actions', 'aria-labelledby': 'actions-title' },
    heading,
    body,
    feedback,
  );
  const claimFeedback = el('p', { class: 'form-feedback', role: 'alert' });

  const canManage = () => ticket !== null && canWork({ ticket, me, role });

  async function run(action, errorKeys = {}) {
    if (busy) return;
    busy = true;
    feedback.textContent = '';
    claimFeedback.textContent = '';
    try {
      await action();
    } catch (error) {
      const key = errorKeys[error.status] ?? (error.status === 403 ? 'errors.forbidden' : 'errors.generic');
      (errorKeys.target ?? feedback).textContent = i18n.t(key);
      if (error.status === 409 || error.status === 404) onReload({ conflict: error.status === 409 });
    } finally {
      busy = false;
    }
  }

  function claim() {
    return run(
      async () => {
        const result = await api.claim(ticket.id);
        onTicket(result.ticket);
      },
      { 409: 'claim.taken', target: claimFeedback },
    );
  }

  async function loadStaff() {
    if (staff) return;
    try {
      ({ staff } = await api.staff());
    } catch {
      staff = [];
    }
    render();
  }

  function transfer(select) {
    if (select.options.length === 0) return;
    const to = select.value === '' ? null : select.value;
    return run(async () => {
      const result = await api.transfer(ticket.id, to);
      onTicket(result.ticket);
    });
  }

  async function close(select) {
    const ok = await confirmDialog({
      t: i18n.t,
      title: i18n.t('close.confirmTitle'),
      body: i18n.t('close.confirm', { outcome: i18n.label('outcome', select.value) }),
      confirmLabel: i18n.t('close.submit'),
      danger: true,
    });
    if (!ok) return;
    await run(async () => {
      const result = await api.close(ticket.id, select.value);
      onTicket(result.ticket);
    });
  }

  async function reveal() {
    const ok = await confirmDialog({
      t: i18n.t,
      title: i18n.t('reveal.confirmTitle'),
      body: i18n.t('reveal.confirm'),
      confirmLabel: i18n.t('reveal.submit'),
    });
    if (!ok) return;
    await run(async () => {
      const { address } = await api.reveal(ticket.id);
      // Shown in the dialog only, never kept: closing it forgets the number.
      infoDialog({
        t: i18n.t,
        title: i18n.t('reveal.title'),
        content: [
          el('p', { class: 'revealed-number', text: address }),
          el('p', { class: 'muted', text: i18n.t('reveal.once') }),
        ],
      });
    });
  }

  function transferForm() {
    const select = el(
      'select',
      {
        id: 'transfer-to',
        class: 'input',
        onchange: (event) => {
          choice.transfer = event.target.value;
        },
      },
      // A waiting ticket is in the queue already: it can only go to a person.
      ticket.status === 'waiting' ? null : el('option', { value: '', text: i18n.t('transfer.queue') }),
      (staff ?? [])
        .filter((person) => person.username !== ticket.assignee)
        .map((person) =>
          el('option', {
            value: person.username,
            text: i18n.t('transfer.person', { name: person.username, role: i18n.label('role', person.role) }),
          }),
        ),
    );
    select.value = choice.transfer;
    if (select.selectedIndex === -1) select.selectedIndex = 0;
    return el(
      'form',
      {
        class: 'action-form',
        onsubmit: (event) => {
          event.preventDefault();
          transfer(select);
        },
      },
      el('label', { for: 'transfer-to', text: i18n.t('transfer.label') }),
      el(
        'div',
        { class: 'inline-field' },
        select,
        el('button', {
          type: 'submit',
          class: 'button',
          dataset: { focusKey: 'transfer' },
          text: i18n.t('transfer.submit'),
        }),
      ),
    );
  }

  function closeForm() {
    const select = el(
      'select',
      {
        id: 'close-outcome',
        class: 'input',
        onchange: (event) => {
          choice.outcome = event.target.value;
        },
      },
      OUTCOMES.map((outcome) => el('option', { value: outcome, text: i18n.label('outcome', outcome) })),
    );
    select.value = choice.outcome;
    return el(
      'form',
      {
        class: 'action-form',
        onsubmit: (event) => {
          event.preventDefault();
          close(select);
        },
      },
      el('label', { for: 'close-outcome', text: i18n.t('close.label') }),
      el(
        'div',
        { class: 'inline-field' },
        select,
        el('button', {
          type: 'submit',
          class: 'button button-danger',
          dataset: { focusKey: 'close' },
          text: i18n.t('close.submit'),
        }),
      ),
    );
  }

  function render() {
    if (!ticket) return;
    heading.textContent = i18n.t('actions.title');
    replaceChildren(
      claimArea,
      ticket.status === 'waiting'
        ? el('button', {
            type: 'button',
            class: 'button button-primary button-claim',
            dataset: { focusKey: 'claim' },
            text: i18n.t('claim.button'),
            onclick: claim,
          })
        : null,
      claimFeedback,
    );
    const open = ticket.status !== 'closed';
    const parts = [];
    if (open && canManage()) parts.push(transferForm(), closeForm());
    if (role === 'supervisor') {
      parts.push(
        el('button', {
          type: 'button',
          class: 'button',
          dataset: { focusKey: 'reveal' },
          text: i18n.t('reveal.button'),
          onclick: reveal,
        }),
      );
    }
    if (parts.length === 0) {
      const text =
        ticket.assignee && ticket.assignee !== me
          ? i18n.t('actions.othersCase', { name: ticket.assignee })
          : i18n.t(open ? 'actions.none' : 'actions.closed');
      parts.push(el('p', { class: 'muted', text }));
    }
    replaceChildren(body, parts);
    root.hidden = false;
  }

  return {
    root,
    claimArea,
    show(next) {
      if (next.id !== ticket?.id) {
        feedback.textContent = '';
        claimFeedback.textContent = '';
        choice.transfer = '';
        choice.outcome = OUTCOMES[0];
      }
      ticket = next;
      render();
      if (ticket.status !== 'closed' && canManage()) loadStaff();
    },
    rerender: render,
  };
}
