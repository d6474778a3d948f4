import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { languages, localeFolders, translatorFor } from './i18n.js';

type Catalogue = Record<string, unknown>;

function flatten(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    value && typeof value === 'object' ? flatten(value as Catalogue, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** Plural forms differ per language (pl: one/few/many/other, en: one/other): compare their base keys. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('i18n catalogues', () => {
  it('every locale folder has a Polish and an English file with the same keys', () => {
    const folders = localeFolders();
    assert.ok(folders.length >= 5, `found ${folders.length} locale folders`);
    for (const folder of folders) {
      const keys = languages.map((language) => {
        const catalogue = JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8')) as Catalogue;
        return new Set(flatten(catalogue).map(baseKey));
      });
      const [pl, en] = keys as [Set<string>, Set<string>];
      const missingInEnglish = [...pl].filter((k) => !en.has(k));
      const missingInPolish = [...en].filter((k) => !pl.has(k));
      assert.deepEqual(missingInEnglish, [], `${folder}: keys missing in en.json`);
      assert.deepEqual(missingInPolish, [], `${folder}: keys missing in pl.json`);
    }
  });

  it('Polish plural keys carry every CLDR form (one, few, many, other)', () => {
    for (const folder of localeFolders()) {
      const keys = flatten(JSON.parse(readFileSync(join(folder, 'pl.json'), 'utf8')) as Catalogue);
      const plural = new Set(keys.filter((k) => /_(one|few|many|other)$/.test(k)).map(baseKey));
      for (const base of plural) {
        for (const form of ['one', 'few', 'many', 'other'])
          assert.ok(keys.includes(`${base}_${form}`), `${folder}: ${base}_${form}`);
      }
    }
  });

  it('every literal key used in the code exists in both languages', () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
          for (const match of readFileSync(path, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
        }
      }
    };
    walk(join(import.meta.dirname, '../..'));
    assert.ok(used.size > 50, `found ${used.size} keys`);
    for (const language of languages) {
      const t = translatorFor(language);
      const missing = [...used].filter((key) => t(key, { count: 1 }) === key);
      assert.deepEqual(missing, [], `keys missing in ${language}`);
    }
  });

  it('plurals follow CLDR: 1 organizacja, 2 organizacje, 5 organizacji, 22 organizacje', () => {
    const t = translatorFor('pl');
    const forms = [1, 2, 4, 5, 12, 21, 22, 25, 112, 1000].map((count) => t('ui.counts.organizations', { count }));
    assert.deepEqual(forms, [
      '1 organizacja',
      '2 organizacje',
      '4 organizacje',
      '5 organizacji',
      '12 organizacji',
      '21 organizacji',
      '22 organizacje',
      '25 organizacji',
      '112 organizacji',
      '1000 organizacji',
    ]);
    const en = translatorFor('en');
    assert.equal(en('ui.counts.organizations', { count: 1 }), '1 organisation');
    assert.equal(en('ui.counts.organizations', { count: 22 }), '22 organisations');
  });
});
