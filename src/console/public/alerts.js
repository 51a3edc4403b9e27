/**
 * How staff notice a new ticket without watching the screen: a short beep for safety tickets
 * (WebAudio, allowed only after the user has clicked or typed once), a count in the tab title,
 * and screen-reader announcements through two live regions.
 */
const SOUND_KEY = 'faro.console.sound';

export function createAlerts({ politeRegion, assertiveRegion }) {
  let audio = null;
  let baseTitle = document.title;
  let soundOn = readSoundSetting();
  const pending = new Set();
  const listeners = new Set();

  function unlockAudio() {
    const Context = window.AudioContext ?? window.webkitAudioContext;
    if (!Context) return;
    audio ??= new Context();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
  }
  // Autoplay rules: an AudioContext may only start inside a user gesture.
  document.addEventListener('pointerdown', unlockAudio, { once: true, capture: true });
  document.addEventListener('keydown', unlockAudio, { once: true, capture: true });

  function beep() {
    if (!soundOn || !audio || audio.state !== 'running') return;
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.22, 660],
    ]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.2);
    }
  }

  function updateTitle() {
    document.title = pending.size > 0 ? `(${pending.size}) ${baseTitle}` : baseTitle;
    for (const listener of listeners) listener(pending.size);
  }

  function say(region, message) {
    // Clearing first makes a repeated message be read again.
    region.textContent = '';
    setTimeout(() => {
      region.textContent = message;
    }, 50);
  }

  return {
    /** A ticket became a waiting safety ticket: beep, count it, announce it urgently. */
    safety(ticketId, message) {
      pending.add(ticketId);
      beep();
      updateTitle();
      say(assertiveRegion, message);
    },
    /** The ticket was opened, claimed or closed: it no longer needs attention. */
    acknowledge(ticketId) {
      if (pending.delete(ticketId)) updateTitle();
    },
    clear() {
      pending.clear();
      updateTitle();
    },
    announce(message) {
      say(politeRegion, message);
    },
    setBaseTitle(title) {
      baseTitle = title;
      updateTitle();
    },
    get pendingIds() {
      return [...pending];
    },
    onPendingChange(listener) {
      listeners.add(listener);
    },
    get soundOn() {
      return soundOn;
    },
    setSound(on) {
      soundOn = on;
      try {
        localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
      } catch {
        // Storage disabled: the setting lasts for this page.
      }
    },
  };
}

function readSoundSetting() {
  try {
    return localStorage.getItem(SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}
