import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { zDateOnly, zEmail, zMultiline, zNewPassword, zOptional, zSingleLine } from './fields.js';
import { parseForm } from './forms.js';

const firstKey = (schema: z.ZodType, value: unknown) => {
  const result = parseForm(z.object({ v: schema }), { v: value });
  return result.ok ? null : result.errors[0]?.key;
};

describe('form field schemas', () => {
  it('trims, NFC-normalises and bounds single-line text', () => {
    assert.equal(zSingleLine(10).parse('  Łódź  '), 'Łódź');
    assert.equal(zSingleLine(10).parse('Z\u0307o\u0301łw'), 'Żółw');
    assert.equal(firstKey(zSingleLine(5), '123456'), 'validation.tooLong');
    assert.equal(firstKey(zSingleLine(5), '   '), 'validation.required');
    assert.equal(firstKey(zSingleLine(50), 'a\u0000b'), 'validation.controlCharacters');
    assert.equal(firstKey(zSingleLine(50), 'a\nb'), 'validation.controlCharacters');
    assert.equal(firstKey(zSingleLine(50), 'admin\u202Egro.elpmaxe'), 'validation.controlCharacters', 'bidi override');
    assert.equal(firstKey(zSingleLine(50), 'bad \uFFFD byte'), 'validation.invalidCharacters');
    assert.equal(firstKey(zSingleLine(50), ['a', 'b']), 'validation.invalid');
    assert.equal(firstKey(zSingleLine(50), undefined), 'validation.invalid');
  });

  it('keeps line breaks in multi-line text and normalises CRLF', () => {
    assert.equal(zMultiline(100).parse('Ad. 1\r\nPowitanie\r\n'), 'Ad. 1\nPowitanie');
    assert.equal(firstKey(zMultiline(100), 'x\u0007'), 'validation.controlCharacters');
  });

  it('accepts blank optional values and checks filled ones', () => {
    assert.equal(zOptional(zDateOnly).parse(''), '');
    assert.equal(zOptional(zDateOnly).parse(undefined), '');
    assert.equal(zOptional(zDateOnly).parse('2018-07-31'), '2018-07-31');
    assert.equal(firstKey(zOptional(zDateOnly), '2018-02-30'), 'validation.date');
    assert.equal(zOptional(zDateOnly).parse('   '), '');
    // A field missing from the body (a disabled input, a hand-made request) is blank, not invalid.
    assert.deepEqual(parseForm(z.object({ v: zOptional(zDateOnly) }), {}), { ok: true, data: { v: '' }, values: {} });
  });

  it('lower-cases e-mail addresses and rejects malformed ones', () => {
    assert.equal(zEmail.parse(' NGO@Leszno.PL '), 'ngo@leszno.pl');
    assert.equal(firstKey(zEmail, 'ngo.leszno.pl'), 'validation.email');
    assert.equal(firstKey(zEmail, 'a@b'), 'validation.email');
  });

  it('validates calendar dates, not just their shape', () => {
    assert.equal(zDateOnly.parse('2024-02-29'), '2024-02-29');
    assert.equal(firstKey(zDateOnly, '2023-02-29'), 'validation.date');
    assert.equal(firstKey(zDateOnly, '2023-2-1'), 'validation.date');
  });

  it('requires 12+ character passwords of at most 256 characters', () => {
    assert.equal(firstKey(zNewPassword, 'krotkie'), 'validation.passwordTooShort');
    assert.equal(firstKey(zNewPassword, 'x'.repeat(257)), 'validation.tooLong');
    assert.equal(zNewPassword.parse('cztery losowe slowa'), 'cztery losowe slowa');
  });
});
