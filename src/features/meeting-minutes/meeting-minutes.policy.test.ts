import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allowedActions,
  approvalNeedsConfirmation,
  canRemark,
  canSeeRemarksPage,
  remarkWindow,
} from './meeting-minutes.policy.js';
import { lineDiff } from './text-diff.js';

describe('minutes policy', () => {
  it('each state allows its transitions', () => {
    assert.deepEqual(allowedActions(null), ['edit']);
    assert.deepEqual(allowedActions('draft'), ['edit', 'circulate', 'approve']);
    assert.deepEqual(allowedActions('circulated'), ['edit', 'circulate', 'approve']);
    assert.deepEqual(allowedActions('approved'), ['edit', 'publish']);
    assert.deepEqual(allowedActions('published'), ['edit']);
  });

  it('remarks are accepted while circulated, up to and including the day named', () => {
    const circulated = { status: 'circulated' as const, remarks_until: '2018-07-31' };
    assert.equal(remarkWindow(circulated, '2018-07-30'), 'open');
    assert.equal(remarkWindow(circulated, '2018-07-31'), 'open');
    assert.equal(remarkWindow(circulated, '2018-08-01'), 'closed');
    assert.equal(remarkWindow({ status: 'draft', remarks_until: null }, '2018-07-30'), 'notCirculated');
    assert.equal(remarkWindow({ status: 'approved', remarks_until: '2018-07-31' }, '2018-07-30'), 'notCirculated');
    assert.equal(remarkWindow(undefined, '2018-07-30'), 'notCirculated');
    assert.equal(approvalNeedsConfirmation(circulated, '2018-07-31'), true);
    assert.equal(approvalNeedsConfirmation(circulated, '2018-08-01'), false);
    assert.equal(approvalNeedsConfirmation({ status: 'draft', remarks_until: null }, '2018-07-31'), false);
  });

  it('only participants remark; officials and participants see the page', () => {
    assert.equal(canRemark({ isParticipant: true }), true);
    assert.equal(canRemark({ isParticipant: false }), false);
    assert.equal(canSeeRemarksPage({ isOfficial: true, isParticipant: false }), true);
    assert.equal(canSeeRemarksPage({ isOfficial: false, isParticipant: true }), true);
    assert.equal(canSeeRemarksPage({ isOfficial: false, isParticipant: false }), false);
  });
});

describe('line diff', () => {
  it('reports kept, removed and added lines in order', () => {
    assert.deepEqual(lineDiff('Ad. 1\nstary\nwspólny', 'Ad. 1\nnowy\nwspólny\ndopisany'), [
      { kind: 'same', text: 'Ad. 1' },
      { kind: 'removed', text: 'stary' },
      { kind: 'added', text: 'nowy' },
      { kind: 'same', text: 'wspólny' },
      { kind: 'added', text: 'dopisany' },
    ]);
    assert.deepEqual(lineDiff('a', 'a'), [{ kind: 'same', text: 'a' }]);
  });
});
