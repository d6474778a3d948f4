/**
 * i18next with Polish as the default and a complete English catalogue. Every feature keeps its
 * strings in `locales/pl.json` and `locales/en.json` under one top-level key (its name); they are
 * merged here at start. CLDR plurals come from Intl.PluralRules (`_one`, `_few`, `_many`, `_other`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction, type i18n } from 'i18next';

export const languages = ['pl', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'pl';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

const srcRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Every `locales` folder under src/, with the files it holds. */
export function localeFolders(root = srcRoot): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.name === 'locales') found.push(path);
      else walk(path);
    }
  };
  walk(root);
  return found.sort();
}

type Catalogue = Record<string, unknown>;

function merge(target: Catalogue, source: Catalogue): Catalogue {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (value && typeof value === 'object' && existing && typeof existing === 'object') {
      merge(existing as Catalogue, value as Catalogue);
    } else {
      target[key] = value;
    }
  }
  return target;
}

export function loadCatalogue(language: Language): Catalogue {
  const catalogue: Catalogue = {};
  for (const folder of localeFolders()) {
    merge(catalogue, JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8')) as Catalogue);
  }
  return catalogue;
}

let instance: i18n | undefined;

export function i18nInstance(): i18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.init({
    initAsync: false,
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    resources: {
      pl: { translation: loadCatalogue('pl') },
      en: { translation: loadCatalogue('en') },
    },
    interpolation: { escapeValue: false }, // Preact escapes on render
    returnNull: false,
  });
  instance = created;
  return created;
}

export type Translate = TFunction;

const translators = new Map<Language, Translate>();

/**
 * One translator per language, built once. A key looked up without options (most of a page's
 * labels) is remembered: i18next copies its whole options object on every call, which made
 * translation the largest cost of rendering a page (see docs/performance.md). Catalogues are
 * loaded once at start, so a remembered string never goes stale.
 */
export function translatorFor(language: Language): Translate {
  let translate = translators.get(language);
  if (translate) return translate;
  const instance = i18nInstance();
  const fixed = instance.getFixedT(language);
  const remembered = new Map<string, string>();
  const fast = (key: string | string[], options?: unknown, ...rest: unknown[]): unknown => {
    if (typeof key === 'string' && options === undefined && rest.length === 0) {
      let value = remembered.get(key);
      if (value === undefined) {
        value = String(fixed(key));
        remembered.set(key, value);
      }
      return value;
    }
    return (fixed as unknown as (...args: unknown[]) => unknown)(key, options, ...rest);
  };
  translate = fast as unknown as Translate;
  translators.set(language, translate);
  return translate;
}
