import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countOf, creationText, type ConsultationFact } from './creation-text.js';

const consultation = (over: Partial<ConsultationFact> = {}): ConsultationFact => ({
  startsOn: '2018-10-01',
  endsOn: '2018-10-15',
  forms: ['online', 'paper', 'email'],
  closed: true,
  comments: 0,
  proposals: 0,
  organizations: 0,
  residents: 0,
  byDecision: { accepted: 0, partly: 0, rejected: 0, 'not-applicable': 0, unanswered: 0 },
  ...over,
});

describe('element 10: how the programme was created and consulted', () => {
  it('counts in Polish', () => {
    const uwagi = { one: 'uwaga', few: 'uwagi', many: 'uwag' };
    assert.deepEqual(
      [0, 1, 2, 4, 5, 12, 21, 22, 25, 112, 122].map((n) => countOf(n, uwagi)),
      ['0 uwag', '1 uwaga', '2 uwagi', '4 uwagi', '5 uwag', '12 uwag', '21 uwag', '22 uwagi', '25 uwag', '112 uwag', '122 uwagi'],
    );
  });

  it('writes the meeting with its participants and the consultation with its answers', () => {
    const text = creationText({
      meetings: [
        {
          startsAt: '2018-07-16T10:00:00.000Z',
          topic: 'Wypracowanie rocznego programu współpracy na rok 2019',
          counts: { ngoRepresentatives: 22, organizations: 20, officials: 3, guests: 0 },
        },
      ],
      consultations: [
        consultation({
          comments: 3,
          proposals: 2,
          organizations: 4,
          residents: 1,
          byDecision: { accepted: 2, partly: 1, rejected: 1, 'not-applicable': 1, unanswered: 0 },
        }),
      ],
    });
    const paragraphs = text.split('\n\n');
    assert.equal(paragraphs.length, 3);
    assert.match(paragraphs[0]!, /na podstawie ustaleń spotkania roboczego/);
    assert.equal(
      paragraphs[1],
      'Spotkanie „Wypracowanie rocznego programu współpracy na rok 2019” odbyło się 16 lipca 2018 r. ' +
        'W spotkaniu wzięło udział 22 przedstawicieli organizacji pozarządowych, reprezentujących 20 podmiotów, oraz trzech urzędników.',
    );
    assert.match(paragraphs[2]!, /od 1 października 2018 r\. do 15 października 2018 r\. Uwagi/);
    assert.match(paragraphs[2]!, /elektronicznie za pośrednictwem platformy, pisemnie oraz pocztą elektroniczną/);
    assert.match(paragraphs[2]!, /zgłoszono 3 uwagi oraz 2 propozycje zadań priorytetowych\./);
    assert.match(paragraphs[2]!, /Zgłoszenia złożyły 4 organizacje oraz 1 mieszkaniec\./);
    assert.match(
      paragraphs[2]!,
      /Spośród 5 zgłoszeń uwzględniono 2, uwzględniono częściowo 1, nie uwzględniono 1, a 1 uznano za niedotyczące projektu programu\./,
    );
  });

  it('says when nothing was submitted, and agrees verbs with one organisation or many', () => {
    assert.match(creationText({ meetings: [], consultations: [consultation()] }), /W konsultacjach nie zgłoszono uwag\./);
    const one = creationText({
      meetings: [],
      consultations: [
        consultation({
          comments: 1,
          organizations: 1,
          byDecision: { accepted: 1, partly: 0, rejected: 0, 'not-applicable': 0, unanswered: 0 },
        }),
      ],
    });
    assert.match(one, /zgłoszono 1 uwagę\. Zgłoszenia złożyła 1 organizacja\. Spośród 1 zgłoszenia uwzględniono 1/);
    const five = creationText({ meetings: [], consultations: [consultation({ comments: 5, proposals: 1, organizations: 5 })] });
    assert.match(five, /zgłoszono 5 uwag oraz 1 propozycję zadania priorytetowego\. Zgłoszenia złożyło 5 organizacji\./);
    const open = creationText({ meetings: [], consultations: [consultation({ closed: false, comments: 2, organizations: 2 })] });
    assert.match(open, /Konsultacje nie zostały jeszcze zakończone\./);
    assert.equal(creationText({ meetings: [], consultations: [] }), '');
  });

  it('leaves out the participants of a meeting without an attendance list and notes the missing consultation', () => {
    const text = creationText({
      meetings: [
        { startsAt: '2018-09-03T08:00:00.000Z', topic: 'Drugie spotkanie', counts: null },
        { startsAt: '2018-07-16T10:00:00.000Z', topic: 'Pierwsze spotkanie', counts: null },
      ],
      consultations: [],
    });
    const paragraphs = text.split('\n\n');
    assert.match(paragraphs[0]!, /ustaleń 2 spotkań roboczych/);
    assert.equal(paragraphs[1], 'Spotkanie „Pierwsze spotkanie” odbyło się 16 lipca 2018 r.');
    assert.match(paragraphs[3]!, /nie był jeszcze konsultowany/);
  });
});
