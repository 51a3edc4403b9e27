import { el } from './element.js';

/**
 * Modal dialogs on the native <dialog>: focus stays inside, Escape closes, and focus returns to
 * the control that opened it.
 */
function openDialog({ labelledBy, content, onClose }) {
  const opener = document.activeElement;
  const dialog = el('dialog', { class: 'dialog', 'aria-labelledby': labelledBy }, content);
  document.body.append(dialog);
  dialog.addEventListener('close', () => {
    onClose?.(dialog.returnValue);
    dialog.remove();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  });
  dialog.showModal();
  return dialog;
}

let dialogSeq = 0;

/** Resolves true when the user confirms, false on cancel or Escape. */
export function confirmDialog({ t, title, body, confirmLabel, danger = false }) {
  const id = `dialog-title-${++dialogSeq}`;
  return new Promise((resolve) => {
    const form = el(
      'form',
      { method: 'dialog', class: 'dialog-body' },
      el('h2', { id, class: 'dialog-title', text: title }),
      el('p', { text: body }),
      el(
        'div',
        { class: 'dialog-actions' },
        el('button', { type: 'submit', value: 'cancel', class: 'button', text: t('dialog.cancel') }),
        el('button', {
          type: 'submit',
          value: 'confirm',
          class: `button ${danger ? 'button-danger' : 'button-primary'}`,
          text: confirmLabel,
        }),
      ),
    );
    const dialog = openDialog({
      labelledBy: id,
      content: form,
      onClose: (value) => resolve(value === 'confirm'),
    });
    // Start on Cancel: confirming something sensitive takes a deliberate move.
    dialog.querySelector('button[value="cancel"]').focus();
  });
}

/** Shows content with a single Close button; `content` is built by the caller with el(). */
export function infoDialog({ t, title, content, wide = false }) {
  const id = `dialog-title-${++dialogSeq}`;
  const form = el(
    'form',
    { method: 'dialog', class: `dialog-body${wide ? ' dialog-wide' : ''}` },
    el('h2', { id, class: 'dialog-title', text: title }),
    content,
    el(
      'div',
      { class: 'dialog-actions' },
      el('button', {
        type: 'submit',
        value: 'close',
        class: 'button button-primary',
        text: t('dialog.close'),
      }),
    ),
  );
  return openDialog({ labelledBy: id, content: form });
}
