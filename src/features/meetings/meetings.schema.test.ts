import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZMeetingForm } from './meetings.schema.js';
import { meetingForm } from './test-fixtures.js';

const errorsOf = (overrides: Record<string, string>) => {
  const result = ZMeetingForm.safeParse(meetingForm(overrides));
  return result.success ? [] : result.error.issues.map((i) => `${String(i.path[0])}:${i.message}`);
};

describe('meeting form schema', () => {
  it('reads the date and times on the Warsaw wall clock, across the change of time', () => {
    // 27 October 2030: clocks go back at 03:00 CEST → 02:00 CET.
    const autumn = ZMeetingForm.parse(meetingForm({ date: '2030-10-27', startTime: '01:00', endTime: '04:00' }));
    assert.equal(autumn.startsAt, '2030-10-26T23:00:00.000Z');
    assert.equal(autumn.endsAt, '2030-10-27T03:00:00.000Z');
    const winter = ZMeetingForm.parse(meetingForm({ date: '2030-01-15', startTime: '12:00', endTime: '15:00' }));
    assert.equal(winter.startsAt, '2030-01-15T11:00:00.000Z');
  });

  it('states each cross-field rule on its field, and never throws on malformed parts', () => {
    assert.deepEqual(errorsOf({ startTime: '15:00', endTime: '15:00' }), ['endTime:meetings.errors.endBeforeStart']);
    assert.deepEqual(errorsOf({ place: '', onlineUrl: '' }), ['place:meetings.errors.placeOrLink']);
    assert.deepEqual(errorsOf({ registrationDeadlineTime: '10:00' }), [
      'registrationDeadline:meetings.errors.deadlineIncomplete',
    ]);
    assert.deepEqual(errorsOf({ registrationDeadlineDate: '2030-07-17', registrationDeadlineTime: '10:00' }), [
      'registrationDeadline:meetings.errors.deadlineAfterStart',
    ]);
    assert.deepEqual(errorsOf({ registrationDeadlineDate: '2030-07-16', registrationDeadlineTime: '11:59' }), []);
    for (const bad of ['x', '2030-02-30', '1899-12-31', '\u0000', '2030-07-16T12:00', '0202-07-16']) {
      const errors = errorsOf({ date: bad, registrationDeadlineDate: bad, registrationDeadlineTime: '25:00', startTime: bad });
      assert.ok(
        errors.some((e) => e.startsWith('date:')),
        `${JSON.stringify(bad)}: ${errors.join(', ')}`,
      );
    }
  });
});
