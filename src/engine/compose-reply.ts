import type { Screen, ServiceKind, Topic } from '../../flows/content/types.ts';
import type { Effect, Profile } from '../../flows/faro/types.ts';
import type { Lang } from '../channels/inbound-message.ts';
import { tapPayload } from '../channels/twilio/content/tap-payload.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import { numberedChoices, type TapChoices } from './tap-choices.ts';

export interface ReplyBlock {
  text: string;
  /** The screen or prompt shown, for the staff transcript and metrics. */
  screen?: string;
  /**
   * Set when the block is a fixed message with choices: on WhatsApp it can go as a list or
   * buttons (a content resource) instead of numbered text. Never set for text that changes
   * from person to person (places near them, the closest screens to a question).
   */
  tap?: TapChoices;
}

/** Messages that are a question with numbered answers, the same for everyone. */
export const TAP_MESSAGES = [
  'welcome',
  'language.choose',
  'profile.city.ask',
  'profile.age.ask',
  'safety.check',
  'danger.check',
  'report.what',
  'report.where',
  'report.when',
  'report.who',
] as const;
const TAP_SET: ReadonlySet<string> = new Set(TAP_MESSAGES);

export type ServicesText = (args: { lang: Lang; kinds: ServiceKind[]; profile: Profile }) => string;

export type NearbyText = (args: { lang: Lang; at: { latitude: number; longitude: number } }) => string;

export type ComposeReply = (effects: Effect[], who: { lang: Lang; profile: Profile }) => ReplyBlock[];

/**
 * Turns a step's display effects into text blocks in the user's language. Only text: which
 * channel, how many segments and how to split is the renderer's job.
 */
export function createComposeReply({
  i18n,
  topics,
  servicesText,
  nearbyText,
  defaults = {},
}: {
  i18n: I18n;
  topics: Topic[];
  servicesText: ServicesText;
  /** The places nearest to a shared location (none: the effect says nothing). */
  nearbyText?: NearbyText;
  /** Params every message may use, e.g. `days` of retention in the privacy note. */
  defaults?: Record<string, unknown>;
}): ComposeReply {
  const screens = new Map<string, Screen>(topics.flatMap((t) => t.screens.map((s) => [s.id, s] as const)));
  // A block that is the same for everyone (the menu, a screen without places, a fixed question)
  // is built once per language: its text and its list never change while the process runs.
  const fixed = new Map<string, ReplyBlock>();
  const once = (key: string, build: () => ReplyBlock): ReplyBlock => {
    let block = fixed.get(key);
    if (!block) {
      block = build();
      fixed.set(key, block);
    }
    return block;
  };

  const tapSay = (key: string, lang: Lang): ReplyBlock => {
    const t = i18n.t(lang);
    const text = t(key, defaults);
    const found = numberedChoices(text);
    const tap = found && { key, lang, button: t('tap.button'), ...found };
    return { text, screen: key, ...(tap && { tap }) };
  };

  const menu = (lang: Lang): ReplyBlock => {
    const t = i18n.t(lang);
    const text = t('menu');
    const found = numberedChoices(text);
    const tap = found && { key: 'menu', lang, button: t('tap.button'), ...found };
    return { text, screen: 'menu', ...(tap && { tap }) };
  };

  const screenBlock = (screen: Screen, lang: Lang, profile: Profile): ReplyBlock => {
    const t = i18n.t(lang);
    const labels = screen.options.map((o) => t(o.label));
    const options = labels.map((label, i) => `${i + 1} ${label}`).join('\n');
    const services = screen.services ? servicesText({ lang, kinds: screen.services.kinds, profile }) : '';
    const text = [t(screen.text), services, options, t('nav.footer')].filter(Boolean).join('\n\n');
    // A screen that lists places differs by city: it stays text.
    const tap: TapChoices | undefined = screen.services
      ? undefined
      : {
          key: `screen.${screen.id}`,
          lang,
          body: t(screen.text),
          button: t('tap.button'),
          rows: [
            ...labels.map((label, i) => ({ id: tapPayload(i + 1), label })),
            { id: tapPayload(0), label: t('options.menu') },
            { id: tapPayload('back'), label: t('options.back') },
          ],
        };
    return { text, screen: screen.id, ...(tap && { tap }) };
  };

  return (effects, { lang, profile }) => {
    const t = i18n.t(lang);
    const blocks: ReplyBlock[] = [];
    for (const effect of effects) {
      switch (effect.type) {
        case 'say': {
          const sayLang = effect.lang ?? lang;
          if (TAP_SET.has(effect.key) && !effect.params) {
            blocks.push(once(`say|${effect.key}|${sayLang}`, () => tapSay(effect.key, sayLang)));
            break;
          }
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
          blocks.push(once(`menu|${lang}`, () => menu(lang)));
          break;
        case 'showScreen': {
          const screen = screens.get(effect.id);
          if (!screen) break;
          blocks.push(
            screen.services
              ? screenBlock(screen, lang, profile)
              : once(`screen|${screen.id}|${lang}`, () => screenBlock(screen, lang, profile)),
          );
          break;
        }
        case 'showServices':
          blocks.push({ text: servicesText({ lang, kinds: effect.kinds, profile }), screen: 'services' });
          break;
        case 'showNearby':
          if (nearbyText) {
            const at = { latitude: effect.latitude, longitude: effect.longitude };
            blocks.push({ text: nearbyText({ lang, at }), screen: 'nearby' });
          }
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
