import { assign } from 'xstate';
import type { Screen, Topic } from '../content/types.ts';
import { goTo } from './go-to.ts';
import type { FaroContext, FaroEvent } from './types.ts';

/**
 * Topic screens become states of the machine, generated from the content data, so that
 * every screen is a real state that `xstate/graph` can reach and test. A screen claims only
 * its own numbered options (and, on a screen that lists places, a city); everything else
 * the person writes is routed by the `bot` state.
 */
type Args = { context: FaroContext; event: FaroEvent };
const u = (event: FaroEvent) => (event.type === 'MESSAGE' ? event.u : null);

export function screenState({
  topic,
  screen,
  stateKey,
}: {
  topic: Topic;
  screen: Screen;
  stateKey: (id: string) => string;
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
    const route =
      'screen' in option.to
        ? { to: 'screen' as const, id: option.to.screen }
        : option.to.action === 'person'
          ? { to: 'person' as const }
          : { to: 'menu' as const };
    return { guard: chosen, actions: goTo(route) };
  });

  const transitions: object[] = [...options];
  if (screen.services) {
    // Naming a city on a screen that lists places shows that city's places.
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
  return { entry, on: { MESSAGE: transitions } };
}
