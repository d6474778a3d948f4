/**
 * The notice and the public pages of a consultation: the list `/konsultacje`, the public page
 * `/konsultacje/:id` (notice, time left, the draft with its provisions), announcing
 * `/konsultacje/nowa?wersja=` and editing `/konsultacje/:id/ogloszenie` (officials).
 */
import { documentNames } from '../settings/index.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { failedForm, formError, parseForm, rawValues, type FieldError, type FormValues } from '../../platform/http/forms.js';
import { findVersionWithProgramme, parseSections, provisionsOf, statutoryElements } from '../programme/index.js';
import { consultationSettings } from '../settings/index.js';
import { consultationPhase, nextDay } from './consultation-phase.js';
import { canManageConsultations } from './consultation.policy.js';
import {
  consultationOfVersion,
  findConsultation,
  listConsultations,
  versionsAwaitingNotice,
  type ConsultationRecord,
} from './consultation.repo.js';
import { parseForms } from './consultation-facts.js';
import {
  submittedForms,
  ZConsultationParams,
  ZNewConsultationQuery,
  ZNotice,
  ZNoticeExtension,
  ZNoticeLock,
} from './consultation.schema.js';
import {
  adoptionDeadline,
  endsTooLateForAdoption,
  formatWarsawDate,
  periodPhrase,
  timeLeftPhrase,
  warsawToday,
} from './consultation-time.js';
import { createConsultation } from './create-consultation.js';
import { noticeOf, updateNotice, type NoticeChange } from './update-notice.js';
import { ConsultationListPage, ConsultationPage, type DraftChapter } from './views/consultation-pages.js';
import { NoticeFormPage, type NoticeFormModel } from './views/notice-form.js';
import { NoticeRefusedPage } from './views/notice-refused.js';

/** The programme's first year and the Warsaw date its resolution is due, for the notice form's hint. */
function adoptionOf(yearFrom: number, request: FastifyRequest) {
  return { year: yearFrom, by: formatWarsawDate(adoptionDeadline(yearFrom), request.language) };
}

const yearsLabel = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);

/** `date` plus `days` calendar days. */
function addDays(date: string, days: number): string {
  let d = date;
  for (let i = 0; i < days; i += 1) d = nextDay(d);
  return d;
}

const legalBasisDefault =
  'art. 5a ust. 1 i art. 5 ust. 5 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie ' +
  'oraz uchwała w sprawie szczegółowego sposobu konsultowania z organizacjami pozarządowymi i podmiotami wymienionymi ' +
  'w art. 3 ust. 3 ustawy projektów aktów prawa miejscowego w dziedzinach dotyczących działalności statutowej tych organizacji';

/** A provision's id in the page: `zapis-` and its key with dots (and the spaces in principles' names) as dashes. */
export function provisionAnchor(key: string): string {
  return `zapis-${key.replace(/[.\s]/g, '-')}`;
}

/** The draft as chapters of provisions: the resolution, then the eleven statutory elements in order. */
function draftChapters(sectionsJson: string): DraftChapter[] {
  const provisions = provisionsOf(parseSections(sectionsJson));
  const order: string[] = ['resolution', ...statutoryElements];
  return order
    .map((element, number) => ({
      element,
      number,
      provisions: provisions
        .filter((p) => p.element === element)
        .map((p) => ({ key: p.key, anchor: provisionAnchor(p.key), label: p.label, wording: p.wording })),
    }))
    .filter((c) => c.provisions.length > 0);
}

function noticeValues(notice: ReturnType<typeof noticeOf>): FormValues {
  return {
    subject: notice.subject,
    legalBasis: notice.legalBasis,
    participants: notice.participants,
    whereToSubmit: notice.whereToSubmit,
    responsibleUnit: notice.responsibleUnit,
    startsOn: notice.startsOn,
    endsOn: notice.endsOn,
    ...(notice.residentsAllowed ? { residentsAllowed: 'yes' } : {}),
  };
}

