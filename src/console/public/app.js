import { createAlerts } from './alerts.js';
import { createApi } from './api.js';
import { openAuditLog } from './audit.js';
import { connectEvents } from './events.js';
import { createI18n } from './i18n.js';
import { setUpLogin } from './login.js';
import { belongsTo, createQueueView } from './queue.js';
import { createTicketView } from './ticket.js';
import { isSafety, spokenSummary } from './ticket-badges.js';
import { createTools, notify } from './tools.js';

const TICK_MS = 30_000;
const byId = (id) => document.getElementById(id);

/** The composition root: wires the views, the API, live events and alerts. */
async function main() {
  const i18n = await createI18n();
  const alerts = createAlerts({
    politeRegion: byId('announce-polite'),
    assertiveRegion: byId('announce-assertive'),
  });
  let session = null;

  const api = createApi({ onUnauthorized: () => endSession('errors.session') });
  const login = setUpLogin({ i18n, api, onLoggedIn: (result) => startSession(result) });

  function translatePage() {
    i18n.translateStatic();
    alerts.setBaseTitle(i18n.t('app.title'));
    const other = i18n.lang === 'es' ? 'en' : 'es';
    const toggle = byId('lang-toggle');
    toggle.textContent = i18n.t(`app.switchTo.${other}`);
    toggle.lang = other;
    toggle.setAttribute('aria-label', i18n.t(`app.switchToLabel.${other}`));
    renderSound();
    renderPending(alerts.pendingIds.length);
    session?.render();
  }

  byId('lang-toggle').addEventListener('click', async () => {
    await i18n.setLanguage(i18n.lang === 'es' ? 'en' : 'es');
    translatePage();
  });

  function renderSound() {
    const button = byId('sound-toggle');
    button.textContent = i18n.t(alerts.soundOn ? 'app.soundOn' : 'app.soundOff');
    button.setAttribute('aria-pressed', String(alerts.soundOn));
  }
  byId('sound-toggle').addEventListener('click', () => {
    alerts.setSound(!alerts.soundOn);
    renderSound();
  });

  function renderPending(count) {
    const pill = byId('safety-alert');
    pill.hidden = count === 0 || !session;
    pill.textContent = i18n.t('app.safetyPending', { count });
  }
  alerts.onPendingChange(renderPending);
  byId('safety-alert').addEventListener('click', () => {
    const [first] = alerts.pendingIds;
    if (first) openTicket(first);
  });

  function openTicket(id) {
    location.hash = `#/t/${encodeURIComponent(id)}`;
  }

  function startSession({ user }) {
    session?.stop();
    session = createSession({ i18n, api, alerts, user, openTicket, onEnded: endSession });
    byId('boot').hidden = true;
    login.hide();
    byId('console-view').hidden = false;
    translatePage();
  }

  function endSession(messageKey) {
    session?.stop();
    session = null;
    alerts.clear();
    byId('console-view').hidden = true;
    byId('boot').hidden = true;
    translatePage();
    login.show(messageKey);
  }

  byId('logout').addEventListener('click', async () => {
    try {
      await api.logout();
    } catch {
      // The session is gone either way on this side.
    }
    if (location.hash) history.replaceState(null, '', location.pathname);
    endSession(null);
  });

  translatePage();
  let restored;
  try {
    restored = await api.session();
  } catch {
    endSession(null);
    return;
  }
  startSession(restored);
}

