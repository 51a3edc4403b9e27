import { raise } from 'xstate';
import type { Route } from './route.ts';
import type { FaroContext, FaroEvent } from './types.ts';

type Args = { context: FaroContext; event: FaroEvent };

/**
 * Raises the internal GO event: the one place (the `bot` state's GO transitions) that knows how
 * to reach a screen, the menu, a person or a question, is used by every state that resolves one.
 */
export function goTo(
  route: Route | ((args: Args) => Route),
  extra: { mediaOnly?: (args: Args) => boolean } = {},
) {
  return raise(
    (args: Args) =>
      ({
        type: 'GO' as const,
        route: typeof route === 'function' ? route(args) : route,
        ...(extra.mediaOnly ? { mediaOnly: extra.mediaOnly(args) } : {}),
      }) as never,
  );
}
