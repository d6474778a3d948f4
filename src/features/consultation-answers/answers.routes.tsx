import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { failedForm, formError, parseForm, rawValues, type FieldError } from '../../platform/http/forms.js';
import { formatDate, formatDateTime } from '../../platform/i18n/format.js';
import { consultationPhase, findConsultation, type ConsultationRecord } from '../consultation/index.js';
import { activeSpheres } from '../organizations/index.js';
import { findVersionWithProgramme, parseSections, provisionsOf } from '../programme/index.js';
import { answerSubmission } from './answer-submission.js';
import { applyComment } from './apply-comment.js';
import { assignSubmission } from './assign-submission.js';
import { answerRows, colleagues, sentSubmission, userName, versionNumber, type AnswerRow } from './answers.repo.js';
import {
  parseFilters,
  ZAnswer,
  ZAssign,
  ZClose,
  ZConsultationParams,
  ZSubmissionParams,
  type AnswerFilters,
} from './answers.schema.js';
import { closeConsultation } from './close-consultation.js';
import { canApply } from './decisions.js';
import { taskFields, taskTitle, type TaskField } from './task-proposal.js';
import {
  AnswersListPage,
  ProvisionsPage,
  SubmissionPage,
  type ConsultationHeading,
  type ProvisionGroup,
  type SubmissionModel,
} from './views/answers-pages.js';

interface Found {
  consultation: ConsultationRecord;
  heading: ConsultationHeading;
  sections: ReturnType<typeof parseSections>;
}

/** "Cele szczegółowe, pkt 3" or the task proposal's title: what a row of the list names. */
const rowWhat = (r: AnswerRow) => (r.kind === 'comment' ? (r.provision_label ?? r.provision_key ?? '') : taskTitle(r.task_json));

/** The sphere's code as "16 — kultura, sztuka…" in the reader's language, when the dictionary knows it. */
async function sphereLabelled(services: Services, fields: TaskField[], language: string): Promise<TaskField[]> {
  const sphere = fields.find((f) => f.key === 'sphere');
  if (!sphere) return fields;
  const known = (await activeSpheres(services.db)).find((s) => s.code === sphere.value);
  if (!known) return fields;
  const label = `${known.code} — ${language === 'en' ? known.label_en : known.label_pl}`;
  return fields.map((f) => (f === sphere ? { ...f, value: label } : f));
}

