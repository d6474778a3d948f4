import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSections, listChanges, taskChanges, wordDiff } from './compare-versions.js';
import { emptySections } from './programme-sections.js';

describe('comparing programme versions', () => {
  it('diffs words, keeping the unchanged ones', () => {
    assert.deepEqual(wordDiff('Zakres obejmuje zadania z art. 4', 'Zakres obejmuje wszystkie zadania z art. 4'), [
      { kind: 'same', text: 'Zakres obejmuje' },
      { kind: 'added', text: 'wszystkie' },
      { kind: 'same', text: 'zadania z art. 4' },
    ]);
    assert.deepEqual(wordDiff('a  b\nc', 'a b c'), [{ kind: 'same', text: 'a b c' }]);
    assert.deepEqual(wordDiff('stary', 'nowy'), [
      { kind: 'removed', text: 'stary' },
      { kind: 'added', text: 'nowy' },
    ]);
  });

  it('pairs a removed item with the added one as changed, and reports the rest', () => {
    const changes = listChanges(['pierwszy', 'drugi cel', 'trzeci'], ['pierwszy', 'drugi ważny cel', 'trzeci', 'czwarty']);
    assert.deepEqual(
      changes.map((c) => c.change),
      ['same', 'changed', 'same', 'added'],
    );
    assert.deepEqual(listChanges(['a', 'b'], ['b']), [
      { change: 'removed', text: 'a' },
      { change: 'same', text: 'b' },
    ]);
    assert.deepEqual(listChanges([], []), []);
  });

  it('matches priority tasks by name and names the changed fields', () => {
    const task = { sphere: '16', task: 'Festiwal', unit: 'Wydział Kultury', mode: 'konkurs' as const, amount: 100 };
    const rows = taskChanges(
      [task, { ...task, task: 'Stary' }],
      [
        { ...task, amount: 200 },
        { ...task, task: 'Nowe zadanie' },
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.change),
      ['removed', 'changed', 'added'],
    );
    const changed = rows[1];
    assert.ok(changed && changed.change === 'changed');
    assert.deepEqual(changed.fields, ['amount']);
  });

  it('reports every section in statutory order, empty parts when unchanged', () => {
    const a = emptySections();
    const b = structuredClone(a);
    b.scope.text = 'Nowy zakres';
    const result = compareSections(a, b);
    assert.equal(result.length, 12);
    assert.equal(result[0]!.key, 'goals');
    assert.equal(result[11]!.key, 'resolution');
    assert.deepEqual(
      result.filter((r) => r.parts.length > 0).map((r) => r.key),
      ['scope'],
    );
  });
});
