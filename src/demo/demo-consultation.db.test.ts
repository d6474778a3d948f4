/**
 * The demo's consultations on both engines: the 2019 programme's version 1 is complete and
 * after consultation; its closed consultation has every submission sent and answered (all four
 * decisions, with justifications), unique receipts numbered in sequence with the counter at the
 * highest, comments quoting version 1's provisions, a paper and a private person's submission, task
 * proposals in the form's shape; version 2 applies the accepted comment and links it. Next year's
 * programme is in an open consultation around the seed clock's day: it accepts submissions a day
 * after the seed and not after its end.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { initialSpheres } from '../../db/migrations/data/20261126T0700_dictionaries.js';
import {
  acceptsSubmissions,
  consultationFacts,
  consultationOfVersion,
  consultationPhase,
  parseForms,
  sentSubmissions,
  type ConsultationRecord,
} from '../features/consultation/index.js';
import { missingElements, parseSections, provisionsOf } from '../features/programme/index.js';
import { warsawParts } from '../platform/i18n/format.js';
import { createServices } from '../services.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../test-support/databases.js';
import { testConfig } from '../test-support/test-app.js';
import { demoAcceptedComment, demoAcceptedTask } from './demo-consultations.js';
import { seedDemo } from './seed-demo.js';

/** The seed's clock: a fixed instant (a Warsaw afternoon in late November). */
const seededAt = new Date('2026-11-26T13:00:00Z');
const day = 86_400_000;
const spheres = new Set(initialSpheres.map((s) => s.code));

