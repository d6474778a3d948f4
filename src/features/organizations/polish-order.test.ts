import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { polishSortKey, slugify } from './polish-order.js';

describe('Polish order and slugs', () => {
  it('sorts Ł after L, Ó after O, Ś after S, Ż after Ź, ignoring case', () => {
    const names = [
      'Żywiec',
      'Łódź',
      'lato',
      'Śrem',
      'Sopot',
      'Ostrów',
      'Ósemka',
      'źródło',
      'Zakopane',
      'Ćma',
      'Cieszyn',
      'Łaska',
      'Lublin',
    ];
    const sorted = [...names].sort((a, b) =>
      polishSortKey(a) < polishSortKey(b) ? -1 : polishSortKey(a) > polishSortKey(b) ? 1 : 0,
    );
    assert.deepEqual(sorted, [
      'Cieszyn',
      'Ćma',
      'lato',
      'Lublin',
      'Łaska',
      'Łódź',
      'Ostrów',
      'Ósemka',
      'Sopot',
      'Śrem',
      'Zakopane',
      'źródło',
      'Żywiec',
    ]);
    const collator = new Intl.Collator('pl');
    assert.deepEqual(sorted, [...names].sort(collator.compare), 'agrees with the Polish ICU collation');
  });

  it('ignores punctuation and quotes in names', () => {
    assert.equal(polishSortKey('Stowarzyszenie „Krokus”'), polishSortKey('stowarzyszenie krokus'));
  });

  it('makes ASCII slugs from Polish names', () => {
    assert.equal(slugify('Stowarzyszenie Społeczno-Kulturalne „Krokus”'), 'stowarzyszenie-spoleczno-kulturalne-krokus');
    assert.equal(slugify('Fundacja Źródło Łąk'), 'fundacja-zrodlo-lak');
    assert.equal(slugify('„”'), 'organizacja');
  });
});
