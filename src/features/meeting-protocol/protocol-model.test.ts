import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { protocolTitle } from './protocol-model.js';

describe('protocol model', () => {
  it('titles the protocol from the meeting title', () => {
    assert.equal(
      protocolTitle('Spotkanie robocze z NGO w sprawie programu.'),
      'Protokół ze spotkania roboczego z NGO w sprawie programu',
    );
    assert.equal(protocolTitle('Protokół ze spotkania X'), 'Protokół ze spotkania X');
    assert.equal(protocolTitle('Spotkanie informacyjne'), 'Protokół ze spotkania „Spotkanie informacyjne”');
    assert.equal(protocolTitle('Forum NGO 2027'), 'Protokół ze spotkania „Forum NGO 2027”');
  });
});
