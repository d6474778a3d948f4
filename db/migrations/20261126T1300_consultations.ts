/**
 * The public consultation of a programme version (konsultacje, art. 5a ust. 1 and the local
 * resolution on consultations): the notice, the period on the Warsaw calendar, every submission
 * (a comment on a provision or a priority-task proposal; sent online, or entered by an official from
 * paper or e-mail) with its receipt number, the official's answer, and the report.
 *
 * Times: `starts_on`/`ends_on` are the Warsaw dates of the notice; `opens_at` is the first instant of
 * the start day and `closes_at` the first instant of the day after the end day (UTC, exclusive), so a
 * submission is on time when `opens_at <= sent_at < closes_at`, daylight saving included.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { Engine } from '../../src/platform/db/database.js';

function withId<T extends string>(table: CreateTableBuilder<T, never>, engine: Engine) {
  return engine === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const time = engine === 'postgres' ? 'timestamptz' : 'text';

  await withId(db.schema.createTable('consultations'), engine)
    .addColumn('programme_version_id', 'integer', (c) => c.notNull().references('programme_versions.id').onDelete('cascade'))
    .addColumn('subject', 'text', notNull)
    .addColumn('legal_basis', 'text', notNull)
    .addColumn('participants', 'text', notNull) // who may take part
    .addColumn('forms_json', 'text', notNull) // the forms of consultation used: ["online","paper","email","meeting"]
    .addColumn('where_to_submit', 'text', notNull)
    .addColumn('responsible_unit', 'text', notNull)
    .addColumn('starts_on', 'text', notNull) // YYYY-MM-DD, Warsaw
    .addColumn('ends_on', 'text', notNull) // YYYY-MM-DD, Warsaw, the last day on which submissions are accepted
    .addColumn('opens_at', time, notNull)
    .addColumn('closes_at', time, notNull) // exclusive
    .addColumn('residents_allowed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('announced')
        .check(sql`status in ('announced', 'closed')`),
    )
    .addColumn('closed_at', time)
    .addColumn('closed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('conclusion', 'text') // the report's conclusion, written by the official when closing
    .addColumn('report_published_at', time)
    .addColumn('report_published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('receipt_counter', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, notNull)
    .addColumn('updated_at', time, notNull)
    .addCheckConstraint('consultations_period', sql`ends_on >= starts_on`)
    .execute();
  await db.schema
    .createIndex('consultations_programme_version')
    .on('consultations')
    .column('programme_version_id')
    .unique()
    .execute();

  await withId(db.schema.createTable('consultation_submissions'), engine)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('comment', 'task')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'sent', 'withdrawn')`),
    )
    .addColumn('channel', 'text', (c) =>
      c
        .notNull()
        .defaultTo('online')
        .check(sql`channel in ('online', 'paper', 'email')`),
    )
    // online: the member or resident who wrote it; paper/e-mail: the official who entered it
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('submitter_kind', 'text', (c) => c.notNull().check(sql`submitter_kind in ('organization', 'resident')`))
    .addColumn('submitter_name', 'text', notNull) // the organisation's name when sent, or the person's name
    .addColumn('contact_email', 'text')
    // a comment on a provision
    .addColumn('provision_key', 'text') // e.g. "goals.specific.2", "tasks.0", "resolution" — see provisions.ts
    .addColumn('provision_label', 'text') // e.g. "Cele szczegółowe, pkt 3"
    .addColumn('current_wording', 'text')
    .addColumn('proposed_wording', 'text')
    .addColumn('justification', 'text')
    // a priority-task proposal (DOMAIN.md §3.2 fields)
    .addColumn('task_json', 'text')
    .addColumn('sequence', 'integer') // per consultation, given when sent
    .addColumn('receipt_number', 'text')
    .addColumn('received_on', 'text') // paper/e-mail: the Warsaw date it arrived
    .addColumn('sent_at', time)
    .addColumn('withdrawn_at', time)
    .addColumn('resubmission_of', 'integer', (c) => c.references('consultation_submissions.id').onDelete('set null'))
    .addColumn('assigned_to', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('accepted', 'partly', 'rejected', 'not-applicable')`))
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', time)
    .addColumn('applied_in_version_id', 'integer', (c) => c.references('programme_versions.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', time, notNull)
    .addColumn('updated_at', time, notNull)
    .addCheckConstraint(
      'consultation_submissions_receipt',
      sql`(status = 'draft') = (receipt_number is null) and (receipt_number is null) = (sequence is null)`,
    )
    .execute();
  await db.schema
    .createIndex('consultation_submissions_receipt_number')
    .on('consultation_submissions')
    .column('receipt_number')
    .unique()
    .execute();
  await db.schema
    .createIndex('consultation_submissions_sequence')
    .on('consultation_submissions')
    .columns(['consultation_id', 'sequence'])
    .unique()
    .execute();
  await db.schema
    .createIndex('consultation_submissions_consultation')
    .on('consultation_submissions')
    .columns(['consultation_id', 'status', 'kind'])
    .execute();
  await db.schema.createIndex('consultation_submissions_author').on('consultation_submissions').column('author_id').execute();
  await db.schema.createIndex('consultation_submissions_assigned').on('consultation_submissions').column('assigned_to').execute();
}