/** Everything that exists while someone is logged in; `stop()` tears it down at logout. */
function createSession({ i18n, api, alerts, user, openTicket, onEnded }) {
  const me = user.username;
  /** Ticket id → the summary last seen: "new" and "raised to safety" alerts need it. */
  const known = new Map();
  const consoleView = byId('console-view');

  const tools = createTools({ root: byId('tools'), i18n, api, me, role: user.role });
  const queue = createQueueView({ root: byId('queue'), i18n, api, me, onOpen: openTicket });
  const ticketView = createTicketView({
    root: byId('ticket'),
    i18n,
    api,
    me,
    role: user.role,
    onBack: (id) => {
      history.pushState(null, '', location.pathname);
      route();
      if (id) queue.focusRow(id);
    },
    onTicket: (summary) => {
      known.set(summary.id, summary);
      queue.upsert(summary);
    },
  });

  const header = {
    whoami: byId('whoami'),
    audit: byId('audit-open'),
    // Supervisors only: agents have no way to the figures (and the API refuses them).
    stats: byId('stats-link'),
    logout: byId('logout'),
    sound: byId('sound-toggle'),
    live: byId('live-state'),
  };
  header.whoami.hidden = false;
  header.logout.hidden = false;
  header.sound.hidden = false;
  header.audit.hidden = user.role !== 'supervisor';
  header.stats.hidden = user.role !== 'supervisor';
  const openAudit = () => openAuditLog({ i18n, api, onOpenTicket: openTicket });
  header.audit.addEventListener('click', openAudit);
  let liveState = 'connecting';
  probeSimulator();

  function renderHeader() {
    header.whoami.textContent = i18n.t('app.whoami', { username: me, role: i18n.label('role', user.role) });
    header.live.hidden = false;
    header.live.className = `live-state live-${liveState}`;
    header.live.textContent = i18n.t(`app.live.${liveState}`);
  }

  function seed(tickets) {
    for (const ticket of tickets) known.set(ticket.id, ticket);
  }

  async function loadAll() {
    seed(await queue.load());
    // Waiting tells which tickets exist already (only new ones alert); mine, whose messages to flag.
    for (const status of ['waiting', 'mine']) {
      if (queue.tab === status) continue;
      const { tickets } = await api.tickets(status).catch(() => ({ tickets: [] }));
      seed(tickets);
    }
  }

  function onTicketEvent(summary) {
    // A ticket this staff member may not see (another agent took it): the server sends only its
    // id, status and holder. It leaves the queue; an open view of it learns who took it.
    if (!Array.isArray(summary.reasons)) {
      known.delete(summary.id);
      alerts.acknowledge(summary.id);
      queue.remove(summary.id);
      ticketView.applySummary(summary);
      return;
    }
    const previous = known.get(summary.id);
    const wasSafety = previous ? isSafety(previous) : undefined;
    const safetyNow = isSafety(summary);
    known.set(summary.id, summary);
    if (summary.status === 'waiting' && safetyNow && wasSafety !== true) {
      const key = wasSafety === undefined ? 'announce.newSafety' : 'announce.raisedSafety';
      alerts.safety(summary.id, i18n.t(key, { summary: spokenSummary(summary, i18n) }));
      notify(i18n.t('tools.notifySafety'), summary.maskedAddress);
    } else if (summary.status === 'waiting' && wasSafety === undefined) {
      alerts.announce(i18n.t('announce.newTicket', { summary: spokenSummary(summary, i18n) }));
    }
    if (summary.status !== 'waiting') alerts.acknowledge(summary.id);
    queue.upsert(summary);
    ticketView.applySummary(summary);
  }

  function onTranscriptEvent(data) {
    ticketView.addEntry(data);
    // A user wrote in one of my tickets while I look at another: flag the row and say so.
    const ticket = known.get(data.ticketId);
    if (
      data.entry?.from === 'user' &&
      data.ticketId !== ticketView.openId &&
      ticket &&
      belongsTo('mine', ticket, me)
    ) {
      queue.markUnread(data.ticketId);
      alerts.announce(i18n.t('announce.newMessage', { address: ticket.maskedAddress }));
    }
    if (data.entry?.from === 'user' && ticket && belongsTo('mine', ticket, me) && document.hidden)
      notify(i18n.t('tools.notifyReply'), ticket.maskedAddress);
  }

  const events = connectEvents({
    handlers: {
      ticket: onTicketEvent,
      transcript: onTranscriptEvent,
      status: (data) => ticketView.setStatus(data),
    },
    onState: (state, { resumed }) => {
      liveState = state === 'live' ? 'live' : 'reconnecting';
      renderHeader();
      if (state === 'live' && resumed) {
        // Events sent while we were away are lost: read the lists and the open ticket again.
        loadAll();
        if (ticketView.openId) ticketView.open(ticketView.openId, { focus: false });
      }
      // A refused stream may mean the session ended (expired, or logged out in another tab).
      if (state === 'closed') {
        api.session().catch((error) => {
          if (error.status === 401) onEnded('errors.session');
        });
      }
    },
  });

  function route() {
    const match = /^#\/t\/(.+)$/.exec(location.hash);
    const id = match ? decodeURIComponent(match[1]) : null;
    consoleView.classList.toggle('has-ticket', Boolean(id));
    queue.select(id);
    if (id) {
      alerts.acknowledge(id);
      if (id !== ticketView.openId) ticketView.open(id);
    } else {
      ticketView.clear();
    }
  }
  window.addEventListener('hashchange', route);

  const ticker = setInterval(() => {
    queue.tick();
    ticketView.tick();
  }, TICK_MS);

  loadAll();
  route();

  async function probeSimulator() {
    // The simulator exists only in the embedded mode; show its link only when its route answers.
    const link = byId('simulator-link');
    const controller = new AbortController();
    try {
      const res = await fetch('/api/dev/simulator/events?from=%2B5210000000000&channel=sms', {
        signal: controller.signal,
        headers: { accept: 'text/event-stream' },
      });
      link.hidden = !res.ok;
    } catch {
      link.hidden = true;
    } finally {
      controller.abort();
    }
  }

  return {
    render() {
      renderHeader();
      tools.render();
      queue.render();
      ticketView.rerender();
    },
    stop() {
      events.close();
      clearInterval(ticker);
      window.removeEventListener('hashchange', route);
      header.audit.removeEventListener('click', openAudit);
      for (const node of Object.values(header)) node.hidden = true;
      byId('simulator-link').hidden = true;
      byId('queue').replaceChildren();
      byId('tools').replaceChildren();
      byId('ticket').replaceChildren();
    },
  };
}

main().catch(() => {
  const boot = byId('boot');
  boot.hidden = false;
  // The locale files themselves failed: nothing translated to show, so both languages.
  boot.textContent =
    'No se pudo cargar la consola. Recarga la página. / The console could not load. Reload the page.';
});