export function answersRoutes(app: FastifyInstance, services: Services): void {
  /** The consultation of the URL with its programme, or undefined (a 404 follows). */
  async function consultationFor(request: FastifyRequest): Promise<Found | undefined> {
    const params = ZConsultationParams.safeParse(request.params);
    if (!params.success) return undefined;
    const consultation = await findConsultation(services.db, params.data.id);
    if (!consultation) return undefined;
    const version = await findVersionWithProgramme(services.db, consultation.programme_version_id);
    if (!version) return undefined;
    const language = request.language;
    return {
      consultation,
      sections: parseSections(version.sections_json),
      heading: {
        id: consultation.id,
        subject: consultation.subject,
        phase: consultationPhase(consultation, services.clock()),
        end: formatDate(`${consultation.ends_on}T12:00:00Z`, language),
        closedAt: consultation.closed_at ? formatDateTime(consultation.closed_at, language) : null,
        programmeId: version.programme_id,
      },
    };
  }

  function matches(r: AnswerRow, f: AnswerFilters, userId: number): boolean {
    if (f.unanswered && r.decision !== null) return false;
    if (f.mine && r.assigned_to !== userId) return false;
    if (f.kind && r.kind !== f.kind) return false;
    if (f.provision && r.provision_key !== f.provision) return false;
    return true;
  }

  async function renderList(
    request: FastifyRequest,
    reply: FastifyReply,
    found: Found,
    filters: AnswerFilters,
    close: { values: Record<string, string>; errors: FieldError[]; refusedUnanswered: boolean },
    status = 200,
  ) {
    const { consultation: c } = found;
    const rows = await answerRows(services.db, c.id);
    const userId = signedInUser(request).id;
    // The provisions that have comments, in reading order (then any the version does not know).
    const commented = new Map<string, string>();
    for (const r of rows)
      if (r.kind === 'comment' && r.provision_key) commented.set(r.provision_key, r.provision_label ?? r.provision_key);
    const ordered = provisionsOf(found.sections)
      .filter((p) => commented.has(p.key))
      .map((p) => ({ value: p.key, label: p.label }));
    const known = new Set(ordered.map((o) => o.value));
    for (const [key, label] of commented) if (!known.has(key)) ordered.push({ value: key, label });
    const unanswered = rows.filter((r) => r.decision === null);
    return reply.render(
      <AnswersListPage
        model={{
          consultation: found.heading,
          total: rows.length,
          unanswered: unanswered.length,
          filters,
          provisionOptions: ordered,
          rows: rows
            .filter((r) => matches(r, filters, userId))
            .map((r) => ({
              id: r.id,
              receipt: r.receipt_number ?? '',
              kind: r.kind,
              what: rowWhat(r),
              submitter: r.submitter_name,
              submitterKind: r.submitter_kind,
              channel: r.channel,
              assignee: r.assignee_name,
              decision: r.decision,
            })),
          unansweredRows: unanswered.map((r) => ({ id: r.id, receipt: r.receipt_number ?? '' })),
          close:
            c.status === 'closed'
              ? null
              : {
                  form: failedForm(close.values, close.errors, request.t),
                  lock: c.version,
                  refusedUnanswered: close.refusedUnanswered,
                },
          conclusion: c.conclusion,
        }}
      />,
      status,
    );
  }

  app.get('/konsultacje/:id/odpowiedzi', { config: { access: 'official' } }, async (request, reply) => {
    const found = await consultationFor(request);
    if (!found) return reply.callNotFound();
    return renderList(request, reply, found, parseFilters(request.query), { values: {}, errors: [], refusedUnanswered: false });
  });

  app.get('/konsultacje/:id/odpowiedzi/zapisy', { config: { access: 'official' } }, async (request, reply) => {
    const found = await consultationFor(request);
    if (!found) return reply.callNotFound();
    const rows = await answerRows(services.db, found.consultation.id);
    const comments = rows.filter((r) => r.kind === 'comment');
    const toComment = (r: AnswerRow) => ({
      id: r.id,
      receipt: r.receipt_number ?? '',
      submitter: r.submitter_name,
      proposedWording: r.proposed_wording ?? '',
      justification: r.justification ?? '',
      decision: r.decision,
      answer: r.answer,
    });
    const groups: ProvisionGroup[] = [];
    const placed = new Set<number>();
    for (const p of provisionsOf(found.sections)) {
      const on = comments.filter((r) => r.provision_key === p.key);
      if (on.length === 0) continue;
      on.forEach((r) => placed.add(r.id));
      groups.push({ key: p.key, label: p.label, currentWording: p.wording, comments: on.map(toComment) });
    }
    const other = new Map<string, ProvisionGroup>();
    for (const r of comments.filter((x) => !placed.has(x.id))) {
      const key = r.provision_key ?? '';
      const group = other.get(key) ?? {
        key,
        label: r.provision_label ?? key,
        currentWording: r.current_wording ?? '',
        comments: [],
      };
      group.comments.push(toComment(r));
      other.set(key, group);
    }
    return reply.render(
      <ProvisionsPage
        model={{
          consultation: found.heading,
          groups,
          other: [...other.values()],
          tasks: rows
            .filter((r) => r.kind === 'task')
            .map((r) => ({
              id: r.id,
              receipt: r.receipt_number ?? '',
              title: taskTitle(r.task_json),
              submitter: r.submitter_name,
              decision: r.decision,
            })),
        }}
      />,
    );
  });

  /** The consultation and the sent submission of the URL, or undefined (a 404 follows). */
  async function submissionFor(request: FastifyRequest) {
    const params = ZSubmissionParams.safeParse(request.params);
    if (!params.success) return undefined;
    const found = await consultationFor(request);
    if (!found) return undefined;
    const submission = await sentSubmission(services.db, found.consultation.id, params.data.sid);
    return submission ? { ...found, submission } : undefined;
  }

  async function renderSubmission(
    request: FastifyRequest,
    reply: FastifyReply,
    found: Found & { submission: AnswerRow },
    state: { values?: Record<string, string>; errors?: FieldError[]; conflict?: boolean; noDraft?: boolean } = {},
    status = 200,
  ) {
    const s = found.submission;
    const language = request.language;
    const closed = found.consultation.status === 'closed';
    const applied = await versionNumber(services.db, s.applied_in_version_id);
    const stored = { decision: s.decision ?? '', answer: s.answer ?? '' };
    const model: SubmissionModel = {
      consultation: found.heading,
      id: s.id,
      receipt: s.receipt_number ?? '',
      kind: s.kind,
      submitter: s.submitter_name,
      submitterKind: s.submitter_kind,
      contact: s.contact_email,
      channel: s.channel,
      sentAt: s.sent_at ? formatDateTime(s.sent_at, language) : null,
      receivedOn: s.received_on ? formatDate(`${s.received_on}T12:00:00Z`, language) : null,
      assignee: { id: s.assigned_to, name: s.assignee_name },
      comment:
        s.kind === 'comment'
          ? {
              provision: s.provision_label ?? s.provision_key ?? '',
              currentWording: s.current_wording ?? '',
              proposedWording: s.proposed_wording ?? '',
              justification: s.justification ?? '',
            }
          : null,
      task: s.kind === 'task' ? await sphereLabelled(services, taskFields(s.task_json), language) : [],
      applied: applied === null ? null : { number: applied },
      decision: s.decision,
      answer: s.answer,
      answeredBy: await userName(services.db, s.answered_by),
      answeredAt: s.answered_at ? formatDateTime(s.answered_at, language) : null,
      form: closed ? null : { model: failedForm(state.values ?? stored, state.errors ?? [], request.t), lock: s.version },
      conflict: state.conflict === true,
      canApply: canApply(s) && s.proposed_wording !== null && s.applied_in_version_id === null,
      noDraft: state.noDraft === true,
      colleagues: (await colleagues(services.db)).map((u) => ({ value: String(u.id), label: u.name })),
    };
    return reply.render(<SubmissionPage model={model} />, status);
  }

  app.get('/konsultacje/:id/odpowiedzi/:sid', { config: { access: 'official' } }, async (request, reply) => {
    const found = await submissionFor(request);
    if (!found) return reply.callNotFound();
    return renderSubmission(request, reply, found);
  });

  const back = (found: Found & { submission: AnswerRow }) =>
    `/konsultacje/${found.consultation.id}/odpowiedzi/${found.submission.id}`;
  /** Back to the submission, told that the consultation is closed (answers can no longer change). */
  const closedFlash = (reply: FastifyReply, found: Found & { submission: AnswerRow }) =>
    reply.redirectWithFlash(back(found), { kind: 'info', key: 'flash.consultationAnswersClosed' });
  /** The submission the form is about, as the use-cases name it. */
  const refOf = (found: Found & { submission: AnswerRow }) => ({
    consultationId: found.consultation.id,
    submissionId: found.submission.id,
  });

  app.post(
    '/konsultacje/:id/odpowiedzi/:sid',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await submissionFor(request);
      if (!found) return reply.callNotFound();
      if (found.consultation.status === 'closed') return closedFlash(reply, found);
      const form = parseForm(ZAnswer, request.body);
      if (!form.ok) {
        // The lock travels in a hidden field: a missing or broken one is named without a field to link to.
        const errors = form.errors.map((e) => (e.field === 'version' ? formError('', 'validation.invalid') : e));
        return renderSubmission(request, reply, found, { values: form.values, errors }, 400);
      }
      const result = await answerSubmission(services, signedInUser(request).id, refOf(found), {
        decision: form.data.decision as NonNullable<AnswerRow['decision']>,
        answer: form.data.answer,
        version: form.data.version,
      });
      if (result.ok)
        return reply.redirectWithFlash(back(found), {
          kind: result.changed ? 'success' : 'info',
          key: result.changed ? 'flash.consultationAnswerSaved' : 'flash.consultationAnswerUnchanged',
        });
      if (result.reason === 'notFound') return reply.callNotFound();
      if (result.reason === 'closed') return closedFlash(reply, found);
      // A colleague answered since this form was read: their answer above, this one kept in the form.
      const fresh = await submissionFor(request);
      if (!fresh) return reply.callNotFound();
      return renderSubmission(
        request,
        reply,
        fresh,
        { values: form.values, errors: [formError('', 'consultationAnswers.submission.conflictTitle')], conflict: true },
        409,
      );
    },
  );

  app.post(
    '/konsultacje/:id/odpowiedzi/:sid/przypisz',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await submissionFor(request);
      if (!found) return reply.callNotFound();
      if (found.consultation.status === 'closed') return closedFlash(reply, found);
      const form = parseForm(ZAssign, request.body);
      const refused = () =>
        renderSubmission(request, reply, found, { errors: [formError('assignee', 'consultationAnswers.errors.assignee')] }, 400);
      if (!form.ok) return refused();
      const result = await assignSubmission(
        services,
        signedInUser(request).id,
        refOf(found),
        form.data.assignee === '' ? null : form.data.assignee,
      );
      if (result.ok) {
        if (!result.changed)
          return reply.redirectWithFlash(back(found), { kind: 'info', key: 'flash.consultationAssignUnchanged' });
        return reply.redirectWithFlash(
          back(found),
          result.assignee === null
            ? { kind: 'success', key: 'flash.consultationUnassigned' }
            : { kind: 'success', key: 'flash.consultationAssigned', params: { name: result.assignee } },
        );
      }
      if (result.reason === 'notFound') return reply.callNotFound();
      if (result.reason === 'closed') return closedFlash(reply, found);
      return refused();
    },
  );

  app.post(
    '/konsultacje/:id/odpowiedzi/:sid/zastosuj',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await submissionFor(request);
      if (!found) return reply.callNotFound();
      const result = await applyComment(services, signedInUser(request).id, refOf(found));
      if (result.ok)
        return reply.redirectWithFlash(back(found), {
          kind: result.replaced ? 'success' : 'info',
          key: result.replaced ? 'flash.consultationAppliedReplaced' : 'flash.consultationAppliedLinked',
          params: { number: result.versionNumber },
        });
      if (result.reason === 'notFound') return reply.callNotFound();
      if (result.reason === 'noDraft') return renderSubmission(request, reply, found, { noDraft: true }, 409);
      return reply.redirectWithFlash(back(found), { kind: 'info', key: 'flash.consultationApplyNotApplicable' });
    },
  );

  app.post(
    '/konsultacje/:id/zamknij',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await consultationFor(request);
      if (!found) return reply.callNotFound();
      const list = `/konsultacje/${found.consultation.id}/odpowiedzi`;
      if (found.consultation.status === 'closed')
        return reply.redirectWithFlash(list, { kind: 'info', key: 'flash.consultationAlreadyClosed' });
      const filters = parseFilters({});
      const values = rawValues(request.body);
      const form = parseForm(ZClose, request.body);
      if (!form.ok) {
        const errors = form.errors.map((e) =>
          e.field === 'conclusion' && e.key === 'validation.required'
            ? formError('conclusion', 'consultationAnswers.close.errors.conclusion')
            : e.field === 'version'
              ? formError('', 'consultationAnswers.close.errors.conflict')
              : e,
        );
        return renderList(request, reply, found, filters, { values, errors, refusedUnanswered: false }, 400);
      }
      const result = await closeConsultation(services, signedInUser(request).id, found.consultation.id, form.data);
      if (result.ok) return reply.redirectWithFlash(list, { kind: 'success', key: 'flash.consultationClosed' });
      if (result.reason === 'notFound') return reply.callNotFound();
      if (result.reason === 'closed')
        return reply.redirectWithFlash(list, { kind: 'info', key: 'flash.consultationAlreadyClosed' });
      const fresh = (await consultationFor(request)) ?? found;
      const error =
        result.reason === 'unanswered'
          ? formError('', 'consultationAnswers.close.errors.unanswered', { count: result.unanswered })
          : result.reason === 'open'
            ? formError('', 'consultationAnswers.close.errors.open', { end: fresh.heading.end })
            : formError('', 'consultationAnswers.close.errors.conflict');
      return renderList(
        request,
        reply,
        fresh,
        filters,
        { values, errors: [error], refusedUnanswered: result.reason === 'unanswered' },
        409,
      );
    },
  );
}
