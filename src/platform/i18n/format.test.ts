import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatDate, formatDateTime, warsawParts, warsawToUtc } from './format.js';

describe('Europe/Warsaw dates', () => {
  it('formats in Polish and English on the Warsaw wall clock', () => {
    assert.equal(formatDate('2018-07-16T08:00:00Z', 'pl'), '16 lipca 2018');
    assert.equal(formatDateTime('2018-07-16T08:00:00Z', 'pl'), '16 lipca 2018 10:00');
    assert.equal(formatDateTime('2018-12-31T23:30:00Z', 'pl'), '1 stycznia 2019 00:30');
    assert.equal(formatDate('2018-07-16T08:00:00Z', 'en'), '16 July 2018');
  });

  it('converts wall-clock deadlines to UTC across daylight saving changes', () => {
    // Summer (UTC+2) and winter (UTC+1).
    assert.equal(warsawToUtc('2018-07-31', '23:59:59').toISOString(), '2018-07-31T21:59:59.000Z');
    assert.equal(warsawToUtc('2026-01-15', '12:00').toISOString(), '2026-01-15T11:00:00.000Z');
    // Clocks go back on the last Sunday of October: that day ends at 23:00 UTC.
    assert.equal(warsawToUtc('2026-10-25', '23:59:59').toISOString(), '2026-10-25T22:59:59.000Z');
    assert.equal(warsawToUtc('2026-10-26', '00:00:00').toISOString(), '2026-10-25T23:00:00.000Z');
    // The repeated hour resolves to its first occurrence (still summer time).
    assert.equal(warsawToUtc('2026-10-25', '02:30').toISOString(), '2026-10-25T00:30:00.000Z');
    // The skipped hour in March moves forward (02:30 does not exist; 03:30 CEST does).
    assert.equal(warsawToUtc('2026-03-29', '02:30').toISOString(), '2026-03-29T01:30:00.000Z');
    assert.throws(() => warsawToUtc('2026-02-30', '10:00'));
    assert.throws(() => warsawToUtc('2026-13-01', '10:00'));
    assert.throws(() => warsawToUtc('0999-01-01', '10:00'), RangeError);
  });

  it('round-trips every instant through the Warsaw wall clock (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const instant = new Date(Math.floor(date.getTime() / 1000) * 1000);
          const { date: day, time } = warsawParts(instant);
          const back = warsawToUtc(day, time);
          // Equal, or the earlier twin of an instant in the repeated autumn hour.
          assert.ok(back.getTime() === instant.getTime() || instant.getTime() - back.getTime() === 3_600_000);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
