import type { Screen, ServiceKind, Topic } from '../../flows/content/types.ts';
import type { Effect, Profile } from '../../flows/faro/types.ts';
import type { Lang } from '../channels/inbound-message.ts';
import type { I18n } from '../i18n/create-i18n.ts';

export interface ReplyBlock {
  text: string;
  /** The screen or prompt shown, for the staff transcript and metrics. */
  screen?: string;
}

export type ServicesText = (args: { lang: Lang; kinds: ServiceKind[]; profile: Profile }) => string;

export type ComposeReply = (effects: Effect[], who: { lang: Lang; profile: Profile }) => ReplyBlock[];

/**
 * Turns a step's display effects into text blocks in the user's language. Only text: which
 * channel, how many segments and how to split is the renderer's job.
 */
export function createComposeReply({
  i18n,
  topics,
  servicesText,
  defaults = {},
}: {
  i18n: I18n;
  topics: Topic[];
  servicesText: ServicesText;
  /** Params every message may use, e.g. `days` of retention in the privacy note. */
  defaults?: Record<string, unknown>;
}): ComposeReply {
  const screens = new Map<string, Screen>(topics.flatMap((t) => t.screens.map((s) => [s.id, s] as const)));

  return (effects, { lang, profile }) => {
    const t = i18n.t(lang);
    const blocks: ReplyBlock[] = [];
    for (const effect of effects) {
      switch (effect.type) {
        case 'say': {
          const tt = effect.lang ? i18n.t(effect.lang) : t;
          blocks.push({ text: tt(effect.key, { ...defaults, ...effect.params }), screen: effect.key });
          break;
        }
        case 'showChoices': {
          // "¿Quieres saber…?" with each screen's own heading as its label, and a person last.
          const labels = effect.ids.map((id) => screenTitle(t(screens.get(id)?.text ?? id)));
          labels.push(t('options.person'));
          const list = labels.map((label, i) => `${i + 1} ${label}`).join('\n');
          blocks.push({ text: `${t('clarify.ask')}\n${list}\n\n${t('clarify.other')}`, screen: 'clarify' });
          break;
        }
        case 'showMenu':
          blocks.push({ text: t('menu'), screen: 'menu' });
          break;
        case 'showScreen': {
          const screen = screens.get(effect.id);
          if (!screen) break;
          const options = screen.options.map((o, i) => `${i + 1} ${t(o.label)}`).join('\n');
          const services = screen.services
            ? servicesText({ lang, kinds: screen.services.kinds, profile })
            : '';
          const text = [t(screen.text), services, options, t('nav.footer')].filter(Boolean).join('\n\n');
          blocks.push({ text, screen: screen.id });
          break;
        }
        case 'showServices':
          blocks.push({ text: servicesText({ lang, kinds: effect.kinds, profile }), screen: 'services' });
          break;
        default:
          break;
      }
    }
    return blocks.filter((b) => b.text.trim().length > 0);
  };
}

/** The heading of a screen's text ("*¿Hasta cuándo puedo pedirlo?*"), without its stars. */
export function screenTitle(text: string): string {
  const first = text.split('\n')[0] ?? '';
  return first.replace(/^\*(.*)\*$/, '$1').trim();
}
