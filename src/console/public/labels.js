import { el, replaceChildren } from './element.js';
import { canWork } from './ticket-permissions.js';

const MAX_LABEL = 40;

/** Splits "legal, urgente ,  salud" into clean, distinct labels. */
export function parseLabels(input) {
  return input
    .split(',')
    .map((label) => label.trim().slice(0, MAX_LABEL))
    .filter((label) => label.length > 0);
}

/** Labels as removable chips plus a comma-separated input; every change PUTs the whole list. */
export function createLabels({ i18n, api, me, role, onTicket }) {
  let ticket = null;
  let saving = false;
  const heading = el('h3', { id: 'labels-title', class: 'panel-title' });
  const chips = el('ul', { class: 'chips', 'aria-labelledby': 'labels-title' });
  const label = el('label', { for: 'label-input' });
  const input = el('input', { id: 'label-input', class: 'input', type: 'text', autocomplete: 'off' });
  const add = el('button', { type: 'submit', class: 'button' });
  const feedback = el('p', { class: 'form-feedback', role: 'alert' });
  const form = el(
    'form',
    { class: 'labels-form' },
    label,
    el('div', { class: 'inline-field' }, input, add),
    feedback,
  );
  const root = el(
    'section',
    { class: 'panel labels', 'aria-labelledby': 'labels-title' },
    heading,
    chips,
    form,
  );

  async function save(labels) {
    if (!ticket || saving) return false;
    saving = true;
    feedback.textContent = '';
    try {
      const result = await api.setLabels(ticket.id, labels);
      onTicket(result.ticket);
      return true;
    } catch (error) {
      feedback.textContent = i18n.t(error.status === 403 ? 'errors.forbidden' : 'labels.failed');
      return false;
    } finally {
      saving = false;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const added = parseLabels(input.value);
    if (!ticket || added.length === 0) return;
    const next = [...new Set([...ticket.labels, ...added])];
    if (await save(next)) input.value = '';
  });

  function render() {
    heading.textContent = i18n.t('labels.title');
    label.textContent = i18n.t('labels.label');
    add.textContent = i18n.t('labels.add');
    const labels = ticket?.labels ?? [];
    const editable = Boolean(ticket) && canWork({ ticket, me, role });
    form.hidden = !editable;
    replaceChildren(
      chips,
      labels.length === 0
        ? el('li', { class: 'muted', text: i18n.t('labels.empty') })
        : labels.map((name) =>
            el(
              'li',
              { class: 'chip' },
              el('span', { text: name }),
              editable &&
                el('button', {
                  type: 'button',
                  class: 'chip-remove',
                  'aria-label': i18n.t('labels.remove', { label: name }),
                  dataset: { focusKey: `label-${name}` },
                  text: '×',
                  onclick: () =>
                    save(ticket.labels.filter((other) => other !== name)).then(() => input.focus()),
                }),
            ),
          ),
    );
  }

  return {
    root,
    show(next) {
      if (next.id !== ticket?.id) feedback.textContent = '';
      ticket = next;
      render();
    },
    rerender: render,
  };
}
