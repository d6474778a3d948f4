/**
 * Taking part in a consultation: the comment on a provision and the priority-task proposal (new,
 * draft, sent with a receipt), withdrawing and submitting again, one's own submissions, and the
 * official's entry of paper and e-mail submissions. The deadline is decided on the server with
 * `services.clock()`; a refused submission is shown back with everything typed.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { failedForm, formError, parseForm, rawValues, type FieldError, type FormValues } from '../../platform/http/forms.js';
import { formatDate, formatDateTimeShort } from '../../platform/i18n/format.js';
import type { Translate } from '../../platform/i18n/i18n.js';
import { activeSpheres } from '../organizations/index.js';
import {
  findVersionWithProgramme,
  formatPln,
  parseSections,
  provisionContaining,
  provisionsOf,
  taskModes,
  type Provision,
  type ProgrammeSections,
} from '../programme/index.js';
import { acceptsSubmissions, consultationPhase, type ConsultationPhase } from './consultation-phase.js';
import { canManageConsultations } from './consultation.policy.js';
import { findConsultation, type ConsultationRecord, type SubmissionRecord } from './consultation.repo.js';
import { enterPaperSubmission } from './enter-paper-submission.js';
import { saveSubmission, type SubmissionContent, type Submitter } from './save-submission.js';
import { directoryOrganizations, mySubmissions, verifiedOrganization, verifiedOrganizationsOf } from './submission.repo.js';
import {
  missingForSending,
  parseTaskProposal,
  taskProposalOf,
  zAction,
  ZCommentContent,
  ZConsultationParams,
  ZPaperEntry,
  ZSubmissionParams,
  ZSubmitter,
  ZTaskContent,
  type TaskProposal,
} from './submission.schema.js';
import { resubmitSubmission, withdrawSubmission } from './withdraw-submission.js';
import { PaperSubmissionPage, type PaperFormModel } from './views/paper-submission-form.js';
import {
  MySubmissionsPage,
  NoOrganizationPage,
  SubmissionFormPage,
  SubmissionPage,
  type SubmissionFormModel,
  type SubmissionView,
} from './views/submission-pages.js';

type Kind = 'comment' | 'task';
type Option = { value: string; label: string };

interface Loaded {
  c: ConsultationRecord;
  sections: ProgrammeSections;
  provisions: Provision[];
}

/** The consultation named in the URL with its draft's provisions, or undefined (404). */
async function loadConsultation(services: Services, request: FastifyRequest): Promise<Loaded | undefined> {
  const params = ZConsultationParams.safeParse(request.params);
  if (!params.success) return undefined;
  const c = await findConsultation(services.db, params.data.id);
  if (!c) return undefined;
  const version = await findVersionWithProgramme(services.db, c.programme_version_id);
  if (!version) return undefined;
  const sections = parseSections(version.sections_json);
  return { c, sections, provisions: provisionsOf(sections) };
}

/** The Warsaw date of the consultation's start or end, as the reader's language writes it. */
const dayOf = (date: string, language: FastifyRequest['language']) => formatDate(`${date}T12:00:00Z`, language);

/** Why submissions are not taken at this instant, in the reader's language. */
function phaseMessage(c: ConsultationRecord, phase: ConsultationPhase, request: FastifyRequest): string {
  const t = request.t;
  if (phase === 'upcoming') return t('consultation.errors.upcoming', { date: dayOf(c.starts_on, request.language) });
  if (phase === 'closed') return t('consultation.errors.closed');
  return t('consultation.errors.ended', { date: dayOf(c.ends_on, request.language) });
}

async function sphereOptions(services: Services, request: FastifyRequest): Promise<Option[]> {
  const english = request.language === 'en';
  return (await activeSpheres(services.db)).map((s) => ({
    value: s.code,
    label: `${s.code} — ${english ? s.label_en : s.label_pl}`,
  }));
}

