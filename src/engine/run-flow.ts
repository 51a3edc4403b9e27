import { initialTransition, transition } from 'xstate';
import { type FaroMachine, FLOW_VERSION, initialContext } from '../../flows/faro/machine.ts';
import type { Effect, FaroContext, FaroEvent } from '../../flows/faro/types.ts';
import { EFFECT_TYPES } from '../../flows/faro/types.ts';

export interface FlowState {
  value: unknown;
  context: FaroContext;
}

export interface FlowStep {
  state: FlowState;
  effects: Effect[];
  /** The saved state no longer fitted the machine (a deploy changed it): restarted at the menu. */
  restarted: boolean;
}

export type Mode = 'bot' | 'waiting' | 'staff';

/**
 * Steps the pure machine once. A snapshot saved by an older flow version is kept when it
 * still resolves, otherwise the user is put back at the menu with a short note; a bad
 * snapshot never becomes a 500 or a stuck conversation.
 */
export function runFlow({
  machine,
  saved,
  savedVersion,
  event,
}: {
  machine: FaroMachine;
  saved: FlowState | null;
  savedVersion: number | null;
  event: FaroEvent;
}): FlowStep {
  let snapshot: ReturnType<FaroMachine['resolveState']>;
  if (!saved) {
    snapshot = initialTransition(machine)[0];
  } else {
    try {
      snapshot = machine.resolveState({
        value: saved.value as never,
        context: migrateContext(saved.context),
      });
      if (savedVersion !== FLOW_VERSION && snapshot.status !== 'active') throw new Error('inactive');
    } catch {
      return restart(machine, saved.context);
    }
  }
  try {
    const [next, actions] = transition(machine, snapshot, event);
    const effects = actions
      .filter((a) => (EFFECT_TYPES as readonly string[]).includes(a.type))
      .map((a) => ({ type: a.type, ...(a.params as object) }) as Effect);
    return { state: { value: next.value, context: next.context }, effects, restarted: false };
  } catch {
    return restart(machine, saved?.context ?? null);
  }
}

function restart(machine: FaroMachine, old: Partial<FaroContext> | null): FlowStep {
  const context = { ...migrateContext(old), history: [], misses: 0 };
  const snapshot = machine.resolveState({ value: { bot: 'menu' }, context });
  return {
    state: { value: snapshot.value, context: snapshot.context },
    effects: [{ type: 'say', key: 'flow.restarted' }, { type: 'showMenu' }],
    restarted: true,
  };
}

/** Fills fields that older snapshots lack (additive changes need no version bump). */
function migrateContext(old: Partial<FaroContext> | null | undefined): FaroContext {
  const fresh = initialContext();
  if (!old || typeof old !== 'object') return fresh;
  return {
    ...fresh,
    ...old,
    profile: { ...fresh.profile, ...(old.profile ?? {}) },
    history: Array.isArray(old.history) ? old.history : [],
    topicsSeen: Array.isArray(old.topicsSeen) ? old.topicsSeen : [],
  };
}

export function modeOf(state: FlowState | null): Mode {
  const v = state?.value;
  if (v === 'waiting' || v === 'staff') return v;
  return 'bot';
}
