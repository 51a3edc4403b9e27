import { el } from './element.js';
import { formatClock, isoTime } from './format-time.js';

/** Outbound statuses move forward only; a late "queued" must not overwrite "delivered". */
const STATUS_RANK = {
  held: -1,
  pending: 0,
  queued: 1,
  sending: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  failed: 5,
  undelivered: 5,
};
const FAILED = new Set(['failed', 'undelivered']);
const SENDERS = new Set(['user', 'bot', 'staff', 'system']);

/**
 * The conversation: user, bot and staff bubbles in a `role="log"` region so that new messages are
 * read out by screen readers. Message text is only ever set with textContent.
 */
export function createTranscript({ i18n, mediaUrl = () => null }) {
  const list = el('ol', { class: 'transcript-list' });
  const empty = el('p', { class: 'muted transcript-empty' });
  const heading = el('h3', { id: 'transcript-title', class: 'panel-title' });
  const scroller = el(
    'div',
    {
      class: 'transcript-scroll',
      role: 'log',
      'aria-live': 'polite',
      'aria-relevant': 'additions',
      'aria-labelledby': 'transcript-title',
      // A scrolling region must be reachable by keyboard to be scrolled.
      tabindex: '0',
    },
    empty,
    list,
  );
  const root = el(
    'section',
    { class: 'panel transcript', 'aria-labelledby': 'transcript-title' },
    heading,
    scroller,
  );

  let entries = [];
  /** Statuses that arrived before their message was shown (SSE can beat the POST's answer). */
  const earlyStatus = new Map();

  /** "asylum.who" → "Asilo › who"; a reply made of several blocks names each ("welcome menu"). */
  function screenName(screen) {
    return screen
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => {
        const [topic, ...rest] = id.split('.');
        const topicName = i18n.label('topic', topic);
        return rest.length > 0 ? `${topicName} › ${rest.join('.')}` : topicName;
      })
      .join(', ');
  }

  function statusChip(status) {
    const failed = FAILED.has(status);
    return el('span', {
      class: `delivery delivery-${STATUS_RANK[status] === undefined ? 'other' : status}${failed ? ' is-failed' : ''}`,
      text: i18n.t('transcript.delivery', { status: i18n.label('delivery', status) }),
    });
  }

  /**
   * Photos, PDFs and voice notes the person sent, loaded through Faro's staff route (never a
   * Twilio URL): Faro fetches each from Twilio with the session's ticket rights.
   */
  function mediaList(media) {
    return el(
      'ul',
      { class: 'entry-media' },
      ...media.map((m) => {
        const src = typeof m.sid === 'string' ? mediaUrl(m.sid) : null;
        const type = String(m.type ?? '')
          .split(';')[0]
          .trim()
          .toLowerCase();
        if (!src) return el('li', { text: i18n.t('transcript.media.unavailable', { type }) });
        if (type.startsWith('image/'))
          return el(
            'li',
            {},
            el('img', { src, alt: i18n.t('transcript.media.image'), class: 'media-image' }),
          );
        if (type.startsWith('audio/'))
          return el(
            'li',
            {},
            el('audio', {
              src,
              controls: '',
              preload: 'metadata',
              'aria-label': i18n.t('transcript.media.audio'),
            }),
          );
        if (type === 'application/pdf')
          return el(
            'li',
            {},
            el('a', { href: src, target: '_blank', rel: 'noopener', text: i18n.t('transcript.media.pdf') }),
          );
        return el('li', { text: i18n.t('transcript.media.unavailable', { type }) });
      }),
    );
  }

  function renderEntry(entry) {
    const from = SENDERS.has(entry.from) ? entry.from : 'system';
    const who =
      from === 'staff'
        ? i18n.t('transcript.staff', { name: entry.author ?? i18n.t('transcript.team') })
        : i18n.t(`transcript.from.${from}`);
    const meta = el(
      'p',
      { class: 'entry-meta' },
      el('span', { class: 'entry-who', text: who }),
      ' · ',
      el('time', { datetime: isoTime(entry.at), text: formatClock(entry.at, i18n.locale) }),
    );
    const bubble = el(
      'div',
      { class: 'bubble' },
      meta,
      from === 'bot' && entry.screen
        ? el('p', {
            class: 'entry-screen',
            text: i18n.t('transcript.screen', { screen: screenName(entry.screen) }),
          })
        : null,
      el('p', { class: 'entry-text', text: entry.text }),
      Array.isArray(entry.media) && entry.media.length > 0 ? mediaList(entry.media) : null,
      entry.status ? statusChip(entry.status) : null,
      entry.releasedAt
        ? el('p', {
            class: 'entry-released',
            text: i18n.t('transcript.released', { time: formatClock(entry.releasedAt, i18n.locale) }),
          })
        : null,
    );
    return el(
      'li',
      { class: `entry entry-${from}`, dataset: entry.messageId ? { messageId: entry.messageId } : {} },
      bubble,
    );
  }

  function nearBottom() {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  }

  function applyEarlyStatus(entry) {
    const status = entry.messageId ? earlyStatus.get(entry.messageId) : undefined;
    if (status && (STATUS_RANK[status] ?? 0) >= (STATUS_RANK[entry.status] ?? -1)) entry.status = status;
    if (entry.messageId) earlyStatus.delete(entry.messageId);
  }

  function render() {
    heading.textContent = i18n.t('transcript.title');
    empty.textContent = entries.length === 0 ? i18n.t('transcript.empty') : '';
    empty.hidden = entries.length > 0;
    list.replaceChildren(...entries.map(renderEntry));
  }

  return {
    root,
    /** Replace everything (a ticket was opened or re-read). */
    show(newEntries) {
      entries = newEntries.map((entry) => ({ ...entry }));
      earlyStatus.clear();
      render();
      scroller.scrollTop = scroller.scrollHeight;
    },
    rerender: render,
    /** A new message; the same outbound message twice (POST answer + SSE) is shown once. */
    add(entry) {
      if (entry.messageId) {
        const existing = entries.find((e) => e.messageId === entry.messageId);
        if (existing) {
          if (entry.status) this.setStatus(entry.messageId, entry.status);
          return;
        }
      }
      const copy = { ...entry };
      applyEarlyStatus(copy);
      const stick = nearBottom();
      entries.push(copy);
      empty.hidden = true;
      list.append(renderEntry(copy));
      if (stick) scroller.scrollTop = scroller.scrollHeight;
    },
    setStatus(messageId, status) {
      const entry = entries.find((e) => e.messageId === messageId);
      if (!entry) {
        earlyStatus.set(messageId, status);
        return;
      }
      if ((STATUS_RANK[status] ?? 0) < (STATUS_RANK[entry.status] ?? -1)) return;
      entry.status = status;
      const item = list.querySelector(`[data-message-id="${CSS.escape(messageId)}"]`);
      if (!item) return;
      const bubble = item.querySelector('.bubble');
      bubble.querySelector('.delivery')?.remove();
      bubble.append(statusChip(status));
    },
  };
}
