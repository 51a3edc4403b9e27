import { el } from './element.js';
import { formatClock, isoTime } from './format-time.js';
import { createI18n } from './i18n.js';
import { formatWhatsApp } from './whatsapp-format.js';

/**
 * The phone simulator (embedded mode only): a newcomer plays the user over SMS or WhatsApp
 * through the same engine, and sees Faro's replies as the phone would.
 */
const NUMBER = /^\+[1-9]\d{7,14}$/;
const SETTINGS_KEY = 'faro.simulator';
const RETRY_MS = 5_000;
const byId = (id) => document.getElementById(id);

async function main() {
  const i18n = await createI18n();
  const saved = readSettings();
  const form = byId('settings-form');
  const numberInput = byId('sim-number');
  const numberError = byId('sim-number-error');
  const stateLine = byId('sim-state');
  const messages = byId('sim-messages');
  const chat = byId('sim-chat');
  const empty = byId('sim-empty');
  const text = byId('sim-text');
  const sendButton = byId('sim-send');
  const sendError = byId('sim-error');

  let phone = { channel: saved.channel ?? 'whatsapp', from: saved.from ?? numberInput.value };
  let source = null;
  let retry = null;
  let state = 'connecting';
  const log = [];

  numberInput.value = phone.from;
  for (const radio of form.elements.channel) radio.checked = radio.value === phone.channel;

  function translate() {
    i18n.translateStatic();
    document.title = i18n.t('simulator.title');
    const other = i18n.lang === 'es' ? 'en' : 'es';
    const toggle = byId('lang-toggle');
    toggle.textContent = i18n.t(`app.switchTo.${other}`);
    toggle.lang = other;
    toggle.setAttribute('aria-label', i18n.t(`app.switchToLabel.${other}`));
    byId('phone-title').textContent = `${i18n.label('channel', phone.channel)} · ${phone.from}`;
    byId('phone-frame').classList.toggle('is-sms', phone.channel === 'sms');
    renderState();
    renderMessages();
  }

  function renderState() {
    const key = {
      live: 'simulator.connected',
      connecting: 'simulator.connecting',
      unavailable: 'simulator.unavailable',
    }[state];
    stateLine.textContent = i18n.t(key, {
      number: phone.from,
      channel: i18n.label('channel', phone.channel),
    });
    stateLine.classList.toggle('is-problem', state === 'unavailable');
  }

  function renderBody(message) {
    // SMS has no formatting: asterisks are just asterisks there.
    return phone.channel === 'whatsapp' && message.from === 'faro'
      ? formatWhatsApp(message.text)
      : [message.text];
  }

  function renderMessage(message) {
    const meta = [el('time', { datetime: isoTime(message.at), text: formatClock(message.at, i18n.locale) })];
    if (message.segments) {
      meta.push(
        ' · ',
        i18n.t('simulator.segments', { count: message.segments, encoding: message.encoding ?? '?' }),
      );
    }
    return el(
      'li',
      { class: `chat-message chat-${message.from}` },
      el('p', { class: 'chat-who', text: i18n.t(`simulator.${message.from === 'me' ? 'you' : 'faro'}`) }),
      el('p', { class: 'chat-text' }, renderBody(message)),
      el('p', { class: 'chat-meta' }, meta),
    );
  }

  function renderMessages() {
    empty.hidden = log.length > 0;
    messages.replaceChildren(...log.map(renderMessage));
    chat.scrollTop = chat.scrollHeight;
  }

  function add(message) {
    log.push(message);
    empty.hidden = true;
    messages.append(renderMessage(message));
    chat.scrollTop = chat.scrollHeight;
  }

  function setState(next) {
    state = next;
    renderState();
  }

  function connect() {
    source?.close();
    clearTimeout(retry);
    setState('connecting');
    const url = `/api/dev/simulator/events?from=${encodeURIComponent(phone.from)}&channel=${phone.channel}`;
    const current = new EventSource(url);
    source = current;
    current.addEventListener('open', () => setState('live'));
    current.addEventListener('reply', (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (typeof data.body !== 'string') return;
      add({
        from: 'faro',
        text: data.body,
        at: data.at ?? Date.now(),
        segments: data.segments,
        encoding: data.encoding,
      });
    });
    current.addEventListener('error', async () => {
      if (current.readyState !== EventSource.CLOSED || current !== source) return;
      // Refused outright: a 404 means this server has no simulator (production or Twilio configured).
      const res = await fetch(url, { method: 'GET', headers: { accept: 'text/event-stream' } }).catch(
        () => null,
      );
      res?.body?.cancel().catch(() => {});
      if (current !== source) return;
      if (res && res.status === 404) setState('unavailable');
      else {
        setState('connecting');
        retry = setTimeout(connect, RETRY_MS);
      }
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const from = numberInput.value.replace(/[\s-]/g, '');
    if (!NUMBER.test(from)) {
      numberError.textContent = i18n.t('simulator.numberInvalid');
      numberInput.setAttribute('aria-invalid', 'true');
      numberInput.focus();
      return;
    }
    numberError.textContent = '';
    numberInput.removeAttribute('aria-invalid');
    numberInput.value = from;
    phone = { channel: form.elements.channel.value, from };
    saveSettings(phone);
    log.length = 0;
    translate();
    connect();
    text.focus();
  });

  byId('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = text.value.trim();
    if (!body) return;
    sendError.textContent = '';
    sendButton.disabled = true;
    try {
      const res = await fetch('/api/dev/simulator/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ channel: phone.channel, from: phone.from, text: body }),
      });
      if (res.status === 404) setState('unavailable');
      if (!res.ok) throw new Error(String(res.status));
      add({ from: 'me', text: body, at: Date.now() });
      text.value = '';
    } catch {
      sendError.textContent = i18n.t(state === 'unavailable' ? 'simulator.unavailable' : 'simulator.failed');
    } finally {
      sendButton.disabled = false;
      text.focus();
    }
  });

  text.addEventListener('keydown', (event) => {
    // Enter sends, as on a phone keyboard; Shift+Enter makes a new line.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      byId('composer').requestSubmit();
    }
  });

  byId('sim-clear').addEventListener('click', () => {
    log.length = 0;
    renderMessages();
  });

  byId('lang-toggle').addEventListener('click', async () => {
    await i18n.setLanguage(i18n.lang === 'es' ? 'en' : 'es');
    translate();
  });

  translate();
  connect();
}

function readSettings() {
  try {
    const parsed = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}');
    const channel = parsed.channel === 'sms' || parsed.channel === 'whatsapp' ? parsed.channel : undefined;
    const from = typeof parsed.from === 'string' && NUMBER.test(parsed.from) ? parsed.from : undefined;
    return { channel, from };
  } catch {
    return {};
  }
}

function saveSettings(phone) {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(phone));
  } catch {
    // Storage disabled: the defaults come back on reload.
  }
}

main().catch(() => {
  document.body.append(
    el('p', {
      class: 'boot',
      text: 'No se pudo cargar el simulador. Recarga la página. / The simulator could not load.',
    }),
  );
});
