import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeText, foldLine, meetingsCalendar, utcStamp } from './ical.js';

const meeting = {
  id: 7,
  status: 'published' as const,
  topic: 'Wypracowanie rocznego programu współpracy na rok 2019',
  goal_md: 'Dyskusja nad celami, zasadami i formami współpracy; zebranie pomysłów.',
  starts_at: '2018-07-16T10:00:00.000Z',
  ends_at: '2018-07-16T13:00:00.000Z',
  place: 'Park Jonstona, Leszno',
  online_url: null,
  updated_at: '2018-07-01T08:30:00.000Z',
  version: 3,
};

describe('iCalendar (RFC 5545)', () => {
  it('escapes TEXT: backslash, semicolon, comma, line breaks; drops control characters', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
    assert.equal(escapeText('x\u0000y\u0007z\u007f'), 'xyz');
    assert.equal(escapeText('Zażółć: "gęślą" jaźń'), 'Zażółć: "gęślą" jaźń', 'colons and quotes stay as they are in TEXT');
  });

  it('folds at 75 octets with CRLF + space, never inside a UTF-8 character', () => {
    assert.equal(foldLine('x'.repeat(75)), 'x'.repeat(75));
    assert.equal(foldLine('x'.repeat(76)), `${'x'.repeat(75)}\r\n x`);
    assert.equal(foldLine('x'.repeat(75 + 74 + 1)), `${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
    // 'ż' is two octets: 74 ASCII + ż would make 76, so ż starts the next line.
    assert.equal(foldLine(`${'a'.repeat(74)}żb`), `${'a'.repeat(74)}\r\n żb`);
    const folded = foldLine(`SUMMARY:${'Zażółć gęślą jaźń 👩‍👩‍👧 '.repeat(10)}`);
    for (const line of folded.split('\r\n'))
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line)} octets`);
    assert.equal(folded.replace(/\r\n /g, ''), `SUMMARY:${'Zażółć gęślą jaźń 👩‍👩‍👧 '.repeat(10)}`, 'unfolding restores the line');
    assert.ok(!folded.includes('\uFFFD'));
  });

  it('writes UTC stamps', () => {
    assert.equal(utcStamp('2018-07-16T10:00:00.000Z'), '20180716T100000Z');
    assert.equal(utcStamp(new Date('2026-03-29T01:30:05.123Z')), '20260329T013005Z');
  });

  it('one published meeting (golden)', () => {
    const body = meetingsCalendar([meeting], {
      baseUrl: 'https://wspolnie.leszno.pl',
      stamp: new Date('2018-07-02T09:00:00.000Z'),
      agenda: new Map([[7, ['Rozpoczęcie', 'Praca w grupach']]]),
    });
    assert.equal(
      body,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Wspolnie//Spotkania//PL',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:meeting-7@wspolnie.leszno.pl',
        'DTSTAMP:20180702T090000Z',
        'LAST-MODIFIED:20180701T083000Z',
        'SEQUENCE:3',
        'DTSTART:20180716T100000Z',
        'DTEND:20180716T130000Z',
        'SUMMARY:Wypracowanie rocznego programu współpracy na rok 2019',
        'LOCATION:Park Jonstona\\, Leszno',
        // 75 octets each ('ó', 'ł', 'ę' take two): a fold may split an escape, never a character.
        'DESCRIPTION:Dyskusja nad celami\\, zasadami i formami współpracy\\; zebrani',
        ' e pomysłów.\\n\\nProgram spotkania:\\n1. Rozpoczęcie\\n2. Praca w grupach\\n',
        ' \\nhttps://wspolnie.leszno.pl/spotkania/7',
        'URL:https://wspolnie.leszno.pl/spotkania/7',
        'STATUS:CONFIRMED',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('a cancelled meeting with an online link, in a named feed (golden)', () => {
    const body = meetingsCalendar(
      [
        {
          ...meeting,
          id: 8,
          status: 'cancelled',
          goal_md: null,
          place: null,
          online_url: 'https://meet.example.org/abc?x=1,2',
          version: 4,
        },
      ],
      { baseUrl: 'http://localhost:3000/', stamp: new Date('2018-07-10T00:00:00.000Z'), name: 'Spotkania — Leszno' },
    );
    assert.equal(
      body,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Wspolnie//Spotkania//PL',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Spotkania — Leszno',
        'BEGIN:VEVENT',
        'UID:meeting-8@localhost:3000',
        'DTSTAMP:20180710T000000Z',
        'LAST-MODIFIED:20180701T083000Z',
        'SEQUENCE:4',
        'DTSTART:20180716T100000Z',
        'DTEND:20180716T130000Z',
        'SUMMARY:Wypracowanie rocznego programu współpracy na rok 2019',
        'LOCATION:https://meet.example.org/abc?x=1\\,2',
        'DESCRIPTION:http://localhost:3000/spotkania/8',
        'URL:http://localhost:3000/spotkania/8',
        'STATUS:CANCELLED',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });
});
