import type { City } from '../types.ts';

/** City names as people write them (notation: see PhraseSpec). Stems take "tapachul", "tapachulteco". */
export const CITY_NAMES: Readonly<Record<City, readonly string[]>> = {
  // "Tapa" is what people there call it.
  tapachula: ['tapachul*', '=tapa'],
  // "Ciudad Hidalgo", "Cd. Hidalgo" and plain "Hidalgo" all name the same border town here.
  ciudad_hidalgo: ['hidalgo'],
  huixtla: ['huixtla|uixtla|wixtla|huistla|huixtlan'],
  tuxtla: ['tuxtla|tuxla|tustla'],
  tenosique: ['tenosique|tenosike'],
  palenque: ['palenque|palenke'],
  villahermosa: ['villahermosa|vhsa', 'villa hermosa'],
};
