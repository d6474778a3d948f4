import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OutcomeKind } from '../../platform/db/schema.js';
import { OutcomePool, leftoverBlocks, polishList, textBlocks } from './minutes-text.js';

let id = 0;
const outcome = (kind: OutcomeKind, text: string, extra: { due_on?: string; owner?: string; agenda_item_id?: number } = {}) => ({
  id: ++id,
  meeting_id: 1,
  kind,
  position: id,
  text,
  agenda_item_id: extra.agenda_item_id ?? null,
  owner: extra.owner ?? null,
  due_on: extra.due_on ?? null,
  created_at: '2018-07-16T13:00:00.000Z',
});

describe('minutes text', () => {
  it('joins principles as Polish prose, the statute\'s pair with "i"', () => {
    assert.equal(polishList(['a']), 'a');
    assert.equal(polishList(['a', 'b']), 'a oraz b');
    assert.equal(
      polishList(['efektywności', 'uczciwej konkurencji', 'jawności', 'solidarności']),
      'efektywności, uczciwej konkurencji i jawności oraz solidarności',
    );
  });

  it('fills block and inline outcome markers once, and adds what the text left out', () => {
    const pool = new OutcomePool([
      outcome('main-goal', 'Cel A'),
      outcome('specific-goal', 'Cel 1'),
      outcome('specific-goal', 'Cel 2'),
      outcome('task', 'formularze można składać', { due_on: '2018-07-31', owner: 'NGO' }),
      outcome('promotion-form', 'plakaty'),
    ]);
    const blocks = textBlocks('Wstęp\ndalej.\n\n[[cele]]\n\nTermin: {zadania}.\n\n[[nieznane]]\n\n{nieznane}', pool);
    assert.deepEqual(blocks, [
      { kind: 'paragraph', text: 'Wstęp dalej.' },
      { kind: 'heading', level: 3, text: 'I. Cel Główny' },
      { kind: 'paragraph', text: 'Cel A' },
      { kind: 'heading', level: 3, text: 'II. Cele szczegółowe' },
      { kind: 'list', style: 'decimal', items: ['Cel 1', 'Cel 2'] },
      { kind: 'paragraph', text: 'Termin: formularze można składać do 31 lipca 2018 r.' },
      { kind: 'paragraph', text: '[[nieznane]]' },
      { kind: 'paragraph', text: '{nieznane}' },
    ]);
    assert.deepEqual(leftoverBlocks(pool), [
      { kind: 'paragraph', text: 'Formy promocji:' },
      { kind: 'list', style: 'bullet', items: ['plakaty'] },
    ]);
    assert.deepEqual(textBlocks('[[cele]]', pool), [], 'each outcome is placed once');
  });

  it('reads bulleted and numbered lines as lists', () => {
    assert.deepEqual(textBlocks('Lista:\n- a\n- b\n1. c\n2) d\n\nKoniec', null), [
      { kind: 'paragraph', text: 'Lista:' },
      { kind: 'list', style: 'bullet', items: ['a', 'b'] },
      { kind: 'list', style: 'decimal', items: ['c', 'd'] },
      { kind: 'paragraph', text: 'Koniec' },
    ]);
  });
});
