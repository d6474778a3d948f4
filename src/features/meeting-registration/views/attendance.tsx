import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Checkboxes } from '../../../ui/components/checkboxes.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { fieldId, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Table } from '../../../ui/components/table.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import type { AttendanceCounts } from '../attendance-counts.js';
import { MeetingSummary, meetingCrumbs, type MeetingSummaryModel } from './meeting-summary.js';

export interface AttendanceModel {
  meeting: MeetingSummaryModel;
  counts: AttendanceCounts;
  /** Registrations not cancelled, each with its check-in state. */
  registrations: Array<{ id: number; name: string; organization: string; checkedIn: boolean }>;
  attendees: Array<{
    id: number;
    name: string;
    organization: string;
    fromDirectory: boolean;
    role: 'ngo' | 'official' | 'guest';
    email: string | null;
    walkIn: boolean;
    at: string;
  }>;
  /** The printable attendance sheet. */
  sheetHref: string | null;
  /** Names of the directory's verified organisations, offered while typing a walk-in's organisation. */
  directoryNames: string[];
  walkIn: FormModel;
}

/**
 * The walk-in's organisation: free text with the directory's names suggested (a datalist), so the
 * official can pick one — a name of the directory links the entry to it; any other is kept as typed.
 */
function OrganizationField(props: { value: string | undefined; error: string | undefined; suggestions: string[] }) {
  const { t } = useView();
  const id = fieldId('organization');
  const described = [`${id}-hint`, props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {t('meetingRegistration.attendance.organization')}
        <span class="field__optional"> {t('ui.optional')}</span>
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        {t('meetingRegistration.attendance.organizationHint')}
      </p>
      {props.error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{t('ui.errorPrefix')} </span>
          {props.error}
        </p>
      )}
      <input
        class="input input--full"
        id={id}
        name="organization"
        type="text"
        value={props.value ?? ''}
        list={props.suggestions.length ? 'organizacje-z-katalogu' : undefined}
        autocomplete="off"
        maxLength={300}
        aria-describedby={described}
        aria-invalid={props.error ? 'true' : undefined}
      />
      {props.suggestions.length > 0 && (
        <datalist id="organizacje-z-katalogu">
          {props.suggestions.map((name) => (
            <option value={name} />
          ))}
        </datalist>
      )}
    </div>
  );
}

