import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkKrs, checkNip, checkRegon, nipCheckDigit, regon14CheckDigit, regon9CheckDigit } from './identifiers.js';

describe('organisation identifiers (DOMAIN.md §4.1)', () => {
  it('validates NIP with weights 6,5,7,2,3,4,5,6,7', () => {
    assert.deepEqual(checkNip('1234563218'), { ok: true, value: '1234563218' });
    assert.deepEqual(checkNip('PL 123-456-32-18'), { ok: true, value: '1234563218' });
    assert.deepEqual(checkNip('1234567890'), { ok: false, reason: 'checksum' });
    assert.deepEqual(checkNip('123456321'), { ok: false, reason: 'format' });
    assert.deepEqual(checkNip('12345632181'), { ok: false, reason: 'format' });
    assert.deepEqual(checkNip('12345a3218'), { ok: false, reason: 'format' });
  });

  it('validates 9- and 14-digit REGON', () => {
    for (const valid of ['123456785', '192598184', '12345678512347']) assert.equal(checkRegon(valid).ok, true, valid);
    assert.deepEqual(checkRegon('192598183'), { ok: false, reason: 'checksum' });
    assert.deepEqual(checkRegon('12345678512348'), { ok: false, reason: 'checksum' });
    // A PESEL has 11 digits: never a REGON.
    assert.deepEqual(checkRegon('44051401359'), { ok: false, reason: 'format' });
  });

  it('accepts KRS as up to 10 digits, zero-padded, without a checksum', () => {
    assert.deepEqual(checkKrs('0000123456'), { ok: true, value: '0000123456' });
    assert.deepEqual(checkKrs('123456'), { ok: true, value: '0000123456' });
    assert.deepEqual(checkKrs('00001234567'), { ok: false, reason: 'format' });
    assert.deepEqual(checkKrs('0000000000'), { ok: false, reason: 'format' });
  });

  it('accepts every NIP built with its check digit and rejects every other last digit (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 0, max: 9 }), (first9, other) => {
        const digit = nipCheckDigit(first9);
        if (digit === null) {
          for (let d = 0; d <= 9; d++) assert.equal(checkNip(`${first9}${d}`).ok, false);
          return;
        }
        assert.equal(checkNip(`${first9}${digit}`).ok, true);
        if (other !== digit) assert.equal(checkNip(`${first9}${other}`).ok, false);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts every REGON built with its check digits and rejects a wrong check digit (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.stringMatching(/^\d{4}$/), (first8, tail4) => {
        const regon9 = `${first8}${regon9CheckDigit(first8)}`;
        assert.equal(checkRegon(regon9).ok, true);
        const first13 = `${regon9}${tail4}`;
        assert.equal(checkRegon(`${first13}${regon14CheckDigit(first13)}`).ok, true);
        const wrongLast = (regon9CheckDigit(first8) + 1) % 10;
        assert.equal(checkRegon(`${first8}${wrongLast}`).ok, false);
      }),
      { numRuns: 500 },
    );
  });
});
