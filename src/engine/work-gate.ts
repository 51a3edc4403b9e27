/**
 * How many more conversations a worker takes on now. While the webhook thread of the same
 * process is saturated (a burst of webhooks, FARO_ROLE=all with a work thread), Twilio's
 * webhooks come first: the worker takes one conversation every `trickleMs` instead of all it
 * can, so the work never stops but leaves the CPU and Redis to the webhooks; the rest waits in
 * Redis (the pending set and the work list) until the burst is over.
 */
export function createWorkGate({
  max,
  webBusy,
  trickleMs = 100,
  now = () => performance.now(),
}: {
  /** Conversations in hand at most when nothing else needs the CPU. */
  max: number;
  /** Whether the webhook thread is saturated now (none: never). */
  webBusy?: () => boolean;
  trickleMs?: number;
  now?: () => number;
}) {
  let lastTaken = Number.NEGATIVE_INFINITY;
  return {
    room(inFlight: number): number {
      if (!webBusy?.()) return Math.max(0, max - inFlight);
      return inFlight === 0 && now() - lastTaken >= trickleMs ? 1 : 0;
    },
    /** Call when conversations were taken on. */
    took() {
      lastTaken = now();
    },
  };
}

export type WorkGate = ReturnType<typeof createWorkGate>;
