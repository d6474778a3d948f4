/**
 * Row types of every table, as Kysely sees them. Timestamps are ISO-8601 UTC strings on both
 * engines (PostgreSQL's timestamptz is parsed into the same form in `database.ts`).
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Role = 'administrator' | 'official';
export type MembershipRole = 'admin' | 'member';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  email_confirmed_at: string | null;
  preferred_language: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface UserRolesTable {
  user_id: number;
  role: Role;
  granted_at: string;
  granted_by: number | null;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string;
  /** The organisation the person acts on behalf of in this session (checked against membership on load). */
  acting_organization_id: number | null;
}

export type TokenPurpose = 'confirm_email' | 'reset_password';

export interface AccountTokensTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  purpose: TokenPurpose;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: string;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload_json: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_at: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
  /** 1 for a run of a recurring job (at most one pending per kind: `ensureRecurringJob`). */
  recurring: Generated<number>;
}

export type MailStatus = 'queued' | 'sent' | 'failed';

export interface MailsTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  status: MailStatus;
  transport: string | null;
  created_at: string;
  sent_at: string | null;
  attempts: number;
  last_error: string | null;
}

export interface SiteSettingsTable {
  id: number;
  data_json: string;
  version: number;
  updated_at: string;
  updated_by: number | null;
}

export type OrganizationStatus = 'pending' | 'verified' | 'suspended' | 'merged';
export type OrganizationKind = 'NGO' | 'ART_3_3';

export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  created_at: string;
  created_by: number | null;
  short_name: string | null;
  slug: string | null;
  legal_form: string | null;
  kind: OrganizationKind | null;
  krs: string | null;
  nip: string | null;
  regon: string | null;
  other_register_name: string | null;
  other_register_number: string | null;
  founded_on: string | null;
  /** Year of the NIW-CRSO list of OPPs the organisation appears on; null when it is not an OPP. */
  opp_year: number | null;
  description_md: string | null;
  goals_md: string | null;
  target_groups: string | null;
  area_of_activity: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  social_links_json: string | null;
  logo_key: string | null;
  volunteers_wanted: Generated<number>;
  volunteers_description: string | null;
  status: Generated<OrganizationStatus>;
  verified_at: string | null;
  verified_by: number | null;
  suspended_reason: string | null;
  merged_into_id: number | null;
  last_confirmed_at: string | null;
  updated_at: string | null;
  name_sort_key: string | null;
  version: Generated<number>;
  /** Folded words of the names, and of the other searchable fields (features/organizations/search-text.ts); full-text indexed. */
  search_name: string | null;
  search_text: string | null;
  /** Where the organisation works: a code of `areaScopes` (local, county, region, national, international). */
  area_scope: string | null;
  /** When the last "are your data current?" reminder was queued to its administrators. */
  freshness_reminded_at: string | null;
}

/** One row (id 1): bumped by triggers on every change of an organisation or its spheres. */
export interface DirectoryStateTable {
  id: number;
  generation: number;
}

export type MembershipStatus = 'active' | 'pending';

export interface OrganizationMembersTable {
  organization_id: number;
  user_id: number;
  role: MembershipRole;
  joined_at: string;
  status: Generated<MembershipStatus>;
  requested_at: string | null;
}

export interface SpheresTable {
  code: string;
  valid_from: string;
  valid_to: string | null;
  label_pl: string;
  label_en: string;
  position: number;
  uncertain: number;
}

export interface LegalFormsTable {
  code: string;
  label_pl: string;
  label_en: string;
  kind: OrganizationKind;
  register: string;
  can_be_opp: number;
  position: number;
}

export interface OrganizationSpheresTable {
  organization_id: number;
  sphere_code: string;
}

export interface FilesTable {
  key: string;
  content_type: string;
  data: Buffer;
  size: number;
  updated_at: string;
}