/** A submission's stored content as the form's values (editing a draft). */
function valuesOf(s: SubmissionRecord): FormValues {
  const values: FormValues = {
    onBehalf: s.organization_id !== null ? `org:${s.organization_id}` : 'resident',
    residentName: s.submitter_kind === 'resident' ? s.submitter_name : '',
  };
  if (s.kind === 'comment')
    return {
      ...values,
      provision: s.provision_key ?? '',
      proposedWording: s.proposed_wording ?? '',
      justification: s.justification ?? '',
    };
  const task = parseTaskProposal(s.task_json);
  return {
    ...values,
    sphere: task.sphere,
    title: task.title,
    description: task.description,
    need: task.need,
    targetGroup: task.targetGroup,
    expectedResults: task.expectedResults,
    mode: task.mode,
    amount:
      task.amount === null
        ? ''
        : formatPln(task.amount)
            .replace(/\u00a0/g, ' ')
            .replace(/ zł$/, ''),
    period: task.period,
    ownDelivery: task.ownDelivery,
    contactName: task.contactName,
    contactPhone: task.contactPhone,
    contactEmail: task.contactEmail,
    ...(task.consent ? { consent: 'yes' } : {}),
  };
}

/** A task proposal as label → value rows for reading. */
function taskRows(task: TaskProposal, t: Translate, spheres: Option[]): Array<{ label: string; value: string }> {
  const rows: Array<[string, string]> = [
    ['sphere', spheres.find((s) => s.value === task.sphere)?.label ?? task.sphere],
    ['title', task.title],
    ['description', task.description],
    ['need', task.need],
    ['targetGroup', task.targetGroup],
    ['expectedResults', task.expectedResults],
    ['mode', task.mode ? t(`consultation.task.modes.${task.mode}`) : ''],
    ['amount', task.amount === null ? '' : formatPln(task.amount)],
    ['period', task.period],
    ['ownDelivery', task.ownDelivery ? t(`consultation.task.${task.ownDelivery}`) : ''],
    ['contactName', task.contactName],
    ['contactPhone', task.contactPhone],
    ['contactEmail', task.contactEmail],
  ];
  return rows.map(([k, value]) => ({ label: t(`consultation.task.${k}`), value }));
}

export function submissionView(s: SubmissionRecord, request: FastifyRequest, spheres: Option[]): SubmissionView {
  const task = parseTaskProposal(s.task_json);
  return {
    id: s.id,
    kind: s.kind,
    status: s.status,
    channel: s.channel,
    receiptNumber: s.receipt_number,
    sentAt: s.sent_at ? formatDateTimeShort(s.sent_at, request.language) : null,
    withdrawnAt: s.withdrawn_at ? formatDateTimeShort(s.withdrawn_at, request.language) : null,
    receivedOn: s.received_on,
    submitterName: s.submitter_name,
    provisionLabel: s.provision_label,
    currentWording: s.current_wording,
    proposedWording: s.proposed_wording,
    justification: s.justification,
    task: s.kind === 'task' ? taskRows(task, request.t, spheres) : [],
    taskTitle: task.title,
  };
}

/** The new form's token (a random UUID the form carries), or undefined when absent or malformed. */
function formTokenOf(body: unknown): string | undefined {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>).formToken : undefined;
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)
    ? value
    : undefined;
}

/** Adds the errors of fields that have none yet (one message per field). */
function addMissing(errors: FieldError[], missing: FieldError[]): void {
  for (const e of missing) if (!errors.some((x) => x.field === e.field)) errors.push(e);
}

const loose = (values: FormValues, name: string) => (values[name] ?? '').trim();

/** The typed comment as it stands, when it did not parse (to name every missing field at once). */
function looseComment(values: FormValues) {
  return { provision: loose(values, 'provision'), proposedWording: loose(values, 'proposedWording'), justification: '' };
}

