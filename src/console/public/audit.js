import { infoDialog } from './dialogs.js';
import { el } from './element.js';
import { formatClock, isoTime } from './format-time.js';

/** Supervisors: who viewed, claimed, replied, revealed and closed what, and when. */
export async function openAuditLog({ i18n, api, onOpenTicket }) {
  const { t, label } = i18n;
  let entries;
  try {
    ({ entries } = await api.audit(200));
  } catch (error) {
    infoDialog({
      t,
      title: t('audit.title'),
      content: el('p', { text: t(error.status === 403 ? 'errors.forbidden' : 'errors.generic') }),
    });
    return;
  }
  const now = Date.now();
  const table = el(
    'table',
    { class: 'audit-table' },
    el('caption', { class: 'visually-hidden', text: t('audit.caption', { count: entries.length }) }),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ['time', 'actor', 'action', 'ticket'].map((column) =>
          el('th', { scope: 'col', text: t(`audit.${column}`) }),
        ),
      ),
    ),
    el(
      'tbody',
      {},
      entries.map((entry) =>
        el(
          'tr',
          {},
          el(
            'td',
            {},
            el('time', { datetime: isoTime(entry.at), text: formatClock(entry.at, i18n.locale, now) }),
          ),
          el('td', { text: entry.actor }),
          el('td', { text: label('auditAction', entry.action) }),
          el(
            'td',
            {},
            entry.ticketId
              ? el('button', {
                  type: 'button',
                  class: 'link-button',
                  title: entry.ticketId,
                  'aria-label': t('audit.openTicket', { id: entry.ticketId.slice(0, 8) }),
                  text: entry.ticketId.slice(0, 8),
                  onclick: (event) => {
                    event.target.closest('dialog')?.close();
                    onOpenTicket(entry.ticketId);
                  },
                })
              : t('common.none'),
          ),
        ),
      ),
    ),
  );
  infoDialog({
    t,
    title: t('audit.title'),
    wide: true,
    content:
      entries.length === 0
        ? el('p', { text: t('audit.empty') })
        : el('div', { class: 'table-scroll', tabindex: '0' }, table),
  });
}