export type MeetingStatus = 'draft' | 'published' | 'cancelled';
export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';
export type AttendeeRole = 'ngo' | 'official' | 'guest';
export type OutcomeKind =
  'decision' | 'main-goal' | 'specific-goal' | 'principle' | 'cooperation-form' | 'promotion-form' | 'task';
export type MinutesStatus = 'draft' | 'circulated' | 'approved' | 'published';

export interface MeetingsTable {
  id: Generated<number>;
  status: Generated<MeetingStatus>;
  /** The protocol's title line, e.g. "Protokół ze spotkania roboczego …". */
  title: string;
  /** Temat. */
  topic: string;
  goal_md: string | null;
  audience_md: string | null;
  starts_at: string;
  ends_at: string;
  place: string | null;
  online_url: string | null;
  /** Prowadzący: person and function. */
  host_name: string;
  host_function: string | null;
  /** Organizator: the organising unit. */
  organiser: string;
  visibility: Generated<'public' | 'invitation'>;
  guests_allowed: Generated<number>;
  capacity: number | null;
  registration_deadline: string | null;
  programme_year: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface MeetingAgendaItemsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
  duration_minutes: number | null;
}

export interface MeetingAttachmentsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
  kind: 'file' | 'attendance-list';
  file_key: string | null;
  file_name: string | null;
  content_type: string | null;
}

export interface MeetingRegistrationsTable {
  id: Generated<number>;
  meeting_id: number;
  user_id: number | null;
  organization_id: number | null;
  status: RegistrationStatus;
  accessibility_needs: string | null;
  created_at: string;
  promoted_at: string | null;
  cancelled_at: string | null;
  reminded_at: string | null;
}

/** The attendance list (lista obecności): names and contacts are for officials only. */
export interface MeetingAttendeesTable {
  id: Generated<number>;
  meeting_id: number;
  registration_id: number | null;
  user_id: number | null;
  full_name: string;
  role: AttendeeRole;
  organization_id: number | null;
  organization_name: string | null;
  email: string | null;
  checked_in_at: string;
  checked_in_by: number | null;
}

export interface MeetingGroupsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  name: string;
  /** Gospodarz stolika. */
  host_name: string | null;
  host_affiliation: string | null;
}

export interface MeetingGroupRoundsTable {
  group_id: number;
  round: number;
  topic: string;
}

export interface MeetingOutcomesTable {
  id: Generated<number>;
  meeting_id: number;
  kind: OutcomeKind;
  position: number;
  text: string;
  agenda_item_id: number | null;
  owner: string | null;
  due_on: string | null;
  created_at: string;
}