for (const engine of await testEngines()) {
  describe(`demo consultations on ${engine}`, () => {
    let t: TestDatabase;
    let closed: ConsultationRecord;
    let open: ConsultationRecord;
    const versions = async (year: number) =>
      t.database.db
        .selectFrom('programme_versions')
        .innerJoin('programmes', 'programmes.id', 'programme_versions.programme_id')
        .selectAll('programme_versions')
        .where('programmes.year_from', '=', year)
        .orderBy('number')
        .execute();

    before(async () => {
      t = await createTestDatabase(engine);
      const services = createServices(t.database, testConfig({ SEED_DEMO: 'always' }), { clock: () => seededAt });
      assert.equal(await seedDemo(services), true);
      const [v1] = await versions(2019);
      const [next] = await versions(2027);
      closed = (await consultationOfVersion(t.database.db, v1!.id))!;
      open = (await consultationOfVersion(t.database.db, next!.id))!;
      assert.ok(closed && open, 'both consultations are seeded');
      assert.equal(await seedDemo(services), false, 'a database with users is never seeded again');
    });
    after(async () => t.drop());

    it('2019: version 1 is complete, with real spheres and amounts, and after consultation', async () => {
      const [v1, v2, more] = await versions(2019);
      assert.equal(more, undefined);
      assert.equal(v1!.status, 'after-consultation');
      const sections = parseSections(v1!.sections_json);
      assert.deepEqual(missingElements(sections), []);
      assert.ok(sections.tasks.rows.length >= 5);
      for (const task of sections.tasks.rows) {
        assert.ok(spheres.has(task.sphere), `unknown sphere ${task.sphere}`);
        assert.ok(task.unit && task.amount !== null && task.amount > 0, task.task);
      }
      assert.equal(sections.funds.override, '', 'the funds are computed from the tasks');
      assert.ok(sections.evaluation.indicators.length >= 3);
      assert.match(sections.creation.text, /16 lipca 2018/);
      assert.match(sections.creation.text, /20 września do 4 października 2018/);
      assert.ok(
        sections.goals.specific.every((g) => g.source),
        'the goals keep their links to the meeting',
      );
      assert.equal(v2!.status, 'draft');
      assert.equal(v2!.based_on_version_id, v1!.id);
    });

    it('2019: the closed consultation has its notice, conclusion and published report', () => {
      assert.equal(closed.status, 'closed');
      assert.equal(consultationPhase(closed, seededAt), 'closed');
      assert.equal(closed.starts_on, '2018-09-20');
      assert.equal(closed.ends_on, '2018-10-04');
      assert.equal(closed.opens_at, '2018-09-19T22:00:00.000Z');
      assert.equal(closed.closes_at, '2018-10-04T22:00:00.000Z');
      assert.deepEqual(parseForms(closed.forms_json), ['online', 'paper', 'email']);
      assert.match(closed.subject, /^Projekt Rocznego Programu Współpracy .* na rok 2019$/);
      assert.match(closed.where_to_submit, /Kazimierza Karasia 15, 64-100 Leszno/);
      for (const field of ['legal_basis', 'participants', 'responsible_unit', 'conclusion'] as const)
        assert.ok(closed[field]?.trim(), field);
      assert.ok(closed.closed_at && closed.closed_by !== null);
      assert.ok(closed.report_published_at && closed.report_published_by !== null);
      assert.ok(Date.parse(closed.closed_at) >= Date.parse(closed.closes_at), 'closed after the end');
      assert.ok(Date.parse(closed.report_published_at) >= Date.parse(closed.closed_at), 'published after closing');
    });

    it('2019: every submission is sent, on time, answered, with a unique receipt in sequence', async () => {
      const db = t.database.db;
      const all = await db.selectFrom('consultation_submissions').selectAll().where('consultation_id', '=', closed.id).execute();
      const sent = await sentSubmissions(db, closed.id);
      assert.equal(sent.length, all.length, 'no drafts or withdrawn submissions');
      assert.ok(sent.length >= 6);
      const official = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'urzednik@wspolnie.example')
        .executeTakeFirstOrThrow();
      sent.forEach((s, i) => {
        assert.equal(s.sequence, i + 1);
        assert.equal(s.receipt_number, `KP/2018/${closed.id}/${String(i + 1).padStart(4, '0')}`);
        assert.ok(s.sent_at && Date.parse(s.sent_at) >= Date.parse(closed.opens_at), `${s.receipt_number} sent after the start`);
        assert.ok(Date.parse(s.sent_at) < Date.parse(closed.closes_at), `${s.receipt_number} sent before the end`);
        assert.ok(s.decision, `${s.receipt_number} has a decision`);
        assert.ok(s.answer && s.answer.length > 40, `${s.receipt_number} has a justification`);
        assert.equal(s.answered_by, official.id);
        assert.ok(s.answered_at && Date.parse(s.answered_at) <= Date.parse(closed.closed_at!), 'answered before closing');
      });
      assert.equal(new Set(sent.map((s) => s.receipt_number)).size, sent.length);
      assert.equal(closed.receipt_counter, Math.max(...sent.map((s) => s.sequence ?? 0)));
      assert.deepEqual(new Set(sent.map((s) => s.decision)), new Set(['accepted', 'partly', 'rejected', 'not-applicable']));
      const facts = await consultationFacts(db, closed.id);
      assert.equal(facts?.byDecision.unanswered, 0);
      assert.equal(facts?.organizations, 3);
      assert.equal(facts?.residents, 1);
      assert.equal(facts?.byChannel.paper, 1);
      assert.equal(facts?.byChannel.email, 1);
    });

    it('2019: comments quote version 1 on four provisions; Krokus and Alternatywa wrote theirs; a paper and a private one', async () => {
      const db = t.database.db;
      const [v1] = await versions(2019);
      const provisions = provisionsOf(parseSections(v1!.sections_json));
      const sent = await sentSubmissions(db, closed.id);
      const comments = sent.filter((s) => s.kind === 'comment');
      assert.ok(comments.length >= 4);
      assert.equal(new Set(comments.map((c) => c.provision_key)).size, comments.length, 'different provisions');
      for (const c of comments) {
        const p = provisions.find((x) => x.key === c.provision_key);
        assert.ok(p, `${c.provision_key} is a provision of version 1`);
        assert.equal(c.provision_label, p.label);
        assert.equal(c.current_wording, p.wording);
        assert.ok(c.proposed_wording && c.proposed_wording !== c.current_wording && c.justification);
      }
      const members = await db
        .selectFrom('organization_members')
        .innerJoin('organizations', 'organizations.id', 'organization_members.organization_id')
        .innerJoin('users', 'users.id', 'organization_members.user_id')
        .select(['organizations.slug', 'organizations.id as organization_id', 'organizations.name', 'users.id as user_id'])
        .where('organizations.slug', 'in', ['krokus', 'alternatywa'])
        .execute();
      assert.equal(members.length, 2);
      for (const m of members) {
        const theirs = sent.filter((s) => s.organization_id === m.organization_id);
        assert.ok(theirs.some((s) => s.kind === 'comment') && theirs.some((s) => s.kind === 'task'), m.slug ?? undefined);
        for (const s of theirs) {
          assert.equal(s.channel, 'online');
          assert.equal(s.author_id, m.user_id);
          assert.equal(s.submitter_kind, 'organization');
          assert.equal(s.submitter_name, m.name);
        }
      }
      const official = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'urzednik@wspolnie.example')
        .executeTakeFirstOrThrow();
      const paper = sent.filter((s) => s.channel === 'paper');
      assert.equal(paper.length, 1);
      assert.equal(paper[0]!.author_id, official.id);
      assert.ok(paper[0]!.received_on && paper[0]!.organization_id !== null);
      const residents = sent.filter((s) => s.submitter_kind === 'resident');
      assert.equal(residents.length, 1);
      assert.equal(residents[0]!.organization_id, null);
      assert.match(residents[0]!.submitter_name, /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
      assert.notEqual(residents[0]!.channel, 'online', 'residents may not take part online in this consultation');
      assert.equal(residents[0]!.author_id, official.id);
    });

    it('2019: task proposals carry the form fields, with real spheres and amounts in grosze', async () => {
      const tasks = (await sentSubmissions(t.database.db, closed.id)).filter((s) => s.kind === 'task');
      assert.ok(tasks.length >= 2);
      for (const s of tasks) {
        assert.equal(s.provision_key, null);
        const task = JSON.parse(s.task_json ?? '{}') as Record<string, unknown>;
        assert.deepEqual(Object.keys(task).sort(), [
          'amount',
          'consent',
          'contactEmail',
          'contactName',
          'contactPhone',
          'description',
          'expectedResults',
          'mode',
          'need',
          'ownDelivery',
          'period',
          'sphere',
          'targetGroup',
          'title',
        ]);
        assert.ok(spheres.has(task.sphere as string));
        assert.ok(Number.isSafeInteger(task.amount) && (task.amount as number) > 0);
        assert.equal(task.consent, true);
        assert.ok(['konkurs', '19a', 'other'].includes(task.mode as string));
        assert.ok(['yes', 'no'].includes(task.ownDelivery as string));
      }
    });

    it('2019: version 2 applies the accepted comment and adds the accepted task, both linked', async () => {
      const [v1, v2] = await versions(2019);
      const before = provisionsOf(parseSections(v1!.sections_json));
      const nextSections = parseSections(v2!.sections_json);
      const afterwards = provisionsOf(nextSections);
      const sent = await sentSubmissions(t.database.db, closed.id);
      const applied = sent.filter((s) => s.applied_in_version_id !== null);
      assert.ok(applied.every((s) => s.applied_in_version_id === v2!.id && s.decision === 'accepted'));
      const comment = applied.find((s) => s.kind === 'comment');
      assert.ok(comment, 'the accepted comment is linked to version 2');
      assert.equal(comment.current_wording, demoAcceptedComment.provisionWording);
      assert.equal(afterwards.find((p) => p.key === comment.provision_key)?.wording, comment.proposed_wording);
      assert.equal(before.find((p) => p.key === comment.provision_key)?.wording, comment.current_wording);
      const added = nextSections.tasks.rows.at(-1);
      assert.equal(added?.task, demoAcceptedTask.title);
      assert.equal(nextSections.tasks.rows.length, parseSections(v1!.sections_json).tasks.rows.length + 1);
      assert.ok(applied.some((s) => s.kind === 'task'));
      assert.deepEqual(missingElements(nextSections), []);
      assert.match(nextSections.creation.text, /Wpłynęło 6 zgłoszeń: 4 uwagi do zapisów projektu i 2 propozycje/);
    });

    it('next year: the programme copied from 2019 is in an open consultation around the seed day', async () => {
      const year = Number(warsawParts(seededAt).date.slice(0, 4)) + 1;
      assert.equal(year, 2027);
      const [v1, more] = await versions(year);
      const [, v2019] = await versions(2019);
      assert.equal(more, undefined);
      assert.equal(v1!.status, 'consultation');
      assert.equal(v1!.based_on_version_id, v2019!.id);
      const sections = parseSections(v1!.sections_json);
      assert.deepEqual(missingElements(sections), []);
      assert.match(sections.period.text, /1 stycznia 2027 r\. do 31 grudnia 2027 r\./);
      assert.doesNotMatch(JSON.stringify(sections.resolution), /2019/);

      assert.equal(open.starts_on, '2026-11-23');
      assert.equal(open.ends_on, '2026-12-07');
      assert.equal(open.status, 'announced');
      assert.equal(open.residents_allowed, 0);
      assert.equal(open.receipt_counter, 0);
      assert.match(open.subject, /na rok 2027$/);
      assert.equal(consultationPhase(open, seededAt), 'open');
      assert.ok(acceptsSubmissions(open, new Date(seededAt.getTime() + day)));
      assert.ok(acceptsSubmissions(open, new Date(seededAt.getTime() + 11 * day)));
      assert.ok(!acceptsSubmissions(open, new Date(seededAt.getTime() + 12 * day)), 'ended after the 11th day');
      assert.equal(consultationPhase(open, new Date(seededAt.getTime() + 12 * day)), 'ended');
      const submissions = await t.database.db
        .selectFrom('consultation_submissions')
        .select('id')
        .where('consultation_id', '=', open.id)
        .execute();
      assert.deepEqual(submissions, []);
    });
  });
}