/** The typed proposal as it stands, when it did not parse (to name every missing field at once). */
function looseTask(values: FormValues): TaskProposal {
  const own = loose(values, 'ownDelivery');
  return {
    sphere: loose(values, 'sphere'),
    title: loose(values, 'title'),
    description: loose(values, 'description'),
    need: '',
    targetGroup: '',
    expectedResults: '',
    mode: (taskModes as string[]).includes(loose(values, 'mode')) ? (loose(values, 'mode') as TaskProposal['mode']) : '',
    amount: null,
    period: '',
    ownDelivery: own === 'yes' || own === 'no' ? own : '',
    contactName: loose(values, 'contactName'),
    contactPhone: loose(values, 'contactPhone'),
    contactEmail: loose(values, 'contactEmail'),
    consent: values.consent === 'yes' || values.consent === 'on',
  };
}

export function submissionRoutes(app: FastifyInstance, services: Services): void {
  /** The choices of "on whose behalf" for the signed-in person: their verified organisations, and "resident" where allowed. */
  async function behalfOptions(request: FastifyRequest, c: ConsultationRecord): Promise<Option[]> {
    const user = signedInUser(request);
    const organizations = await verifiedOrganizationsOf(services.db, user.id);
    const acting = organizations.find((o) => o.id === user.actingOrganizationId);
    const ordered = acting ? [acting, ...organizations.filter((o) => o !== acting)] : organizations;
    const options = ordered.map((o) => ({ value: `org:${o.id}`, label: o.name }));
    if (c.residents_allowed) options.push({ value: 'resident', label: request.t('consultation.submission.asResident') });
    return options;
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    loaded: Loaded,
    kind: Kind,
    options: {
      values: FormValues;
      errors: FieldError[];
      status?: number;
      draftId?: number;
      fragmentNotFound?: boolean;
      refused?: boolean;
    },
  ) {
    const { c, provisions } = loaded;
    const behalf = await behalfOptions(request, c);
    const chosen = provisions.find((p) => p.key === options.values.provision);
    const now = services.clock();
    const phase = consultationPhase(c, now);
    const { settings } = await services.settings.get();
    const model: SubmissionFormModel = {
      consultation: { id: c.id, subject: c.subject },
      kind,
      action:
        options.draftId !== undefined
          ? `/konsultacje/${c.id}/zgloszenia/${options.draftId}`
          : kind === 'comment'
            ? `/konsultacje/${c.id}/uwagi/nowa`
            : `/konsultacje/${c.id}/zadania/nowe`,
      draftId: options.draftId ?? null,
      formToken: options.draftId === undefined ? (formTokenOf(options.values) ?? randomUUID()) : null,
      behalf,
      residentsAllowed: c.residents_allowed === 1,
      provisions: provisions.map((p) => ({ value: p.key, label: p.label, wording: p.wording })),
      chosen: chosen ? { label: chosen.label, wording: chosen.wording } : null,
      fragmentNotFound: options.fragmentNotFound ?? false,
      spheres: kind === 'task' ? await sphereOptions(services, request) : [],
      clause: request.t('consultation.task.clause', { municipality: settings.municipalityName }),
      notice: acceptsSubmissions(c, now) || options.errors.length ? null : phaseMessage(c, phase, request),
      refused: options.refused ?? false,
    };
    return reply.render(
      <SubmissionFormPage model={model} form={failedForm(options.values, options.errors, request.t)} />,
      options.status ?? 200,
    );
  }

  /**
   * The comment's or the task's fields as the form sent them: the field errors (format, an unknown
   * provision or sphere), the content when it can be stored, and what sending would still need.
   */
  async function readContent(
    request: FastifyRequest,
    loaded: Loaded,
    kind: Kind,
  ): Promise<{ errors: FieldError[]; content?: SubmissionContent; missing: FieldError[] }> {
    if (kind === 'comment') {
      const form = parseForm(ZCommentContent, request.body);
      if (!form.ok) return { errors: form.errors, missing: missingForSending('comment', looseComment(form.values)) };
      const missing = missingForSending('comment', form.data);
      const provision = loaded.provisions.find((p) => p.key === form.data.provision);
      if (!provision) return { errors: [formError('provision', 'consultation.errors.provision')], missing };
      const { proposedWording, justification } = form.data;
      return { errors: [], content: { kind: 'comment', provision, proposedWording, justification }, missing };
    }
    const form = parseForm(ZTaskContent, request.body);
    if (!form.ok) return { errors: form.errors, missing: missingForSending('task', looseTask(form.values)) };
    const task = taskProposalOf(form.data);
    const errors: FieldError[] = [];
    if (task.sphere && !(await activeSpheres(services.db)).some((s) => s.code === task.sphere))
      errors.push(formError('sphere', 'consultation.errors.sphere'));
    return { errors, content: { kind: 'task', task }, missing: missingForSending('task', task) };
  }

  /** Parses the typed submission: who submits and what; errors name the fields. */
  async function parseSubmission(
    request: FastifyRequest,
    loaded: Loaded,
    kind: Kind,
  ): Promise<
    { ok: true; send: boolean; submitter: Submitter; content: SubmissionContent } | { ok: false; errors: FieldError[] }
  > {
    const errors: FieldError[] = [];
    const action = zAction.safeParse((request.body as Record<string, unknown> | undefined)?.action);
    const send = action.success ? action.data === 'send' : true;
    const who = parseForm(ZSubmitter, request.body);
    let submitter: Submitter | undefined;
    if (!who.ok) errors.push(...who.errors);
    else {
      const behalf = await behalfOptions(request, loaded.c);
      const choice = who.data.onBehalf || behalf[0]?.value || '';
      if (!behalf.some((o) => o.value === choice)) errors.push(formError('onBehalf', 'consultation.errors.onBehalf'));
      else if (choice === 'resident') {
        if (!who.data.residentName) errors.push(formError('residentName', 'consultation.errors.residentName'));
        else submitter = { kind: 'resident', organizationId: null, name: who.data.residentName };
      } else {
        const id = Number(choice.slice(4));
        submitter = { kind: 'organization', organizationId: id, name: behalf.find((o) => o.value === choice)!.label };
      }
    }
    const read = await readContent(request, loaded, kind);
    errors.push(...read.errors);
    if (send) addMissing(errors, read.missing);
    const content = read.content;
    if (!action.success) errors.push(formError('', 'validation.invalid'));
    if (errors.length || !submitter || !content) return { ok: false, errors };
    return { ok: true, send, submitter, content };
  }

  /** Handles a POST of a new submission or of a draft: refused (409) outside the period, 400 on invalid input, else saved or sent. */
  async function postSubmission(request: FastifyRequest, reply: FastifyReply, loaded: Loaded, kind: Kind, draftId?: number) {
    const values = rawValues(request.body);
    const user = signedInUser(request);
    const renderOptions = draftId !== undefined ? { draftId } : {};
    /** Outside the period: the form again, with why (409). */
    const refused = (phase: ConsultationPhase) =>
      renderForm(request, reply, loaded, kind, {
        values,
        errors: [formError('', 'consultation.errors.refused', { message: phaseMessage(loaded.c, phase, request) })],
        status: 409,
        refused: true,
        ...renderOptions,
      });
    const now = services.clock();
    if (!acceptsSubmissions(loaded.c, now)) return refused(consultationPhase(loaded.c, now));
    const parsed = await parseSubmission(request, loaded, kind);
    if (!parsed.ok)
      return renderForm(request, reply, loaded, kind, { values, errors: parsed.errors, status: 400, ...renderOptions });
    const formToken = draftId === undefined ? formTokenOf(request.body) : undefined;
    const result = await saveSubmission(services, {
      author: { id: user.id, email: user.email },
      consultationId: loaded.c.id,
      ...(draftId !== undefined ? { submissionId: draftId } : {}),
      ...(formToken !== undefined ? { formToken } : {}),
      submitter: parsed.submitter,
      content: parsed.content,
      send: parsed.send,
    });
    const page = (id: number) => `/konsultacje/${loaded.c.id}/zgloszenia/${id}`;
    if (result.ok)
      return reply.redirectWithFlash(page(result.id), {
        kind: 'success',
        key: result.sent ? 'flash.consultationSubmissionSent' : 'flash.consultationDraftSaved',
      });
    if (result.reason === 'notOpen') return refused(result.phase);
    if (result.reason === 'notDraft')
      return reply.redirectWithFlash(page(result.id), { kind: 'info', key: 'flash.consultationAlreadySent' });
    return reply.callNotFound();
  }

  /** The person may take part: a member of a verified organisation, or a resident where allowed; else the explanation (403). */
  async function mayTakePart(request: FastifyRequest, reply: FastifyReply, c: ConsultationRecord): Promise<boolean> {
    if ((await behalfOptions(request, c)).length > 0) return true;
    await reply.render(<NoOrganizationPage consultation={{ id: c.id, subject: c.subject }} />, 403);
    return false;
  }

  for (const kind of ['comment', 'task'] as const) {
    const url = kind === 'comment' ? '/konsultacje/:id/uwagi/nowa' : '/konsultacje/:id/zadania/nowe';
    app.get(url, { config: { access: 'user' } }, async (request, reply) => {
      const loaded = await loadConsultation(services, request);
      if (!loaded) return reply.callNotFound();
      if (!(await mayTakePart(request, reply, loaded.c))) return reply;
      const behalf = await behalfOptions(request, loaded.c);
      const values: FormValues = { onBehalf: behalf[0]?.value ?? '' };
      let fragmentNotFound = false;
      if (kind === 'comment') {
        const query = request.query as Record<string, unknown>;
        const key = typeof query.zapis === 'string' ? query.zapis : '';
        const fragment = typeof query.fragment === 'string' ? query.fragment.slice(0, 2000) : '';
        const byKey = key ? loaded.provisions.find((p) => p.key === key) : undefined;
        const byText = !byKey && fragment ? provisionContaining(loaded.sections, fragment) : undefined;
        const found = byKey ?? byText;
        if (found) values.provision = found.key;
        else if (key || fragment) fragmentNotFound = true;
      }
      return renderForm(request, reply, loaded, kind, { values, errors: [], fragmentNotFound });
    });

    app.post(url, { config: { access: 'user', rateLimit: formRateLimit(services) } }, async (request, reply) => {
      const loaded = await loadConsultation(services, request);
      if (!loaded) return reply.callNotFound();
      if (!(await mayTakePart(request, reply, loaded.c))) return reply;
      return postSubmission(request, reply, loaded, kind);
    });
  }

  /** The signed-in author's own online submission named in the URL, with its consultation; undefined → 404. */
  async function ownSubmission(request: FastifyRequest) {
    const params = ZSubmissionParams.safeParse(request.params);
    if (!params.success) return undefined;
    const loaded = await loadConsultation(services, request);
    if (!loaded) return undefined;
    const s = await services.db
      .selectFrom('consultation_submissions')
      .selectAll()
      .where('id', '=', params.data.sid)
      .where('consultation_id', '=', loaded.c.id)
      .where('author_id', '=', signedInUser(request).id)
      .where('channel', '=', 'online')
      .executeTakeFirst();
    return s ? { loaded, s } : undefined;
  }

  app.get('/konsultacje/:id/zgloszenia/:sid', { config: { access: 'user' } }, async (request, reply) => {
    const found = await ownSubmission(request);
    if (!found) return reply.callNotFound();
    const { loaded, s } = found;
    if (s.status === 'draft')
      return renderForm(request, reply, loaded, s.kind, { values: valuesOf(s), errors: [], draftId: s.id });
    const open = acceptsSubmissions(loaded.c, services.clock());
    return reply.render(
      <SubmissionPage
        consultation={{ id: loaded.c.id, subject: loaded.c.subject }}
        s={submissionView(s, request, s.kind === 'task' ? await sphereOptions(services, request) : [])}
        canWithdraw={open && s.status === 'sent'}
        canResubmit={open && s.status === 'withdrawn'}
      />,
    );
  });

  app.post(
    '/konsultacje/:id/zgloszenia/:sid',
    { config: { access: 'user', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await ownSubmission(request);
      if (!found) return reply.callNotFound();
      const { loaded, s } = found;
      // Sending twice (a double click, a retried request) shows the one receipt; a sent submission is never edited.
      if (s.status !== 'draft')
        return reply.redirectWithFlash(`/konsultacje/${loaded.c.id}/zgloszenia/${s.id}`, {
          kind: 'info',
          key: 'flash.consultationAlreadySent',
        });
      return postSubmission(request, reply, loaded, s.kind, s.id);
    },
  );

  app.post(
    '/konsultacje/:id/zgloszenia/:sid/wycofaj',
    { config: { access: 'user', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await ownSubmission(request);
      if (!found) return reply.callNotFound();
      const { loaded, s } = found;
      const back = `/konsultacje/${loaded.c.id}/zgloszenia/${s.id}`;
      const result = await withdrawSubmission(services, signedInUser(request).id, {
        consultationId: loaded.c.id,
        submissionId: s.id,
      });
      if (result.ok) return reply.redirectWithFlash(back, { kind: 'success', key: 'flash.consultationWithdrawn' });
      if (result.reason === 'notFound') return reply.callNotFound();
      return reply.redirectWithFlash(back, {
        kind: 'info',
        key: result.reason === 'notOpen' ? 'flash.consultationNotOpen' : 'flash.consultationNotWithdrawable',
      });
    },
  );

  app.post(
    '/konsultacje/:id/zgloszenia/:sid/ponownie',
    { config: { access: 'user', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await ownSubmission(request);
      if (!found) return reply.callNotFound();
      const { loaded, s } = found;
      const result = await resubmitSubmission(services, signedInUser(request).id, {
        consultationId: loaded.c.id,
        submissionId: s.id,
      });
      if (result.ok)
        return reply.redirectWithFlash(`/konsultacje/${loaded.c.id}/zgloszenia/${result.id}`, {
          kind: 'success',
          key: 'flash.consultationResubmitDraft',
        });
      if (result.reason === 'notFound') return reply.callNotFound();
      return reply.redirectWithFlash(`/konsultacje/${loaded.c.id}/zgloszenia/${s.id}`, {
        kind: 'info',
        key: result.reason === 'notOpen' ? 'flash.consultationNotOpen' : 'flash.consultationNotWithdrawn',
      });
    },
  );

  app.get('/konsultacje/:id/moje', { config: { access: 'user' } }, async (request, reply) => {
    const loaded = await loadConsultation(services, request);
    if (!loaded) return reply.callNotFound();
    const rows = await mySubmissions(services.db, loaded.c.id, signedInUser(request).id);
    return reply.render(
      <MySubmissionsPage
        consultation={{ id: loaded.c.id, subject: loaded.c.subject }}
        open={acceptsSubmissions(loaded.c, services.clock())}
        rows={rows.map((s) => ({
          id: s.id,
          kind: s.kind,
          status: s.status,
          about: s.kind === 'comment' ? (s.provision_label ?? '') : parseTaskProposal(s.task_json).title,
          receiptNumber: s.receipt_number,
          when: formatDateTimeShort(s.sent_at ?? s.updated_at, request.language),
        }))}
      />,
    );
  });

  // ---------------------------------------------------------------------------------------------
  // Paper and e-mail submissions, entered by officials

  async function renderPaper(
    request: FastifyRequest,
    reply: FastifyReply,
    loaded: Loaded,
    values: FormValues,
    errors: FieldError[],
    status = 200,
  ) {
    const query = request.query as Record<string, unknown>;
    const enteredId = typeof query.wpisano === 'string' && /^\d{1,10}$/.test(query.wpisano) ? Number(query.wpisano) : null;
    const entered =
      enteredId === null
        ? undefined
        : await services.db
            .selectFrom('consultation_submissions')
            .select(['receipt_number', 'submitter_name'])
            .where('id', '=', enteredId)
            .where('consultation_id', '=', loaded.c.id)
            .where('channel', '!=', 'online')
            .executeTakeFirst();
    const model: PaperFormModel = {
      consultation: { id: loaded.c.id, subject: loaded.c.subject },
      entered: entered?.receipt_number ? { number: entered.receipt_number, submitter: entered.submitter_name } : null,
      period: `${dayOf(loaded.c.starts_on, request.language)} – ${dayOf(loaded.c.ends_on, request.language)}`,
      closed: loaded.c.status === 'closed',
      organizations: (await directoryOrganizations(services.db)).map((o) => ({ value: String(o.id), label: o.name })),
      provisions: loaded.provisions.map((p) => ({ value: p.key, label: p.label })),
      spheres: await sphereOptions(services, request),
    };
    return reply.render(<PaperSubmissionPage model={model} form={failedForm(values, errors, request.t)} />, status);
  }

  app.get('/konsultacje/:id/zgloszenia/papierowe', { config: { access: 'official' } }, async (request, reply) => {
    const loaded = await loadConsultation(services, request);
    if (!loaded) return reply.callNotFound();
    return renderPaper(request, reply, loaded, { kind: 'comment', channel: 'paper', submitterKind: 'organization' }, []);
  });

  app.post(
    '/konsultacje/:id/zgloszenia/papierowe',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const loaded = await loadConsultation(services, request);
      if (!loaded) return reply.callNotFound();
      if (!canManageConsultations(signedInUser(request).roles)) return reply.callNotFound();
      const values = rawValues(request.body);
      if (loaded.c.status === 'closed')
        return renderPaper(request, reply, loaded, values, [formError('', 'consultation.errors.closedForPaper')], 409);
      const head = parseForm(ZPaperEntry, request.body);
      const errors: FieldError[] = head.ok ? [] : [...head.errors];
      const kind = head.ok ? head.data.kind : values.kind === 'task' ? 'task' : 'comment';
      const read = await readContent(request, loaded, kind);
      errors.push(...read.errors);
      // An entered comment is as complete as a sent one; a proposal on paper is taken as it came.
      if (kind === 'comment' && read.content) errors.push(...read.missing);
      const content = read.content;
      let organization: { id: number; name: string } | undefined;
      if (head.ok && head.data.submitterKind === 'organization' && head.data.organizationId) {
        organization = await verifiedOrganization(services.db, Number(head.data.organizationId));
        if (!organization) errors.push(formError('organizationId', 'validation.choose'));
      }
      if (errors.length || !head.ok || !content) return renderPaper(request, reply, loaded, values, errors, 400);
      const entry = head.data;
      const result = await enterPaperSubmission(services, signedInUser(request).id, loaded.c.id, {
        channel: entry.channel,
        receivedOn: entry.receivedOn,
        submitter:
          entry.submitterKind === 'resident'
            ? { kind: 'resident', organizationId: null, name: entry.personName }
            : {
                kind: 'organization',
                organizationId: organization?.id ?? null,
                name: organization?.name ?? entry.organizationName,
              },
        contactEmail: entry.submitterEmail || null,
        content,
      });
      if (result.ok)
        return reply.redirectWithFlash(`/konsultacje/${loaded.c.id}/zgloszenia/papierowe?wpisano=${result.sent.id}`, {
          kind: 'success',
          key: 'flash.consultationPaperEntered',
        });
      if (result.reason === 'notFound') return reply.callNotFound();
      if (result.reason === 'outsidePeriod')
        return renderPaper(request, reply, loaded, values, [formError('receivedOn', 'consultation.errors.receivedOn')], 400);
      return renderPaper(request, reply, loaded, values, [formError('', 'consultation.errors.closedForPaper')], 409);
    },
  );
}