export interface MeetingIdeasTable {
  id: Generated<number>;
  meeting_id: number;
  group_id: number | null;
  round: number | null;
  text: string | null;
  photo_key: string | null;
  category: string | null;
  status: Generated<'new' | 'merged' | 'promoted' | 'dismissed'>;
  merged_into_id: number | null;
  outcome_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface MeetingMinutesTable {
  id: Generated<number>;
  meeting_id: number;
  version: number;
  status: MinutesStatus;
  /** JSON: Array<{ agendaItemId: number; text: string }> — the "Ad. N" sections in agenda order. */
  items_json: string;
  closing_md: string | null;
  /** Oprac.: the author and their position. */
  author_name: string | null;
  author_position: string | null;
  /** Remarks accepted until this day (YYYY-MM-DD, Europe/Warsaw). */
  remarks_until: string | null;
  circulated_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  published_at: string | null;
  created_by: number | null;
  created_at: string;
}

export interface MeetingMinutesRemarksTable {
  id: Generated<number>;
  minutes_id: number;
  user_id: number | null;
  agenda_item_id: number | null;
  text: string;
  created_at: string;
  answer: string | null;
}

export type ProgrammeVersionStatus = 'draft' | 'consultation' | 'after-consultation' | 'adopted' | 'published';

/** A programme of cooperation for one year or several (at most five). */
export interface ProgrammesTable {
  id: Generated<number>;
  year_from: number;
  year_to: number;
  title: string;
  created_by: number | null;
  created_at: string;
}

/** One version of a programme: the eleven statutory elements and the resolution as JSON (features/programme). */
export interface ProgrammeVersionsTable {
  id: Generated<number>;
  programme_id: number;
  number: number;
  status: Generated<ProgrammeVersionStatus>;
  sections_json: string;
  resolution_number: string | null;
  resolution_date: string | null;
  /** When an official published the adopted version (migration 20261126T1350). */
  published_at: string | null;
  based_on_version_id: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export type ConsultationStatus = 'announced' | 'closed';

/** The public consultation of one programme version: the notice, its Warsaw period, closing and the report (features/consultation). */
export interface ConsultationsTable {
  id: Generated<number>;
  programme_version_id: number;
  subject: string;
  legal_basis: string;
  participants: string;
  forms_json: string;
  where_to_submit: string;
  responsible_unit: string;
  starts_on: string;
  ends_on: string;
  opens_at: string;
  /** The first instant after the end day in Warsaw (exclusive). */
  closes_at: string;
  residents_allowed: Generated<number>;
  status: Generated<ConsultationStatus>;
  closed_at: string | null;
  closed_by: number | null;
  conclusion: string | null;
  report_published_at: string | null;
  report_published_by: number | null;
  receipt_counter: Generated<number>;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export type SubmissionKind = 'comment' | 'task';
export type SubmissionStatus = 'draft' | 'sent' | 'withdrawn';
export type SubmissionChannel = 'online' | 'paper' | 'email';
export type SubmitterKind = 'organization' | 'resident';
export type SubmissionDecision = 'accepted' | 'partly' | 'rejected' | 'not-applicable';

/** A comment on a provision or a priority-task proposal, its receipt and the official's answer. */
export interface ConsultationSubmissionsTable {
  id: Generated<number>;
  consultation_id: number;
  kind: SubmissionKind;
  status: Generated<SubmissionStatus>;
  channel: Generated<SubmissionChannel>;
  author_id: number | null;
  organization_id: number | null;
  submitter_kind: SubmitterKind;
  submitter_name: string;
  contact_email: string | null;
  provision_key: string | null;
  provision_label: string | null;
  current_wording: string | null;
  proposed_wording: string | null;
  justification: string | null;
  task_json: string | null;
  sequence: number | null;
  receipt_number: string | null;
  received_on: string | null;
  sent_at: string | null;
  withdrawn_at: string | null;
  resubmission_of: number | null;
  assigned_to: number | null;
  decision: SubmissionDecision | null;
  answer: string | null;
  answered_by: number | null;
  answered_at: string | null;
  applied_in_version_id: number | null;
  /** The random token of the new-submission form that created it (unique per author): posting the same form twice finds it. */
  form_token: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DB {
  files: FilesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  mails: MailsTable;
  site_settings: SiteSettingsTable;
  organizations: OrganizationsTable;
  directory_state: DirectoryStateTable;
  meetings: MeetingsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_attachments: MeetingAttachmentsTable;
  meeting_registrations: MeetingRegistrationsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_groups: MeetingGroupsTable;
  meeting_group_rounds: MeetingGroupRoundsTable;
  meeting_outcomes: MeetingOutcomesTable;
  meeting_ideas: MeetingIdeasTable;
  meeting_minutes: MeetingMinutesTable;
  meeting_minutes_remarks: MeetingMinutesRemarksTable;
  organization_members: OrganizationMembersTable;
  spheres: SpheresTable;
  legal_forms: LegalFormsTable;
  organization_spheres: OrganizationSpheresTable;
  programmes: ProgrammesTable;
  programme_versions: ProgrammeVersionsTable;
  consultations: ConsultationsTable;
  consultation_submissions: ConsultationSubmissionsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Job = Selectable<JobsTable>;
export type Mail = Selectable<MailsTable>;
