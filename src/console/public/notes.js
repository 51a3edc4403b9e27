import { el } from './element.js';
import { formatClock, isoTime } from './format-time.js';
import { canWork } from './ticket-permissions.js';

/** Private notes: seen only by staff, never sent to the user. */
export function createNotes({ i18n, api, me, role }) {
  let ticket = null;
  let saving = false;
  const heading = el('h3', { id: 'notes-title', class: 'panel-title' });
  const hint = el('p', { class: 'muted' });
  const list = el('ul', { class: 'notes-list' });
  const label = el('label', { for: 'note-text' });
  const text = el('textarea', { id: 'note-text', class: 'input', rows: 3, maxLength: 4000 });
  const save = el('button', { type: 'submit', class: 'button' });
  const feedback = el('p', { class: 'form-feedback', role: 'alert' });
  const form = el('form', { class: 'note-form' }, el('div', { class: 'field' }, label, text), save, feedback);
  const root = el(
    'section',
    { class: 'panel notes', 'aria-labelledby': 'notes-title' },
    heading,
    hint,
    list,
    form,
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = text.value.trim();
    if (!ticket || !body || saving) return;
    saving = true;
    save.disabled = true;
    feedback.textContent = '';
    const ticketId = ticket.id;
    try {
      const { note } = await api.addNote(ticketId, body);
      if (ticket?.id !== ticketId) return;
      text.value = '';
      ticket.notes.push(note);
      render();
    } catch (error) {
      feedback.textContent = i18n.t(error.status === 403 ? 'errors.forbidden' : 'notes.failed');
    } finally {
      saving = false;
      save.disabled = false;
    }
  });

  function renderNote(note) {
    return el(
      'li',
      { class: 'note' },
      el(
        'p',
        { class: 'note-meta' },
        el('span', { text: note.author }),
        ' · ',
        el('time', { datetime: isoTime(note.at), text: formatClock(note.at, i18n.locale) }),
      ),
      el('p', { class: 'note-text', text: note.text }),
    );
  }

  function render() {
    heading.textContent = i18n.t('notes.title');
    hint.textContent = i18n.t('notes.hint');
    label.textContent = i18n.t('notes.label');
    save.textContent = i18n.t('notes.add');
    form.hidden = !ticket || !canWork({ ticket, me, role });
    const notes = ticket?.notes ?? [];
    list.replaceChildren(
      ...(notes.length === 0
        ? [el('li', { class: 'muted', text: i18n.t('notes.empty') })]
        : notes.map(renderNote)),
    );
  }

  return {
    root,
    show(next) {
      if (next.id !== ticket?.id) {
        text.value = '';
        feedback.textContent = '';
      }
      ticket = next;
      render();
    },
    rerender: render,
  };
}
