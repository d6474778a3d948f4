/**
 * Foundation: accounts, roles, sessions, account tokens, sign-in throttling, the append-only audit
 * log, background jobs, mails (outbox), site settings, stored files and minimal organisations with membership.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { Engine } from '../../src/platform/db/database.js';

function withId<T extends string>(table: CreateTableBuilder<T, never>, engine: Engine) {
  return engine === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

const ts = 'text' as const; // ISO-8601 UTC on SQLite
const tsFor = (engine: Engine) => (engine === 'postgres' ? 'timestamptz' : ts);
const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const time = tsFor(engine);

  await withId(db.schema.createTable('users'), engine)
    .addColumn('email', 'text', notNull)
    .addColumn('display_name', 'text', notNull)
    .addColumn('password_hash', 'text', notNull)
    .addColumn('email_confirmed_at', time)
    .addColumn('preferred_language', 'text')
    .addColumn('created_at', time, notNull)
    .addColumn('updated_at', time, notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('users_email_unique').on('users').column('email').unique().execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', notNull)
    .addColumn('granted_at', time, notNull)
    .addColumn('granted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await withId(db.schema.createTable('sessions'), engine)
    .addColumn('token_hash', 'text', notNull)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', time, notNull)
    .addColumn('last_seen_at', time, notNull)
    .addColumn('expires_at', time, notNull)
    .addColumn('user_agent', 'text', notNull)
    .execute();
  await db.schema.createIndex('sessions_token_unique').on('sessions').column('token_hash').unique().execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await withId(db.schema.createTable('account_tokens'), engine)
    .addColumn('token_hash', 'text', notNull)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', notNull)
    .addColumn('created_at', time, notNull)
    .addColumn('expires_at', time, notNull)
    .addColumn('used_at', time)
    .execute();
  await db.schema.createIndex('account_tokens_hash_unique').on('account_tokens').column('token_hash').unique().execute();

  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', notNull)
    .addColumn('window_started_at', time, notNull)
    .addColumn('locked_until', time)
    .execute();

  await withId(db.schema.createTable('audit_log'), engine)
    .addColumn('occurred_at', time, notNull)
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('subject_type', 'text', notNull)
    .addColumn('subject_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_log_occurred').on('audit_log').column('occurred_at').execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'occurred_at']).execute();
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_type', 'subject_id']).execute();

  // The audit log is append-only: the database itself refuses updates and deletes.
  if (engine === 'postgres') {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }

  await withId(db.schema.createTable('jobs'), engine)
    .addColumn('kind', 'text', notNull)
    .addColumn('payload_json', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('attempts', 'integer', notNull)
    .addColumn('max_attempts', 'integer', notNull)
    .addColumn('run_at', time, notNull)
    .addColumn('locked_at', time)
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', time, notNull)
    .addColumn('finished_at', time)
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

  await withId(db.schema.createTable('mails'), engine)
    .addColumn('to_address', 'text', notNull)
    .addColumn('subject', 'text', notNull)
    .addColumn('body_text', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('transport', 'text')
    .addColumn('created_at', time, notNull)
    .addColumn('sent_at', time)
    .addColumn('attempts', 'integer', notNull)
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('mails_created').on('mails').column('created_at').execute();

  await db.schema
    .createTable('site_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('data_json', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('updated_at', time, notNull)
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', notNull)
    .addColumn('data', engine === 'postgres' ? 'bytea' : 'blob', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('updated_at', time, notNull)
    .execute();

  await withId(db.schema.createTable('organizations'), engine)
    .addColumn('name', 'text', notNull)
    .addColumn('created_at', time, notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('organization_members')
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', notNull)
    .addColumn('joined_at', time, notNull)
    .addPrimaryKeyConstraint('organization_members_pk', ['organization_id', 'user_id'])
    .execute();
}
