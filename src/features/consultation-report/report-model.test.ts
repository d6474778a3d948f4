import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsultationRecord, SubmissionRecord } from '../consultation/index.js';
import type { ReportRecord } from './consultation-report.repo.js';
import { buildReportModel, clean, polishDay, polishPeriod, reportBlocks, taskFields } from './report-model.js';

const now = '2026-11-02T10:00:00.000Z';
const consultation: ConsultationRecord = {
  id: 7,
  programme_version_id: 1,
  subject: 'Projekt programu',
  legal_basis: 'art. 5a ust. 1',
  participants: 'organizacje pozarządowe',
  forms_json: '["online","meeting","bogus"]',
  where_to_submit: '',
  responsible_unit: 'Biuro',
  starts_on: '2026-03-01',
  ends_on: '2026-03-29',
  opens_at: now,
  closes_at: now,
  residents_allowed: 1,
  status: 'closed',
  closed_at: now,
  closed_by: null,
  conclusion: 'Pierwszy akapit\nciąg dalszy.\n\nDrugi akapit.',
  report_published_at: null,
  report_published_by: null,
  receipt_counter: 0,
  version: 1,
  created_by: null,
  created_at: now,
  updated_at: now,
};

let sequence = 0;
function submission(over: Partial<SubmissionRecord>): SubmissionRecord {
  sequence += 1;
  return {
    id: sequence,
    consultation_id: 7,
    form_token: null,
    kind: 'comment',
    status: 'sent',
    channel: 'online',
    author_id: null,
    organization_id: null,
    submitter_kind: 'resident',
    submitter_name: 'X',
    contact_email: null,
    provision_key: 'goals.main',
    provision_label: 'Cel główny',
    current_wording: null,
    proposed_wording: 'Nowe',
    justification: null,
    task_json: null,
    sequence,
    receipt_number: `KP/2026/7/${String(sequence).padStart(4, '0')}`,
    received_on: null,
    sent_at: now,
    withdrawn_at: null,
    resubmission_of: null,
    assigned_to: null,
    decision: 'accepted',
    answer: 'Tak',
    answered_by: null,
    answered_at: now,
    applied_in_version_id: null,
    version: 1,
    created_at: now,
    updated_at: now,
    ...over,
  };
}

function record(submissions: SubmissionRecord[], c: Partial<ConsultationRecord> = {}): ReportRecord {
  return {
    consultation: { ...consultation, ...c },
    programmeId: 1,
    programmeTitle: 'Roczny program współpracy na 2027 rok',
    versionNumber: 1,
    submissions,
    facts: {
      consultationId: 7,
      programmeVersionId: 1,
      startsOn: '2026-03-01',
      endsOn: '2026-03-29',
      forms: ['online'],
      closed: true,
      reportPublishedAt: null,
      comments: submissions.filter((s) => s.kind === 'comment').length,
      proposals: submissions.filter((s) => s.kind === 'task').length,
      organizations: 0,
      residents: submissions.filter((s) => s.submitter_kind === 'resident').length,
      byDecision: { accepted: submissions.length, partly: 0, rejected: 0, 'not-applicable': 0, unanswered: 0 },
      byChannel: { online: submissions.length, paper: 0, email: 0 },
    },
    spheres: new Map([['16', 'kultura, sztuka']]),
  };
}

describe('the consultation report model', () => {
  it('writes Polish dates and periods, on the Warsaw calendar', () => {
    assert.equal(polishDay('2026-03-01'), '1 marca 2026 r.');
    assert.equal(polishPeriod('2026-10-12', '2026-10-25'), 'od 12 października 2026 r. do 25 października 2026 r.');
    // Published at 23:30 UTC on 28 March = 00:30 on 29 March in Warsaw (summer time from that night).
    const model = buildReportModel(record([], { report_published_at: '2026-03-28T23:30:00.000Z' }), new Date(now));
    assert.equal(model.date, '29 marca 2026 r.');
    assert.equal(model.draft, false);
  });

  it('numbers private persons in order of receipt, the same person keeping one label whatever the channel', () => {
    const model = buildReportModel(
      record([
        submission({ author_id: 5, submitter_name: 'Ewa Prywatna' }),
        submission({ channel: 'paper', contact_email: 'Adam@Example.org', submitter_name: 'Adam Nowak' }),
        submission({ author_id: 5, submitter_name: 'Ewa Prywatna', justification: 'Ja, Ewa Prywatna, oraz EWA PRYWATNA' }),
        submission({ channel: 'email', contact_email: 'adam@example.org', submitter_name: 'A. Nowak' }),
        submission({ channel: 'paper', submitter_name: 'Bez Adresu' }),
        submission({ submitter_kind: 'organization', organization_id: 3, submitter_name: 'Fundacja' }),
      ]),
      new Date(now),
    );
    assert.deepEqual(
      model.entries.map((e) => e.submitter),
      ['Osoba prywatna 1', 'Osoba prywatna 2', 'Osoba prywatna 1', 'Osoba prywatna 2', 'Osoba prywatna 3', 'Fundacja'],
    );
    const text = JSON.stringify(reportBlocks(model));
    for (const name of ['Ewa Prywatna', 'EWA PRYWATNA', 'Adam Nowak', 'Bez Adresu', 'Adam@Example.org'])
      assert.ok(!text.includes(name), name);
    assert.match(text, /Ja, Osoba prywatna 1, oraz Osoba prywatna 1/);
    assert.match(text, /Liczba osób prywatnych \(mieszkańców\), które złożyły zgłoszenia:","text":"3 \(zgłoszenia: 5\)/);
  });

  it('states the forms used, drops unknown ones, and splits the conclusion into paragraphs', () => {
    const model = buildReportModel(record([]), new Date(now));
    assert.equal(
      model.notice.find((n) => n.label === 'Formy konsultacji:')?.value,
      'formularz na platformie internetowej; otwarte spotkanie konsultacyjne.',
    );
    assert.deepEqual(model.conclusion, ['Pierwszy akapit ciąg dalszy.', 'Drugi akapit.']);
    assert.ok(model.draft);
    assert.match(model.nothingSubmitted ?? '', /nie wniesiono żadnych uwag/);
    assert.equal(reportBlocks(model)[0]?.kind, 'paragraph', 'a preview says PROJEKT first');
  });

  it('reads priority-task proposals defensively', () => {
    const spheres = new Map([['16', 'kultura, sztuka']]);
    assert.deepEqual(taskFields('{"title":"Festiwal","sphere":"16","amount":1250000}', spheres), {
      title: 'Festiwal',
      sphere: 'kultura, sztuka',
      amount: '12\u00a0500,00\u00a0zł',
      description: '',
      need: '',
    });
    assert.deepEqual(taskFields('[1]', spheres).title, '');
    assert.deepEqual(taskFields('{"amount":-1,"sphere":{"a":1}}', spheres), {
      title: '',
      sphere: '',
      amount: '',
      description: '',
      need: '',
    });
    assert.equal(taskFields('nope', spheres).title, '');
  });

  it('removes characters no document format can carry', () => {
    assert.equal(clean('a\u0000b\u0007c\r\nd\ud800e\uffff'), 'abc\nde');
    assert.equal(clean(' 👩‍👩‍👧 '), '👩‍👩‍👧');
    assert.equal(clean(null), '');
  });
});
