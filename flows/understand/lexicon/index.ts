import type { Lang } from '../../../src/channels/inbound-message.ts';
import type { Lexicon } from '../types.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ht } from './ht.ts';
import { pt } from './pt.ts';

/**
 * Every language's lexicon. Matchers read all of them for every message: people switch
 * language mid-conversation and a disclosure must be heard whatever language was chosen.
 */
export const LEXICONS: readonly Lexicon[] = [es, en, fr, ht, pt];
/** The language of each entry of LEXICONS, in the same order. */
export const LEXICON_LANGS: readonly Lang[] = ['es', 'en', 'fr', 'ht', 'pt'];

export { en, es, fr, ht, pt };