export function noticeRoutes(app: FastifyInstance, services: Services): void {
  const isOfficial = (request: FastifyRequest) => canManageConsultations(request.currentUser?.roles ?? []);

  async function minDays(): Promise<number> {
    return consultationSettings((await services.settings.get()).settings).minDays;
  }

  /** The consultation named by `:id`, or undefined (a 404 follows). */
  async function consultationFor(request: FastifyRequest): Promise<ConsultationRecord | undefined> {
    const params = ZConsultationParams.safeParse(request.params);
    return params.success ? findConsultation(services.db, params.data.id) : undefined;
  }

  app.get('/konsultacje', { config: { access: 'public' } }, async (request, reply) => {
    const now = services.clock();
    const rows = await listConsultations(services.db);
    const official = isOfficial(request);
    const awaiting = official ? await versionsAwaitingNotice(services.db) : null;
    return reply.render(
      <ConsultationListPage
        model={{
          consultations: rows.map((c) => ({
            id: c.id,
            subject: c.subject,
            years: yearsLabel(c.year_from, c.year_to),
            period: periodPhrase(c, request.language),
            phase: consultationPhase(c, now),
            reportPublished: c.report_published_at !== null,
          })),
          awaiting:
            awaiting?.map((v) => ({
              versionId: v.id,
              programmeId: v.programme_id,
              title: v.title,
              years: yearsLabel(v.year_from, v.year_to),
              number: v.number,
            })) ?? null,
        }}
      />,
    );
  });

  // --- announcing -------------------------------------------------------------------------------

  /** The version named by `?wersja=`, or a reply already sent (404, or the 409 page saying why not). */
  async function versionToAnnounce(request: FastifyRequest, reply: FastifyReply) {
    const query = ZNewConsultationQuery.safeParse(request.query);
    if (!query.success) return void reply.callNotFound();
    const version = await findVersionWithProgramme(services.db, query.data.wersja);
    if (!version) return void reply.callNotFound();
    const existing = await consultationOfVersion(services.db, version.id);
    if (existing)
      return void reply.render(
        <NoticeRefusedPage reason="exists" consultationId={existing.id} programmeId={version.programme_id} />,
        409,
      );
    if (version.status !== 'consultation')
      return void reply.render(<NoticeRefusedPage reason="notInConsultation" programmeId={version.programme_id} />, 409);
    return version;
  }

  async function renderNew(
    reply: FastifyReply,
    request: FastifyRequest,
    version: { id: number; number: number; title: string; year_from: number },
    values: FormValues,
    forms: string[],
    errors: FieldError[],
    status = 200,
  ) {
    const model: NoticeFormModel = {
      mode: 'create',
      action: `/konsultacje/nowa?wersja=${version.id}`,
      programmeTitle: version.title,
      versionNumber: version.number,
      minDays: await minDays(),
      forms,
      adoption: adoptionOf(version.year_from, request),
    };
    return reply.render(<NoticeFormPage model={model} form={failedForm(values, errors, request.t)} />, status);
  }

  app.get('/konsultacje/nowa', { config: { access: 'official' } }, async (request, reply) => {
    const version = await versionToAnnounce(request, reply);
    if (!version) return reply;
    const { settings } = await services.settings.get();
    const { minDays: days, residentsAllowed } = consultationSettings(settings);
    const startsOn = nextDay(warsawToday(services.clock()));
    const where = [settings.officeName, settings.contactAddress, `e-mail: ${settings.contactEmail}`]
      .filter((line) => line.trim() !== '')
      .join('\n');
    const values: FormValues = {
      subject: `Projekt „${version.title}”`,
      legalBasis: legalBasisDefault,
      participants:
        'organizacje pozarządowe oraz podmioty wymienione w art. 3 ust. 3 ustawy o działalności pożytku publicznego ' +
        `i o wolontariacie, prowadzące działalność na terenie ${documentNames(settings).municipality}`,
      whereToSubmit: `${where}\n\nlub przez formularz w serwisie Wspólnie`,
      responsibleUnit: settings.officeName,
      startsOn,
      endsOn: addDays(startsOn, Math.max(days, 14) - 1),
      ...(residentsAllowed ? { residentsAllowed: 'yes' } : {}),
    };
    return renderNew(reply, request, version, values, ['online', 'email'], []);
  });

  app.post(
    '/konsultacje/nowa',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const version = await versionToAnnounce(request, reply);
      if (!version) return reply;
      const forms = submittedForms(request.body);
      const form = parseForm(ZNotice, request.body);
      if (!form.ok) return renderNew(reply, request, version, form.values, forms, form.errors, 400);
      const result = await createConsultation(services, signedInUser(request).id, version.id, form.data);
      if (result.ok)
        return reply.redirectWithFlash(`/konsultacje/${result.id}`, { kind: 'success', key: 'flash.consultationAnnounced' });
      if (result.reason === 'invalid') return renderNew(reply, request, version, form.values, forms, result.errors, 400);
      if (result.reason === 'exists')
        return reply.render(
          <NoticeRefusedPage reason="exists" consultationId={result.consultationId} programmeId={version.programme_id} />,
          409,
        );
      if (result.reason === 'notInConsultation')
        return reply.render(<NoticeRefusedPage reason="notInConsultation" programmeId={version.programme_id} />, 409);
      return reply.callNotFound();
    },
  );

  // --- editing ----------------------------------------------------------------------------------

  async function renderEdit(
    reply: FastifyReply,
    request: FastifyRequest,
    c: ConsultationRecord,
    values: FormValues,
    forms: string[],
    errors: FieldError[],
    status = 200,
  ) {
    const version = await findVersionWithProgramme(services.db, c.programme_version_id);
    const phase = consultationPhase(c, services.clock());
    const period = periodPhrase(c, request.language);
    const model: NoticeFormModel = {
      mode: phase === 'upcoming' ? 'edit' : 'extend',
      action: `/konsultacje/${c.id}/ogloszenie`,
      programmeTitle: version?.title ?? '',
      versionNumber: version?.number ?? 0,
      consultationId: c.id,
      subject: c.subject,
      minDays: await minDays(),
      forms,
      announcedPeriod: request.t(period.key, period.params),
      adoption: adoptionOf(version?.year_from ?? Number(c.starts_on.slice(0, 4)) + 1, request),
    };
    return reply.render(<NoticeFormPage model={model} form={failedForm(values, errors, request.t)} />, status);
  }

  /** The consultation whose notice may still change, or a reply already sent (404, or back to the page). */
  async function editable(request: FastifyRequest, reply: FastifyReply) {
    const c = await consultationFor(request);
    if (!c) return void reply.callNotFound();
    const phase = consultationPhase(c, services.clock());
    if (phase === 'ended' || phase === 'closed')
      return void reply.redirectWithFlash(`/konsultacje/${c.id}`, { kind: 'info', key: 'flash.consultationNoticeLocked' });
    return c;
  }

  app.get('/konsultacje/:id/ogloszenie', { config: { access: 'official' } }, async (request, reply) => {
    const c = await editable(request, reply);
    if (!c) return reply;
    const notice = noticeOf(c);
    return renderEdit(reply, request, c, { ...noticeValues(notice), version: String(c.version) }, notice.forms, []);
  });

  app.post(
    '/konsultacje/:id/ogloszenie',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const c = await editable(request, reply);
      if (!c) return reply;
      const upcoming = consultationPhase(c, services.clock()) === 'upcoming';
      const forms = upcoming ? submittedForms(request.body) : parseForms(c.forms_json);
      const values = rawValues(request.body);
      let change: NoticeChange;
      if (upcoming) {
        const form = parseForm(ZNotice, request.body);
        if (!form.ok) return renderEdit(reply, request, c, values, forms, form.errors, 400);
        change = { kind: 'notice', notice: form.data };
      } else {
        // The whole notice, from a form opened before the consultation began: only the end date may change now.
        if (values.subject !== undefined)
          return renderEdit(
            reply,
            request,
            c,
            { ...values, version: String(c.version) },
            forms,
            [formError('', 'consultation.errors.openedMeanwhile')],
            409,
          );
        const form = parseForm(ZNoticeExtension, request.body);
        if (!form.ok) return renderEdit(reply, request, c, values, forms, form.errors, 400);
        change = { kind: 'extension', endsOn: form.data.endsOn };
      }
      const lock = ZNoticeLock.safeParse(request.body);
      // Without the version it read, or with an older one, a save would overwrite: keep the text, say so.
      const conflict = async () => {
        const fresh = (await findConsultation(services.db, c.id)) ?? c;
        return renderEdit(
          reply,
          request,
          fresh,
          { ...values, version: String(fresh.version) },
          forms,
          [formError('', 'consultation.errors.conflict')],
          409,
        );
      };
      if (!lock.success) return conflict();
      const result = await updateNotice(
        services,
        signedInUser(request).id,
        { consultationId: c.id, version: lock.data.version },
        change,
      );
      if (result.ok)
        return reply.redirectWithFlash(`/konsultacje/${c.id}`, {
          kind: result.changed ? 'success' : 'info',
          key: result.changed ? 'flash.consultationNoticeSaved' : 'flash.consultationNoticeUnchanged',
        });
      if (result.reason === 'invalid') return renderEdit(reply, request, c, values, forms, result.errors, 400);
      if (result.reason === 'conflict') return conflict();
      if (result.reason === 'locked')
        return reply.redirectWithFlash(`/konsultacje/${c.id}`, { kind: 'info', key: 'flash.consultationNoticeLocked' });
      return reply.callNotFound();
    },
  );

  // --- the public page --------------------------------------------------------------------------

  app.get('/konsultacje/:id', { config: { access: 'public' } }, async (request, reply) => {
    const c = await consultationFor(request);
    if (!c) return reply.callNotFound();
    const version = await findVersionWithProgramme(services.db, c.programme_version_id);
    if (!version) return reply.callNotFound();
    const { phase, phrase } = timeLeftPhrase(c, services.clock(), request.language);
    return reply.render(
      <ConsultationPage
        model={{
          id: c.id,
          subject: c.subject,
          legalBasis: c.legal_basis,
          participants: c.participants,
          residentsAllowed: c.residents_allowed === 1,
          forms: parseForms(c.forms_json),
          whereToSubmit: c.where_to_submit,
          responsibleUnit: c.responsible_unit,
          period: periodPhrase(c, request.language),
          phase,
          timeLeft: phrase,
          programme: {
            id: version.programme_id,
            title: version.title,
            years: yearsLabel(version.year_from, version.year_to),
            versionNumber: version.number,
          },
          chapters: draftChapters(version.sections_json),
          signedIn: Boolean(request.currentUser),
          official: isOfficial(request),
          lateForAdoption:
            c.status !== 'closed' && endsTooLateForAdoption(c.ends_on, version.year_from)
              ? {
                  year: version.year_from,
                  by: formatWarsawDate(adoptionDeadline(version.year_from), request.language),
                  end: formatWarsawDate(c.ends_on, request.language),
                }
              : null,
          reportPublished: c.report_published_at !== null,
        }}
      />,
    );
  });
}
