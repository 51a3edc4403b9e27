/**
 * UI strings from `/console/locales/<lng>.json` (served from `locales/<lng>/console.json`).
 * Spanish is the source and the fallback for any missing key. `{{name}}` is replaced by a
 * parameter; `count` picks `key_one` / `key_other` by the language's plural rules.
 */
export const UI_LANGUAGES = ['es', 'en'];
const FALLBACK = 'es';
const STORAGE_KEY = 'faro.console.lang';

export async function createI18n({ base = '/console/locales' } = {}) {
  const cache = new Map();
  let lang = FALLBACK;
  let strings = {};
  let fallback = {};

  async function fetchStrings(lng) {
    if (!cache.has(lng)) {
      const res = await fetch(`${base}/${lng}.json`, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`locale ${lng}: ${res.status}`);
      cache.set(lng, await res.json());
    }
    return cache.get(lng);
  }

  async function setLanguage(lng) {
    const wanted = UI_LANGUAGES.includes(lng) ? lng : FALLBACK;
    fallback = await fetchStrings(FALLBACK);
    try {
      strings = wanted === FALLBACK ? fallback : await fetchStrings(wanted);
      lang = wanted;
    } catch {
      strings = fallback;
      lang = FALLBACK;
    }
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
    document.documentElement.lang = lang;
  }

  function lookup(table, key) {
    let node = table;
    for (const part of key.split('.')) {
      if (node === null || typeof node !== 'object') return undefined;
      node = node[part];
    }
    return typeof node === 'string' ? node : undefined;
  }

  function find(key, params) {
    if (params && typeof params.count === 'number') {
      const category = new Intl.PluralRules(lang).select(params.count);
      for (const table of [strings, fallback]) {
        const found = lookup(table, `${key}_${category}`) ?? lookup(table, `${key}_other`);
        if (found !== undefined) return found;
      }
    }
    return lookup(strings, key) ?? lookup(fallback, key);
  }

  /** The string for `key`, or the key itself when no locale has it (visible, never blank). */
  function t(key, params) {
    const template = find(key, params);
    if (template === undefined) return key;
    if (!params) return template;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name) =>
      params[name] === undefined || params[name] === null ? whole : String(params[name]),
    );
  }

  /** `t` for an enum value, falling back to the raw value when the locale does not name it. */
  function label(group, value) {
    if (value === null || value === undefined) return t('common.none');
    return find(`${group}.${value}`) === undefined ? String(value) : t(`${group}.${value}`);
  }

  /**
   * Fills static markup: `data-i18n="key"` sets the text, `data-i18n-attr="attr:key;attr2:key2"`
   * sets attributes (placeholder, aria-label, title).
   */
  function translateStatic(root = document) {
    for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of root.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of node.dataset.i18nAttr.split(';')) {
        const [attr, key] = pair.split(':').map((s) => s.trim());
        if (attr && key) node.setAttribute(attr, t(key));
      }
    }
  }

  let initial = FALLBACK;
  try {
    initial = localStorage.getItem(STORAGE_KEY) ?? FALLBACK;
  } catch {
    // No storage: Spanish.
  }
  await setLanguage(initial);

  return {
    t,
    label,
    translateStatic,
    setLanguage,
    get lang() {
      return lang;
    },
    /** BCP 47 tag for Intl formatting: Mexican Spanish, US English. */
    get locale() {
      return lang === 'es' ? 'es-MX' : 'en-US';
    },
  };
}
