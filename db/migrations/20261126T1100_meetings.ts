/**
 * Working meetings (spotkania robocze): the meeting record with its agenda and attachments,
 * registrations with a waitlist, the attendance list (lista obecności), group work (tables with
 * hosts, rotation rounds, ideas as text or a photo), structured outcomes, and minutes kept as
 * versions (draft → circulated for remarks → approved → published) with participants' remarks.
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
  const meeting = (c: ColumnDefinitionBuilder) => c.notNull().references('meetings.id').onDelete('cascade');

  await withId(db.schema.createTable('meetings'), engine)
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'published', 'cancelled')`),
    )
    .addColumn('title', 'text', notNull) // the protocol's title line, e.g. "Protokół ze spotkania roboczego …"
    .addColumn('topic', 'text', notNull) // Temat
    .addColumn('goal_md', 'text') // Cel spotkania
    .addColumn('audience_md', 'text') // Adresaci spotkania
    .addColumn('starts_at', time, notNull)
    .addColumn('ends_at', time, notNull)
    .addColumn('place', 'text') // Miejsce
    .addColumn('online_url', 'text')
    .addColumn('host_name', 'text', notNull) // Prowadzący
    .addColumn('host_function', 'text')
    .addColumn('organiser', 'text', notNull) // Organizator (unit)
    .addColumn('visibility', 'text', (c) =>
      c
        .notNull()
        .defaultTo('public')
        .check(sql`visibility in ('public', 'invitation')`),
    )
    .addColumn('guests_allowed', 'integer', (c) => c.notNull().defaultTo(0)) // residents may register as guests
    .addColumn('capacity', 'integer')
    .addColumn('registration_deadline', time)
    .addColumn('programme_year', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, notNull)
    .addColumn('updated_at', time, notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('meetings_status_start').on('meetings').columns(['status', 'starts_at']).execute();

  await withId(db.schema.createTable('meeting_agenda_items'), engine)
    .addColumn('meeting_id', 'integer', meeting)
    .addColumn('position', 'integer', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('duration_minutes', 'integer')
    .execute();
  await db.schema
    .createIndex('meeting_agenda_items_meeting')
    .on('meeting_agenda_items')
    .columns(['meeting_id', 'position'])
    .execute();

  await withId(db.schema.createTable('meeting_attachments'), engine)
    .addColumn('meeting_id', 'integer', meeting)
    .addColumn('position', 'integer', notNull)
    .addColumn('title', 'text', notNull)
    // 'file': an uploaded file (file_key); 'attendance-list': the attendance sheet the platform generates.
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('file', 'attendance-list')`))
    .addColumn('file_key', 'text')
    .addColumn('file_name', 'text')
    .addColumn('content_type', 'text')
    .execute();

  await withId(db.schema.createTable('meeting_registrations'), engine)
    .addColumn('meeting_id', 'integer', meeting)
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('registered', 'waitlisted', 'cancelled')`))
    .addColumn('accessibility_needs', 'text')
    .addColumn('created_at', time, notNull)
    .addColumn('promoted_at', time)
    .addColumn('cancelled_at', time)
    .addColumn('reminded_at', time)
    .execute();
  await db.schema
    .createIndex('meeting_registrations_meeting')
    .on('meeting_registrations')
    .columns(['meeting_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('meeting_registrations_one_active')
    .on('meeting_registrations')
    .columns(['meeting_id', 'user_id'])
    .unique()
    .where(sql.ref('status'), '!=', 'cancelled')
    .execute();

  // The attendance list: who was there (from a registration or added on the spot). Never public.
  await withId(db.schema.createTable('meeting_attendees'), engine)
    .addColumn('meeting_id', 'integer', meeting)
    .addColumn('registration_id', 'integer', (c) => c.references('meeting_registrations.id').onDelete('set null'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('full_name', 'text', notNull)
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('ngo', 'official', 'guest')`))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('organization_name', 'text') // as written on the list (walk-ins, organisations not in the directory)
    .addColumn('email', 'text')
    .addColumn('checked_in_at', time, notNull)
    .addColumn('checked_in_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('meeting_attendees_meeting').on('meeting_attendees').column('meeting_id').execute();
  await db.schema
    .createIndex('meeting_attendees_one_per_registration')
    .on('meeting_attendees')
    .column('registration_id')
    .unique()
    .where(sql.ref('registration_id'), 'is not', null)
    .execute();

  // Group work: tables (groups) with their hosts; in each rotation round a group discusses a topic.
  await withId(db.schema.createTable('meeting_groups'), engine)
    .addColumn('meeting_id', 'integer', meeting)
    .addColumn('position', 'integer', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('host_name', 'text') // gospodarz stolika
    .addColumn('host_affiliation', 'text')
    .execute();
  await db.schema
    .createTable('meeting_group_rounds')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('meeting_groups.id').onDelete('cascade'))
    .addColumn('round', 'integer', notNull)
    .addColumn('topic', 'text', notNull)
    .addPrimaryKeyConstraint('meeting_group_rounds_pk', ['group_id', 'round'])
    .execute();

  // Structured outcomes: what the meeting decided or proposed; they flow into the programme.
  await withId(db.schema.createTable('meeting_outcomes'), engine)
    .addColumn('meeting_id', 'integer', meeting)
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('decision', 'main-goal', 'specific-goal', 'principle', 'cooperation-form', 'promotion-form', 'task')`,
        ),
    )
    .addColumn('position', 'integer', notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('agenda_item_id', 'integer', (c) => c.references('meeting_agenda_items.id').onDelete('set null'))
    .addColumn('owner', 'text') // tasks: who
    .addColumn('due_on', 'text') // tasks: by when (YYYY-MM-DD)
    .addColumn('created_at', time, notNull)
    .execute();
  await db.schema
    .createIndex('meeting_outcomes_meeting')
    .on('meeting_outcomes')
    .columns(['meeting_id', 'kind', 'position'])
    .execute();

  await withId(db.schema.createTable('meeting_ideas'), engine)
    .addColumn('meeting_id', 'integer', meeting)
    .addColumn('group_id', 'integer', (c) => c.references('meeting_groups.id').onDelete('set null'))
    .addColumn('round', 'integer')
    .addColumn('text', 'text')
    .addColumn('photo_key', 'text') // a photo of the flip-chart
    .addColumn('category', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('new')
        .check(sql`status in ('new', 'merged', 'promoted', 'dismissed')`),
    )
    .addColumn('merged_into_id', 'integer')
    .addColumn('outcome_id', 'integer', (c) => c.references('meeting_outcomes.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, notNull)
    .execute();
  await db.schema.createIndex('meeting_ideas_meeting').on('meeting_ideas').columns(['meeting_id', 'group_id']).execute();

  // Minutes: every saved version is a row; the newest one is the current text.
  await withId(db.schema.createTable('meeting_minutes'), engine)
    .addColumn('meeting_id', 'integer', meeting)
    .addColumn('version', 'integer', notNull)
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'circulated', 'approved', 'published')`))
    .addColumn('items_json', 'text', notNull) // [{ agendaItemId, text }] — "Ad. 1", "Ad. 2", …
    .addColumn('closing_md', 'text') // after the last item, e.g. "Na tym spotkanie zakończono."
    .addColumn('author_name', 'text') // Oprac.
    .addColumn('author_position', 'text')
    .addColumn('remarks_until', 'text') // YYYY-MM-DD, Europe/Warsaw
    .addColumn('circulated_at', time)
    .addColumn('approved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_at', time)
    .addColumn('published_at', time)
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, notNull)
    .execute();
  await db.schema
    .createIndex('meeting_minutes_version')
    .on('meeting_minutes')
    .columns(['meeting_id', 'version'])
    .unique()
    .execute();

  await withId(db.schema.createTable('meeting_minutes_remarks'), engine)
    .addColumn('minutes_id', 'integer', (c) => c.notNull().references('meeting_minutes.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('agenda_item_id', 'integer', (c) => c.references('meeting_agenda_items.id').onDelete('set null'))
    .addColumn('text', 'text', notNull)
    .addColumn('created_at', time, notNull)
    .addColumn('answer', 'text')
    .execute();
}
