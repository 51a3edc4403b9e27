import { el, replaceChildren } from './element.js';
import { formatClock } from './format-time.js';

const LANGS = ['es', 'en', 'fr', 'ht', 'pt'];

/**
 * Above the queue: search (last digits, label, case code, outcome, words), my availability,
 * browser notifications and, for supervisors, auto-assignment, the referrals export and the
 * canned replies of each language.
 */
export function createTools({ root, i18n, api, me, role }) {
  const t = (key, params) => i18n.t(`tools.${key}`, params);
  let results = null;
  let available = false;
  let autoAssign = false;
  let canned = null;
  let templates = null;
  const query = el('input', { class: 'input', id: 'search-q', type: 'search', autocomplete: 'off' });
  const feedback = el('p', { class: 'form-feedback', role: 'status' });

  async function refresh() {
    const res = await api.availability().catch(() => null);
    if (res) {
      available = res.staff.find((s) => s.username === me)?.available ?? false;
      autoAssign = res.autoAssign;
    }
    render();
  }

  async function search(e) {
    e.preventDefault();
    const q = query.value.trim();
    if (!q) return;
    try {
      results = (await api.search(q)).results;
    } catch (error) {
      results = [];
      feedback.textContent = error.body?.message ?? i18n.t('errors.generic');
    }
    render();
  }

  async function loadCanned(lang) {
    canned = { lang, replies: (await api.canned(lang)).replies };
    render();
  }

  /** What WhatsApp said of each language's re-contact template (after 24 hours). */
  async function loadTemplates() {
    templates = (await api.templates().catch(() => ({ templates: [] }))).templates;
    render();
  }

  function templateList() {
    if (!templates) return null;
    return el(
      'section',
      { class: 'template-status', 'aria-label': t('templates') },
      el('h3', { class: 'panel-title', text: t('templates') }),
      el(
        'ul',
        {},
        templates.map((x) =>
          el('li', {
            text: `${x.lang}: ${i18n.label('tools.templateStatus', x.status)}${
              x.rejectionReason ? ` (${x.rejectionReason})` : ''
            }`,
          }),
        ),
      ),
    );
  }

  function cannedEditor() {
    if (!canned) return null;
    const area = el('textarea', {
      class: 'input',
      id: 'canned-text',
      rows: 6,
      value: canned.replies.map((r) => `${r.id}: ${r.text}`).join('\n'),
    });
    const form = el(
      'form',
      { class: 'canned-editor' },
      el('label', { for: 'canned-text', text: t('cannedHelp', { lang: canned.lang }) }),
      area,
      el('button', { type: 'submit', class: 'button button-primary', text: t('save') }),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const replies = area.value
        .split('\n')
        .map((line) => /^\s*([A-Za-z0-9_-]{1,40})\s*:\s*(.+)$/.exec(line))
        .filter(Boolean)
        .map((m) => ({ id: m[1], text: m[2].trim() }));
      try {
        canned = { lang: canned.lang, replies: (await api.saveCanned(canned.lang, replies)).replies };
        feedback.textContent = t('saved');
      } catch (error) {
        feedback.textContent = error.body?.message ?? i18n.t('errors.generic');
      }
      render();
    });
    return form;
  }

  function render() {
    const form = el(
      'form',
      { class: 'search-form', role: 'search' },
      el('label', { for: 'search-q', text: t('search') }),
      query,
      el('button', { type: 'submit', class: 'button', text: t('find') }),
    );
    form.addEventListener('submit', search);
    const availability = el('button', {
      type: 'button',
      class: 'button',
      'aria-pressed': String(available),
      text: t(available ? 'available' : 'away'),
      onclick: async () => {
        await api.setAvailable(!available).catch(() => null);
        refresh();
      },
    });
    const notify =
      'Notification' in window && Notification.permission !== 'granted'
        ? el('button', {
            type: 'button',
            class: 'button',
            text: t('notifications'),
            onclick: async () => {
              await Notification.requestPermission().catch(() => null);
              render();
            },
          })
        : null;
    const supervisor =
      role === 'supervisor'
        ? [
            el('button', {
              type: 'button',
              class: 'button',
              'aria-pressed': String(autoAssign),
              text: t(autoAssign ? 'autoOn' : 'autoOff'),
              onclick: async () => {
                await api.setAutoAssign(!autoAssign).catch(() => null);
                refresh();
              },
            }),
            el('a', { class: 'button', href: '/api/staff/referrals.csv', download: '', text: t('export') }),
            el('button', { type: 'button', class: 'button', text: t('templates'), onclick: loadTemplates }),
            el(
              'span',
              { class: 'canned-langs' },
              t('canned'),
              LANGS.map((lang) =>
                el('button', {
                  type: 'button',
                  class: 'button',
                  text: lang,
                  onclick: () => loadCanned(lang),
                }),
              ),
            ),
          ]
        : [];
    const list =
      results === null
        ? null
        : results.length === 0
          ? el('p', { class: 'muted', text: t('noResults') })
          : el(
              'ul',
              { class: 'search-results' },
              results.map((r) =>
                el(
                  'li',
                  {},
                  el('a', {
                    href: `#/t/${encodeURIComponent(r.id)}`,
                    text: `${r.maskedAddress} · ${i18n.label('status', r.status)} · ${formatClock(r.createdAt, i18n.locale)} · ${r.matched.map((m) => t(`matched.${m}`)).join(', ')}`,
                  }),
                ),
              ),
            );
    replaceChildren(
      root,
      el('div', { class: 'tools-row' }, form, availability, notify, supervisor),
      list,
      templateList(),
      cannedEditor(),
      feedback,
    );
  }

  refresh();
  return { render, refresh };
}

/** A browser notification, when allowed: never a message's text, only what kind and which number. */
export function notify(title, body) {
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag: `${title}-${body}` });
  } catch {
    // Some browsers only notify through a service worker: the other alerts remain.
  }
}