export function AttendancePage({ model }: { model: AttendanceModel }) {
  const { t } = useView();
  const title = t('meetingRegistration.attendance.title');
  const { meeting, counts } = model;
  const action = `/spotkania/${meeting.id}/obecnosc`;
  return (
    <Layout title={title} breadcrumbs={meetingCrumbs(meeting, t, title)} wide>
      <h1>{title}</h1>
      <ErrorSummary errors={model.walkIn.errors} />
      <MeetingSummary meeting={meeting} />
      <p>{t('meetingRegistration.attendance.privacy')}</p>
      <h2>{t('meetingRegistration.attendance.countsHeading')}</h2>
      <dl class="summary-list" id="liczby">
        <div class="summary-list__row">
          <dt>{t('meetingRegistration.attendance.persons')}</dt>
          <dd data-count="persons">{counts.persons}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('meetingRegistration.attendance.ngoRepresentatives')}</dt>
          <dd data-count="ngo">{counts.ngoRepresentatives}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('meetingRegistration.attendance.organizations')}</dt>
          <dd data-count="organizations">{counts.organizations}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('meetingRegistration.attendance.officials')}</dt>
          <dd data-count="officials">{counts.officials}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('meetingRegistration.attendance.guests')}</dt>
          <dd data-count="guests">{counts.guests}</dd>
        </div>
      </dl>
      {model.sheetHref && (
        <p>
          <a href={model.sheetHref}>{t('meetingRegistration.attendance.sheet')}</a>
        </p>
      )}

      <h2>{t('meetingRegistration.attendance.registrationsHeading')}</h2>
      <Table
        caption={t('meetingRegistration.attendance.registrationsCaption')}
        captionHidden
        columns={[
          { label: t('meetingRegistration.list.person') },
          { label: t('meetingRegistration.list.organization') },
          { label: t('meetingRegistration.attendance.presence') },
        ]}
        rows={model.registrations.map((r) => [
          r.name,
          r.organization,
          r.checkedIn ? (
            <Tag colour="green">{t('meetingRegistration.attendance.present')}</Tag>
          ) : (
            <Form action={action} class="inline-form">
              <input type="hidden" name="action" value="check-in" />
              <input type="hidden" name="registration" value={String(r.id)} />
              <Button variant="secondary">
                {t('meetingRegistration.attendance.checkIn')}
                <span class="visually-hidden">{`: ${r.name}`}</span>
              </Button>
            </Form>
          ),
        ])}
        empty={t('meetingRegistration.attendance.noRegistrations')}
      />

      <h2 id="na-miejscu">{t('meetingRegistration.attendance.walkInHeading')}</h2>
      <Form action={action}>
        <input type="hidden" name="action" value="walk-in" />
        <TextField
          name="fullName"
          label={t('meetingRegistration.attendance.fullName')}
          value={model.walkIn.values.fullName}
          error={errorFor(model.walkIn, 'fullName')}
          autocomplete="off"
          maxLength={200}
        />
        <Checkboxes
          kind="radio"
          name="role"
          legend={t('meetingRegistration.attendance.role')}
          error={errorFor(model.walkIn, 'role')}
          options={(['ngo', 'official', 'guest'] as const).map((role) => ({
            value: role,
            label: t(`meetingRegistration.role.${role}`),
          }))}
          selected={[model.walkIn.values.role ?? 'ngo']}
        />
        <OrganizationField
          value={model.walkIn.values.organization}
          error={errorFor(model.walkIn, 'organization')}
          suggestions={model.directoryNames}
        />
        <TextField
          name="email"
          type="email"
          label={t('meetingRegistration.attendance.email')}
          value={model.walkIn.values.email}
          error={errorFor(model.walkIn, 'email')}
          required={false}
          autocomplete="off"
          maxLength={254}
        />
        <Button type="submit" variant="primary">
          {t('meetingRegistration.attendance.addWalkIn')}
        </Button>
      </Form>

      <h2>{t('meetingRegistration.attendance.listHeading')}</h2>
      <Table
        caption={t('meetingRegistration.attendance.listCaption', { count: model.attendees.length })}
        columns={[
          { label: t('meetingRegistration.attendance.number'), numeric: true },
          { label: t('meetingRegistration.list.person') },
          { label: t('meetingRegistration.list.organization') },
          { label: t('meetingRegistration.attendance.role') },
          { label: t('meetingRegistration.list.email') },
          { label: t('meetingRegistration.attendance.checkedInAt') },
          { label: t('meetingRegistration.attendance.actions') },
        ]}
        rows={model.attendees.map((a, i) => [
          String(i + 1),
          <>
            {a.name}
            {a.walkIn && (
              <>
                {' '}
                <Tag>{t('meetingRegistration.attendance.walkIn')}</Tag>
              </>
            )}
          </>,
          <>
            {a.organization}
            {a.fromDirectory && (
              <>
                {' '}
                <Tag colour="blue">{t('meetingRegistration.attendance.fromDirectory')}</Tag>
              </>
            )}
          </>,
          t(`meetingRegistration.role.${a.role}`),
          a.email ?? '—',
          a.at,
          <Form action={action} class="inline-form">
            <input type="hidden" name="action" value="undo" />
            <input type="hidden" name="attendee" value={String(a.id)} />
            <Button variant="warning">
              {t('meetingRegistration.attendance.undo')}
              <span class="visually-hidden">{`: ${a.name}`}</span>
            </Button>
          </Form>,
        ])}
        empty={t('meetingRegistration.attendance.nobody')}
      />
    </Layout>
  );
}
