import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptySections } from './programme-sections.js';
import { findProvision, provisionContaining, provisionsOf, replaceWording } from './provisions.js';

function sample() {
  const s = emptySections();
  s.goals.main = 'Budowanie partnerstwa między administracją a organizacjami.';
  s.goals.specific = [{ text: 'Wzmocnienie potencjału organizacji.' }, { text: 'Promocja wolontariatu.' }];
  s.scope.text = 'Zakres obejmuje sfery z art. 4.';
  s.tasks.rows = [{ sphere: '1', task: 'Pomoc społeczna', unit: 'MOPS', mode: 'konkurs', amount: 1_000_000 }];
  s.resolution.paragraphs = [{ text: 'Przyjmuje się program.' }, { text: 'Wykonanie powierza się Prezydentowi.' }];
  return s;
}

describe('provisions of a programme version', () => {
  it('lists every provision in reading order with labels by statutory chapter', () => {
    const keys = provisionsOf(sample()).map((p) => `${p.key} | ${p.label}`);
    assert.deepEqual(keys.slice(0, 4), [
      'goals.main | Rozdział 1, cel główny',
      'goals.specific.0 | Rozdział 1, cel szczegółowy 1',
      'goals.specific.1 | Rozdział 1, cel szczegółowy 2',
      'principles.statutory.pomocniczości | Rozdział 2, zasada pomocniczości',
    ]);
    assert.ok(keys.includes('scope | Rozdział 3'));
    assert.ok(keys.includes('tasks.0 | Rozdział 5, zadanie 1'));
    assert.ok(keys.includes('resolution.paragraphs.1 | Uchwała, § 2'));
    assert.match(
      findProvision(sample(), 'tasks.0')!.wording,
      /Pomoc społeczna; komórka odpowiedzialna: MOPS; tryb: otwarty konkurs ofert; planowana kwota: 10\u00a0000,00\u00a0zł/,
    );
  });

  it('finds the provision a reader selected text in, whitespace and case folded', () => {
    assert.equal(provisionContaining(sample(), '  PROMOCJA\nwolontariatu ')?.key, 'goals.specific.1');
    assert.equal(provisionContaining(sample(), 'no such words'), undefined);
    assert.equal(provisionContaining(sample(), 'a'), undefined);
  });

  it('replaces one provision’s wording and leaves everything else alone', () => {
    const before = sample();
    const after = replaceWording(before, 'goals.specific.1', 'Promocja wolontariatu seniorów.')!;
    assert.equal(after.goals.specific[1]!.text, 'Promocja wolontariatu seniorów.');
    assert.equal(before.goals.specific[1]!.text, 'Promocja wolontariatu.');
    assert.deepEqual({ ...after, goals: before.goals }, before);
    assert.equal(replaceWording(before, 'scope', 'Nowy zakres.')!.scope.text, 'Nowy zakres.');
    assert.equal(replaceWording(before, 'resolution.paragraphs.0', 'X')!.resolution.paragraphs[0]!.text, 'X');
    assert.equal(replaceWording(before, 'goals.specific.9', 'X'), undefined);
    assert.equal(replaceWording(before, 'tasks.0', 'X'), undefined);
    assert.equal(replaceWording(before, 'scope.extra', 'X'), undefined);
    assert.equal(replaceWording(before, '__proto__', 'X'), undefined);
  });
});
