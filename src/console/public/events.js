/**
 * Live updates from `/api/staff/events` (Server-Sent Events). EventSource reconnects by itself
 * after a dropped connection; when the server refuses it outright (401, 5xx) the source closes and
 * we try again after a pause. `onState('live', { resumed })` tells the app to re-read what it may
 * have missed while disconnected.
 */
const RETRY_MS = 5_000;

export function connectEvents({ url = '/api/staff/events', handlers, onState }) {
  let source = null;
  let retryTimer = null;
  let lost = false;
  let stopped = false;

  function open() {
    source = new EventSource(url);
    source.addEventListener('open', () => {
      onState('live', { resumed: lost });
      lost = false;
    });
    source.addEventListener('error', () => {
      lost = true;
      if (source.readyState === EventSource.CLOSED) {
        onState('closed', {});
        if (!stopped) retryTimer = setTimeout(open, RETRY_MS);
      } else {
        onState('reconnecting', {});
      }
    });
    for (const [name, handler] of Object.entries(handlers)) {
      source.addEventListener(name, (event) => {
        let data;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        handler(data);
      });
    }
  }

  open();
  return {
    close() {
      stopped = true;
      clearTimeout(retryTimer);
      source?.close();
    },
  };
}
