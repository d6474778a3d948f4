import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { organizationsPhrase, participantsSentence, personNumeral, pluralForm } from './participants.js';

const counts = (ngoRepresentatives: number, organizations: number, officials = 0, guests = 0) => ({
  ngoRepresentatives,
  organizations,
  officials,
  guests,
});

describe('participants sentence', () => {
  it('reproduces the seed protocol', () => {
    assert.equal(
      participantsSentence(counts(22, 20, 3)),
      'W spotkaniu wzięło udział 22 przedstawicieli organizacji pozarządowych, reprezentujących 20 podmiotów, oraz trzech urzędników.',
    );
  });

  it('declines organisations by the count', () => {
    const table: [number, string][] = [
      [1, 'jeden podmiot'],
      [2, 'dwa podmioty'],
      [3, 'trzy podmioty'],
      [4, 'cztery podmioty'],
      [5, 'pięć podmiotów'],
      [10, 'dziesięć podmiotów'],
      [11, '11 podmiotów'],
      [12, '12 podmiotów'],
      [14, '14 podmiotów'],
      [21, '21 podmiotów'],
      [22, '22 podmioty'],
      [24, '24 podmioty'],
      [25, '25 podmiotów'],
      [101, '101 podmiotów'],
      [112, '112 podmiotów'],
      [122, '122 podmioty'],
    ];
    for (const [n, expected] of table) assert.equal(organizationsPhrase(n), expected, `n = ${n}`);
  });

  it('uses masculine-personal numerals and the matching verb', () => {
    const table: [ReturnType<typeof counts>, string | null][] = [
      [counts(0, 0), null],
      [counts(1, 1), 'W spotkaniu wziął udział jeden przedstawiciel organizacji pozarządowej.'],
      [
        counts(2, 1),
        'W spotkaniu wzięło udział dwóch przedstawicieli organizacji pozarządowych, reprezentujących jeden podmiot.',
      ],
      [
        counts(3, 3),
        'W spotkaniu wzięło udział trzech przedstawicieli organizacji pozarządowych, reprezentujących trzy podmioty.',
      ],
      [
        counts(4, 2),
        'W spotkaniu wzięło udział czterech przedstawicieli organizacji pozarządowych, reprezentujących dwa podmioty.',
      ],
      [
        counts(5, 5),
        'W spotkaniu wzięło udział pięciu przedstawicieli organizacji pozarządowych, reprezentujących pięć podmiotów.',
      ],
      [counts(10, 0), 'W spotkaniu wzięło udział dziesięciu przedstawicieli organizacji pozarządowych.'],
      [counts(21, 21), 'W spotkaniu wzięło udział 21 przedstawicieli organizacji pozarządowych, reprezentujących 21 podmiotów.'],
      [counts(24, 23), 'W spotkaniu wzięło udział 24 przedstawicieli organizacji pozarządowych, reprezentujących 23 podmioty.'],
      [counts(25, 25), 'W spotkaniu wzięło udział 25 przedstawicieli organizacji pozarządowych, reprezentujących 25 podmiotów.'],
      [
        counts(101, 101),
        'W spotkaniu wzięło udział 101 przedstawicieli organizacji pozarządowych, reprezentujących 101 podmiotów.',
      ],
      [
        counts(150, 112),
        'W spotkaniu wzięło udział 150 przedstawicieli organizacji pozarządowych, reprezentujących 112 podmiotów.',
      ],
      [
        counts(130, 122),
        'W spotkaniu wzięło udział 130 przedstawicieli organizacji pozarządowych, reprezentujących 122 podmioty.',
      ],
      [counts(0, 0, 1), 'W spotkaniu wziął udział jeden urzędnik.'],
      [counts(0, 0, 2), 'W spotkaniu wzięło udział dwóch urzędników.'],
      [counts(0, 0, 22), 'W spotkaniu wzięło udział 22 urzędników.'],
      [counts(0, 0, 0, 1), 'W spotkaniu wziął udział jeden gość.'],
      [counts(0, 0, 0, 7), 'W spotkaniu wzięło udział siedmiu gości.'],
      [counts(1, 1, 1), 'W spotkaniu wzięli udział jeden przedstawiciel organizacji pozarządowej oraz jeden urzędnik.'],
      [counts(0, 0, 1, 2), 'W spotkaniu wzięli udział jeden urzędnik oraz dwóch gości.'],
      [
        counts(22, 20, 3, 2),
        'W spotkaniu wzięło udział 22 przedstawicieli organizacji pozarządowych, reprezentujących 20 podmiotów, trzech urzędników oraz dwóch gości.',
      ],
      [
        counts(112, 101, 12),
        'W spotkaniu wzięło udział 112 przedstawicieli organizacji pozarządowych, reprezentujących 101 podmiotów, oraz 12 urzędników.',
      ],
    ];
    for (const [c, expected] of table) assert.equal(participantsSentence(c), expected, JSON.stringify(c));
  });

  it('writes numbers up to ten as words, larger ones as digits', () => {
    assert.equal(personNumeral(1), 'jeden');
    assert.equal(personNumeral(10), 'dziesięciu');
    assert.equal(personNumeral(11), '11');
  });

  it('holds for any counts: one sentence, no doubled separators, every non-zero count present', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), fc.nat(40), fc.nat(40), (reps, orgs, officials, guests) => {
        const sentence = participantsSentence(counts(reps, Math.min(orgs, reps), officials, guests));
        if (reps + officials + guests === 0) return sentence === null;
        assert.ok(sentence);
        assert.match(sentence, /^W spotkaniu (wziął|wzięło|wzięli) udział [^.]+\.$/);
        assert.doesNotMatch(sentence, /,,|, oraz .*, oraz|\s{2}| ,/);
        for (const [n, noun] of [
          [reps, 'przedstawiciel'],
          [officials, 'urzędnik'],
          [guests, 'go'],
        ] as const) {
          if (n > 10) assert.ok(sentence.includes(`${n} ${noun}`), `${n} ${noun} in ${sentence}`);
          if (n === 0) assert.ok(!sentence.includes(` ${noun}`) || noun === 'go', sentence);
        }
        if (reps > 1 && Math.min(orgs, reps) > 0) assert.match(sentence, /reprezentujących \S+ podmiot(y|ów)?\b/);
        return true;
      }),
    );
  });

  it('chooses plural forms like Polish grammar does', () => {
    const forms = { one: 'one', few: 'few', many: 'many' };
    const expected: Record<number, string> = {
      1: 'one',
      2: 'few',
      4: 'few',
      5: 'many',
      12: 'many',
      13: 'many',
      21: 'many',
      22: 'few',
      25: 'many',
      101: 'many',
      112: 'many',
      122: 'few',
      1002: 'few',
    };
    for (const [n, form] of Object.entries(expected)) assert.equal(pluralForm(Number(n), forms), form, n);
  });
});
