import { el, replaceChildren } from './element.js';
import { formatClock } from './format-time.js';

const STATUSES = ['in_progress', 'accepted', 'rejected', 'done', 'revoked'];

/**
 * The ticket's casework: its case code and the numbers that joined by it, referrals with
 * consent and outcome, the person's earlier tickets, and (closed tickets) reopen or write.
 */
export function createCaseworkPanel({ i18n, api, me, role, onReload }) {
  const root = el('section', { class: 'panel casework', 'aria-labelledby': 'casework-title' });
  let ticket = null;
  let services = null;
  let issued = null;
  let history = [];
  const t = (key, params) => i18n.t(`casework.${key}`, params);

  const mayWork = () =>
    ticket &&
    (role === 'supervisor' || ticket.assignee === me) &&
    (ticket.status === 'active' || role === 'supervisor');
  const follows = () => ticket && (role === 'supervisor' || ticket.assignee === me);

  async function act(fn) {
    feedback.textContent = '';
    try {
      await fn();
    } catch (error) {
      feedback.textContent = error.body?.message ?? i18n.t('errors.generic');
      return;
    }
    onReload();
  }
  const feedback = el('p', { class: 'form-feedback', role: 'alert' });

  function codeSection() {
    const code = ticket.caseCode;
    const lines = [];
    if (issued && issued.ticketId === ticket.id) {
      lines.push(
        el('p', { class: 'case-code-issued', text: t('issued', { code: issued.code, pin: issued.pin }) }),
      );
    }
    lines.push(el('p', { class: 'case-code', text: code ? t('code', { code: code.code }) : t('noCode') }));
    for (const j of ticket.joinedNumbers ?? [])
      lines.push(
        el('p', {
          class: 'case-joined',
          text: t('joined', { address: j.maskedAddress, clock: formatClock(j.at, i18n.locale) }),
        }),
      );
    const buttons = [];
    if (mayWork() && ticket.status !== 'closed')
      buttons.push(
        el('button', {
          type: 'button',
          class: 'button',
          text: t(code ? 'newCode' : 'giveCode'),
          onclick: () =>
            act(async () => {
              const res = await api.issueCode(ticket.id);
              issued = { ...res, ticketId: ticket.id };
            }),
        }),
      );
    if (code && follows())
      buttons.push(
        el('button', {
          type: 'button',
          class: 'button',
          text: t('revoke'),
          onclick: () => act(() => api.revokeCode(ticket.id)),
        }),
      );
    return el('div', { class: 'case-code-box' }, el('h4', { text: t('codeTitle') }), lines, buttons);
  }

  function referralRow(r) {
    const consent =
      r.consent_for_services === null
        ? t(r.consent_asked_at ? 'consentAsked' : 'consentNone')
        : t(r.consent_for_services ? 'consentYes' : 'consentNo', { how: t(`source.${r.consent_source}`) });
    const status = el(
      'select',
      { class: 'input', 'aria-label': t('status'), disabled: !follows() },
      STATUSES.map((s) => el('option', { value: s, text: t(`statuses.${s}`), selected: s === r.status })),
    );
    status.addEventListener('change', () =>
      act(() => api.updateReferral(ticket.id, r.id, { status: status.value })),
    );
    const reason = el('input', {
      class: 'input',
      'aria-label': t('reason'),
      placeholder: t('reason'),
      value: r.reason_not_successful ?? '',
    });
    const buttons = follows()
      ? [
          ticket.status === 'active' && r.consent_for_services === null
            ? el('button', {
                type: 'button',
                class: 'button',
                text: t('askConsent'),
                onclick: () => act(() => api.askConsent(ticket.id, r.id)),
              })
            : null,
          r.consent_for_services === null
            ? el('button', {
                type: 'button',
                class: 'button',
                text: t('statedConsent'),
                onclick: () =>
                  act(() =>
                    api.updateReferral(ticket.id, r.id, {
                      consent_for_services: true,
                      disclosure_other_orgs: true,
                    }),
                  ),
              })
            : null,
          el('button', {
            type: 'button',
            class: 'button',
            text: t('notSuccessful'),
            onclick: () =>
              act(() =>
                api.updateReferral(ticket.id, r.id, {
                  service_implemented: 'not_implemented',
                  reason_not_successful: reason.value.trim() || null,
                }),
              ),
          }),
          r.primero_case_id && r.consent_for_services === true
            ? el('button', {
                type: 'button',
                class: 'button',
                text: t('push'),
                onclick: () => act(() => api.pushReferral(ticket.id, r.id)),
              })
            : null,
        ]
      : [];
    return el(
      'li',
      { class: 'referral', dataset: { referral: r.id } },
      el('p', { class: 'referral-what', text: `${r.service_implementing_agency} · ${r.service_type}` }),
      el('p', { class: 'referral-consent', text: consent }),
      r.pushed_at
        ? el('p', { class: 'referral-pushed', text: t('pushed', { id: r.primero_referral_id ?? '' }) })
        : null,
      status,
      follows() ? reason : null,
      buttons,
    );
  }

  function referralForm() {
    if (!follows()) return null;
    const agency = el('input', {
      class: 'input',
      id: 'referral-agency',
      list: 'referral-services',
      required: true,
    });
    const kind = el('input', { class: 'input', id: 'referral-type', required: true });
    const primero = el('input', { class: 'input', id: 'referral-primero' });
    const list = el(
      'datalist',
      { id: 'referral-services' },
      (services ?? []).map((s) => el('option', { value: s.name })),
    );
    const form = el(
      'form',
      { class: 'referral-form' },
      el('label', { for: 'referral-agency', text: t('agency') }),
      agency,
      list,
      el('label', { for: 'referral-type', text: t('serviceType') }),
      kind,
      el('label', { for: 'referral-primero', text: t('primeroCase') }),
      primero,
      el('button', { type: 'submit', class: 'button button-primary', text: t('addReferral') }),
    );
    agency.addEventListener('change', () => {
      const hit = (services ?? []).find((s) => s.name === agency.value);
      if (hit && !kind.value) kind.value = hit.kind;
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!agency.value.trim() || !kind.value.trim()) return;
      const hit = (services ?? []).find((s) => s.name === agency.value);
      act(() =>
        api.addReferral(ticket.id, {
          service_implementing_agency: agency.value.trim(),
          service_type: kind.value.trim(),
          service_id: hit?.id ?? null,
          primero_case_id: primero.value.trim() || null,
        }),
      );
    });
    return form;
  }

  function closedSection() {
    if (ticket.status !== 'closed' || !follows()) return null;
    const text = el('textarea', { class: 'input', id: 'follow-up-text', rows: 2 });
    const form = el(
      'form',
      { class: 'follow-up' },
      el('label', { for: 'follow-up-text', text: t('followUp') }),
      text,
      el('button', { type: 'submit', class: 'button', text: t('send') }),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (text.value.trim()) act(() => api.followUp(ticket.id, text.value.trim()));
    });
    return el(
      'div',
      {},
      el('button', {
        type: 'button',
        class: 'button',
        text: t('reopen'),
        onclick: () => act(() => api.reopen(ticket.id)),
      }),
      form,
    );
  }

  function render() {
    if (!ticket) return;
    replaceChildren(
      root,
      el('h3', { id: 'casework-title', text: t('title') }),
      codeSection(),
      el('h4', { text: t('referrals') }),
      el('ul', { class: 'referrals' }, (ticket.referrals ?? []).map(referralRow)),
      referralForm(),
      closedSection(),
      el('h4', { text: t('earlier') }),
      history.length
        ? el(
            'ul',
            { class: 'earlier-tickets' },
            history.map((h) =>
              el(
                'li',
                {},
                el('a', {
                  href: `#/t/${encodeURIComponent(h.id)}`,
                  text: `${formatClock(h.createdAt, i18n.locale)} · ${i18n.label('status', h.status)}${h.outcome ? ` · ${i18n.label('outcome', h.outcome)}` : ''}`,
                }),
              ),
            ),
          )
        : el('p', { class: 'muted', text: t('noEarlier') }),
      feedback,
    );
  }

  return {
    root,
    async show(next) {
      const switched = next.id !== ticket?.id;
      ticket = next;
      if (switched) history = [];
      render();
      services ??= (await api.services().catch(() => ({ services: [] }))).services;
      history = (await api.history(next.id).catch(() => ({ tickets: [] }))).tickets;
      if (ticket?.id === next.id) render();
    },
    rerender: render,
  };
}
