/**
 * Polish alphabetical order that both engines can sort by: a stored key. Letters follow the Polish
 * alphabet (a ą b c ć d e ę f g h i j k l ł m n ń o ó p q r s ś t u v w x y z ź ż), so Ł sorts after
 * L, Ó after O, Ś after S; case is ignored, digits come before letters, other characters are spaces.
 */
import { withoutDiacritics } from './search-text.js';

const alphabet = 'aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż';
const other: Record<string, string> = {
  ä: 'a',
  à: 'a',
  á: 'a',
  â: 'a',
  é: 'e',
  è: 'e',
  ë: 'e',
  í: 'i',
  ö: 'o',
  ô: 'o',
  ü: 'u',
  ú: 'u',
  ç: 'c',
  ř: 'r',
  š: 's',
  č: 'c',
  ž: 'z',
  ý: 'y',
};

export function polishSortKey(text: string): string {
  let key = '';
  let lastWasSpace = true;
  for (const raw of text.normalize('NFC').toLowerCase()) {
    const char = other[raw] ?? raw;
    const index = alphabet.indexOf(char);
    if (index >= 0) {
      key += String.fromCharCode(0x61 + Math.floor(index / 26)) + String.fromCharCode(0x61 + (index % 26));
      lastWasSpace = false;
    } else if (/[0-9]/.test(char)) {
      key += `0${char}`;
      lastWasSpace = false;
    } else if (!lastWasSpace) {
      key += ' ';
      lastWasSpace = true;
    }
  }
  return key.trimEnd();
}

/** A URL slug: Polish letters transliterated, lower case, hyphen-separated, at most 80 characters. */
export function slugify(text: string): string {
  return (
    withoutDiacritics(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'organizacja'
  );
}
