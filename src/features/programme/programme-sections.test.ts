import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptySections, formatPln, missingElements, parseAmount, parseSections, plannedFunds } from './programme-sections.js';

describe('programme sections', () => {
  it('an empty programme misses every element but the principles (the six statutory ones are ticked)', () => {
    assert.deepEqual(missingElements(emptySections()), [
      'goals',
      'scope',
      'forms',
      'tasks',
      'period',
      'implementation',
      'funds',
      'evaluation',
      'creation',
      'committees',
    ]);
  });

  it('planned funds come from the tasks, or from the text when no task has an amount', () => {
    const s = emptySections();
    s.tasks.rows = [
      { sphere: '1', task: 'A', unit: '', mode: 'konkurs', amount: 150_000 },
      { sphere: '2', task: 'B', unit: '', mode: '19a', amount: null },
      { sphere: '3', task: 'C', unit: '', mode: 'other', amount: 1_000_050 },
    ];
    assert.equal(plannedFunds(s), 1_150_050);
    assert.ok(!missingElements(s).includes('funds'));
    s.tasks.rows = [{ sphere: '2', task: 'B', unit: '', mode: '19a', amount: null }];
    assert.ok(missingElements(s).includes('funds'));
    s.funds.override = 'Nie mniej niż 1 000 000 zł';
    assert.ok(!missingElements(s).includes('funds'));
  });

  it('amounts are read as złote and shown with Polish separators', () => {
    assert.equal(parseAmount('12 500,5'), 1_250_050);
    assert.equal(parseAmount('12500.05'), 1_250_005);
    assert.equal(parseAmount('1\u00a0000 zł'), 100_000);
    for (const bad of ['', '-5', '1,234', '12,5,0', '1e5', 'dużo', '9999999999999']) assert.equal(parseAmount(bad), null, bad);
    assert.equal(formatPln(1_250_050), '12\u00a0500,50\u00a0zł');
    assert.equal(formatPln(5), '0,05\u00a0zł');
  });

  it('a malformed stored document reads as empty parts, never an error', () => {
    assert.deepEqual(parseSections('not json'), { ...emptySections(), principles: { statutory: [], local: [] } });
    const odd = parseSections(
      JSON.stringify({
        goals: { main: 5, specific: [{ text: 'Cel', source: { meetingId: 'x', outcomeId: 1 } }, { text: '' }, 'napis'] },
        tasks: { rows: [{ task: 'T', mode: 'zły', amount: -1 }] },
      }),
    );
    assert.deepEqual(odd.goals, { main: '', specific: [{ text: 'Cel' }] });
    assert.deepEqual(odd.tasks.rows, [{ sphere: '', task: 'T', unit: '', mode: 'other', amount: null }]);
  });
});
