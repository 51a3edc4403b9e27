import { assign } from 'xstate';
import type { Screen, Topic } from '../content/types.ts';
import type { FaroContext, FaroEvent } from './types.ts';

/**
 * Topic screens become states of the machine, generated from the content data, so that
 * every screen is a real state that `xstate/graph` can reach and test.
 */
interface ScreenRef {
  topic: Topic;
  screen: Screen;
}
type Args = { context: FaroContext; event: FaroEvent };
const u = (event: FaroEvent) => (event.type === 'MESSAGE' ? event.u : null);

export function screenState({
  topic,
  screen,
  stateKey,
  notUnderstood,
}: {
  topic: Topic;
  screen: Screen;
  screens: ScreenRef[];
  stateKey: (id: string) => string;
  notUnderstood: (reprompt: object) => object[];
}) {
  const isRoot = topic.screens[0]?.id === screen.id;
  // A screen with services lists them itself (between its text and its options).
  const entry: object[] = [{ type: 'showScreen', params: { id: screen.id } }];
  if (isRoot) {
    entry.push(
      assign({
        topicsSeen: ({ context }: Args) =>
          context.topicsSeen.includes(topic.id) ? context.topicsSeen : [...context.topicsSeen, topic.id],
      }),
    );
  }

  const options = screen.options.map((option, i) => {
    const chosen = ({ event }: Args) => {
      const m = u(event);
      return Boolean(
        m && !m.risk && (!m.command || m.command === 'yes' || m.command === 'no') && m.number === i + 1,
      );
    };
    if ('screen' in option.to) {
      const next = option.to.screen;
      return {
        guard: chosen,
        target: stateKey(next),
        actions: ['resetMisses', assign({ history: ({ context }: Args) => [...context.history, next] })],
      };
    }
    if (option.to.action === 'person') {
      return {
        guard: chosen,
        target: '#faro.waiting',
        actions: ['resetMisses', { type: 'escalate', params: { reason: 'asked' } }],
      };
    }
    return { guard: chosen, target: '#faro.bot.menu', actions: ['resetMisses', assign({ history: [] })] };
  });

  const transitions: object[] = [...options];
  if (screen.services) {
    // Naming a city on a screen that lists services shows that city's services.
    transitions.push({
      guard: ({ event }: Args) => {
        const m = u(event);
        return Boolean(
          m &&
            !m.risk &&
            m.city &&
            m.number === null &&
            (!m.command || m.command === 'yes' || m.command === 'no'),
        );
      },
      target: stateKey(screen.id),
      reenter: true,
      actions: [
        'resetMisses',
        assign({ profile: ({ context, event }: Args) => ({ ...context.profile, city: u(event)!.city }) }),
      ],
    });
  }
  return {
    entry,
    on: { MESSAGE: [...transitions, ...notUnderstood({ type: 'showScreen', params: { id: screen.id } })] },
  };
}

/**
 * Transitions at the `bot` level, tried after a screen's own: a topic named in words opens
 * that topic from anywhere, and BACK returns to the screen before.
 */
export function screenTransitions(screens: ScreenRef[], stateKey: (id: string) => string) {
  const roots = screens.filter(({ topic, screen }) => topic.screens[0]?.id === screen.id);
  const back = screens.map(({ screen }) => ({
    guard: ({ context, event }: Args) => u(event)?.command === 'back' && context.history.at(-2) === screen.id,
    target: `.${stateKey(screen.id)}`,
    actions: ['resetMisses', assign({ history: ({ context }: Args) => context.history.slice(0, -1) })],
  }));
  const topicByWord = roots.map(({ topic, screen }) => ({
    guard: ({ event }: Args) => {
      const m = u(event);
      return Boolean(m && m.number === null && m.command === null && m.topic === topic.id);
    },
    target: `.${stateKey(screen.id)}`,
    actions: ['resetMisses', assign({ history: [screen.id] })],
  }));
  return [...back, ...topicByWord];
}
