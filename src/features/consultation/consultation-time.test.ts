import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translatorFor } from '../../platform/i18n/i18n.js';
import { periodInstants } from './consultation-phase.js';
import { noticePeriodErrors } from './consultation.schema.js';
import { periodPhrase, timeLeftPhrase, warsawToday } from './consultation-time.js';

const consultation = (startsOn: string, endsOn: string, status: 'announced' | 'closed' = 'announced') => {
  const { opensAt, closesAt } = periodInstants(startsOn, endsOn);
  return { status, starts_on: startsOn, ends_on: endsOn, opens_at: opensAt, closes_at: closesAt };
};

describe('the consultation period as people read it', () => {
  const pl = translatorFor('pl');
  const en = translatorFor('en');
  const say = (c: ReturnType<typeof consultation>, iso: string, language: 'pl' | 'en' = 'pl') => {
    const { phrase } = timeLeftPhrase(c, new Date(iso), language);
    return (language === 'pl' ? pl : en)(phrase.key, phrase.params);
  };

  it('names the period with Polish dates and the last minute', () => {
    const p = periodPhrase(consultation('2026-10-13', '2026-10-25'), 'pl');
    assert.equal(pl(p.key, p.params), 'od 13 października 2026 r. do 25 października 2026 r. (do godz. 23:59)');
  });

  it('counts days left on the Warsaw calendar, with Polish plural forms', () => {
    const c = consultation('2026-10-01', '2026-10-25');
    assert.match(say(c, '2026-10-01T10:00:00Z'), /^Zostało 25 dni/);
    assert.match(say(c, '2026-10-21T10:00:00Z'), /^Zostało 5 dni/);
    assert.match(say(c, '2026-10-22T10:00:00Z'), /^Zostały 4 dni/);
    assert.match(say(c, '2026-10-24T10:00:00Z'), /^Zostały 2 dni/);
    assert.match(say(c, '2026-10-24T10:00:00Z', 'en'), /^2 days left/);
    assert.equal(say(c, '2026-10-25T10:00:00Z'), 'Konsultacje kończą się dziś o 23:59');
    assert.equal(say(c, '2026-10-25T10:00:00Z', 'en'), 'The consultation ends today at 23:59');
  });

  it('switches at Warsaw midnight, not UTC midnight, on both sides of the clock change', () => {
    const c = consultation('2026-10-20', '2026-10-25');
    assert.equal(warsawToday(new Date('2026-10-24T22:00:00Z')), '2026-10-25');
    assert.match(say(c, '2026-10-24T21:59:59Z'), /^Zostały 2 dni/);
    assert.equal(say(c, '2026-10-24T22:00:00Z'), 'Konsultacje kończą się dziś o 23:59');
    assert.equal(say(c, '2026-10-25T22:59:59Z'), 'Konsultacje kończą się dziś o 23:59');
    assert.equal(say(c, '2026-10-25T23:00:00Z'), 'Konsultacje zakończyły się 25 października 2026 r.');
    const spring = consultation('2027-03-28', '2027-04-05');
    assert.equal(say(spring, '2027-03-27T22:59:59Z'), 'Konsultacje rozpoczną się 28 marca 2027 r.');
    assert.match(say(spring, '2027-03-27T23:00:00Z'), /^Zostało 9 dni/);
  });

  it('says a closed consultation has ended', () => {
    assert.equal(
      say(consultation('2026-09-01', '2026-09-10', 'closed'), '2026-09-05T10:00:00Z'),
      'Konsultacje zakończyły się 10 września 2026 r.',
    );
  });
});

describe('the notice period rules', () => {
  const keys = (period: { startsOn: string; endsOn: string }, minDays = 7) =>
    noticePeriodErrors(period, { today: '2026-10-10', minDays }).map((e) => `${e.field}:${e.key}`);

  it('accepts today and exactly the minimum, both ends counted', () => {
    assert.deepEqual(keys({ startsOn: '2026-10-10', endsOn: '2026-10-16' }), []);
    assert.deepEqual(keys({ startsOn: '2026-10-10', endsOn: '2026-10-15' }), ['endsOn:consultation.errors.tooShort']);
    assert.deepEqual(keys({ startsOn: '2026-10-10', endsOn: '2026-10-10' }, 1), []);
  });

  it('refuses a start in the past and an end before the start', () => {
    assert.deepEqual(keys({ startsOn: '2026-10-09', endsOn: '2026-10-30' }), ['startsOn:consultation.errors.startInPast']);
    assert.deepEqual(keys({ startsOn: '2026-10-20', endsOn: '2026-10-19' }), ['endsOn:consultation.errors.endBeforeStart']);
  });

  it('counts calendar days across the clock change (a 25-hour day is one day)', () => {
    assert.deepEqual(keys({ startsOn: '2026-10-19', endsOn: '2026-10-25' }), []);
    assert.deepEqual(keys({ startsOn: '2027-03-22', endsOn: '2027-03-28' }), []);
  });
});
