import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { documentNames } from '../settings/index.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import {
  emptyForm,
  failedForm,
  formError,
  parseForm,
  rawValues,
  type FieldError,
  type FormValues,
} from '../../platform/http/forms.js';
import { formatDate, formatDateTime } from '../../platform/i18n/format.js';
import { appliedSubmissions, consultationOfVersion, hasClosedConsultation } from './consultation-link.js';
import { meetingsWithOutcomes } from '../meeting-minutes/index.js';
import { activeSpheres } from '../organizations/index.js';
import { findMeeting, meetingDateShort } from '../meetings/index.js';
import { createProgramme } from './create-programme.js';
import { creationFacts, creationText } from './creation-text.js';
import { importOutcomes, importSections, saveSection, type EditResult, type ImportSection } from './edit-section.js';
import { markReady } from './mark-ready.js';
import { canManageProgrammes, isEditable } from './programme.policy.js';
import {
  findProgramme,
  listProgrammes,
  newestVersion,
  versionByNumber,
  versionsOf,
  type ProgrammeVersionRecord,
} from './programme.repo.js';
import {
  annexTitle,
  legalBasisSentence,
  resolutionParagraphs,
  resolutionTitle,
  type ResolutionModel,
} from './programme-document.js';
import {
  parseSectionForm,
  sectionFormValues,
  ZAdopt,
  ZImport,
  ZNewProgramme,
  ZProgrammeParams,
  ZReadQuery,
  ZSectionParams,
  ZVersionRef,
} from './programme.schema.js';
import {
  adoptVersion,
  adoptableStatuses,
  createNextVersion,
  nextDraftStatuses,
  publishVersion,
  type LifecycleRefusal,
  type VersionRef,
} from './version-lifecycle.js';
import {
  formatPln,
  missingElements,
  parseSections,
  plannedFunds,
  sectionBySlug,
  sectionSlugs,
  type ListItem,
  type ProgrammeSections,
  type SectionKey,
} from './programme-sections.js';
import {
  NewProgrammePage,
  ProgrammeListPage,
  ProgrammePage,
  type ProgrammePageModel,
  type SourceLabels,
} from './views/programme-pages.js';
import { SectionFormPage } from './views/section-form.js';

const isOfficial = (request: FastifyRequest) => canManageProgrammes(request.currentUser?.roles ?? []);

const yearsLabel = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);

/** "16.07.2018" for each meeting an item came from; meetings the viewer may not open are left out. */
async function sourceLabels(services: Services, sections: ProgrammeSections, official: boolean): Promise<SourceLabels> {
  const items: ListItem[] = [
    ...sections.goals.specific,
    ...sections.principles.local,
    ...sections.forms.financial,
    ...sections.forms.nonFinancial,
    ...sections.evaluation.indicators,
  ];
  const ids = new Set(items.map((i) => i.source?.meetingId).filter((id): id is number => id !== undefined));
  if (sections.goals.mainSource) ids.add(sections.goals.mainSource.meetingId);
  const labels: SourceLabels = new Map();
  for (const id of ids) {
    const meeting = await findMeeting(services.db, id);
    if (meeting && (official || (meeting.status === 'published' && meeting.visibility === 'public')))
      labels.set(id, meetingDateShort(meeting));
  }
  return labels;
}

/**
 * The programme and the version the viewer reads: `?wersja=N`, else the newest (officials: any; others:
 * the newest that is not a draft — the public never reads drafts). `newest` tells whether it is the
 * programme's newest version, the one the lifecycle's forms act on.
 */
export async function programmeForRequest(services: Services, request: FastifyRequest) {
  const params = ZProgrammeParams.safeParse(request.params);
  const query = ZReadQuery.safeParse(request.query ?? {});
  if (!params.success || !query.success) return undefined;
  const programme = await findProgramme(services.db, params.data.id);
  if (!programme) return undefined;
  const official = isOfficial(request);
  const readable = official ? 'all' : 'public';
  const version =
    query.data.wersja === undefined
      ? await newestVersion(services.db, programme.id, readable)
      : await versionByNumber(services.db, programme.id, query.data.wersja, readable);
  if (!version) return undefined;
  const newestOfAll = await newestVersion(services.db, programme.id, 'all');
  return { programme, version, official, newest: newestOfAll?.id === version.id };
}

/** The spheres of public tasks in force, as "16 — kultura, sztuka…" in the visitor's language. */
async function sphereOptions(services: Services, request: FastifyRequest): Promise<Array<{ value: string; label: string }>> {
  const english = request.language === 'en';
  return (await activeSpheres(services.db)).map((s) => ({
    value: s.code,
    label: `${s.code} — ${english ? s.label_en : s.label_pl}`,
  }));
}

/** The resolution-with-annex model of a version (the reading page's headings, the PDF and the DOCX). */
export async function resolutionModel(
  services: Services,
  programme: { id: number; title: string },
  version: ProgrammeVersionRecord,
): Promise<ResolutionModel> {
  const { settings } = await services.settings.get();
  return {
    programmeId: programme.id,
    title: programme.title,
    council: documentNames(settings).council,
    office: settings.officeName,
    versionNumber: version.number,
    status: version.status,
    resolutionNumber: version.resolution_number,
    resolutionDate: version.resolution_date,
    sections: parseSections(version.sections_json),
    sphereLabels: Object.fromEntries(
      (await activeSpheres(services.db)).map((sphere) => [sphere.code, `${sphere.code} — ${sphere.label_pl}`]),
    ),
  };
}

export function programmeRoutes(app: FastifyInstance, services: Services): void {
  app.get('/program-wspolpracy', { config: { access: 'public' } }, async (request, reply) => {
    const official = isOfficial(request);
    const programmes = await listProgrammes(services.db);
    const versions = await versionsOf(
      services.db,
      programmes.map((p) => p.id),
    );
    const model = {
      canCreate: official,
      programmes: programmes
        .map((p) => ({
          id: p.id,
          title: p.title,
          years: yearsLabel(p.year_from, p.year_to),
          versions: versions
            .filter((v) => v.programme_id === p.id && (official || v.status !== 'draft'))
            .map((v) => ({ number: v.number, status: v.status })),
        }))
        .filter((p) => p.versions.length > 0),
    };
    return reply.render(<ProgrammeListPage model={model} />);
  });

  app.get('/program-wspolpracy/nowy', { config: { access: 'official' } }, async (_request, reply) => {
    return reply.render(
      <NewProgrammePage form={emptyForm({ yearFrom: String(new Date().getUTCFullYear() + 1), start: 'empty' })} />,
    );
  });

  app.post(
    '/program-wspolpracy/nowy',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const form = parseForm(ZNewProgramme, request.body);
      if (!form.ok) return reply.render(<NewProgrammePage form={failedForm(form.values, form.errors, request.t)} />, 400);
      const { settings } = await services.settings.get();
      const result = await createProgramme(services, signedInUser(request).id, form.data, documentNames(settings).municipality);
      if (!result.ok)
        return reply.render(
          <NewProgrammePage form={failedForm(form.values, [formError('start', 'programme.errors.noPrevious')], request.t)} />,
          400,
        );
      return reply.redirectWithFlash(`/program-wspolpracy/${result.id}`, { kind: 'success', key: 'flash.programmeCreated' });
    },
  );

  /** The programme page's view model for a version (the reading page, and the refused readiness or adoption). */
  async function programmePageModel(
    request: FastifyRequest,
    found: { programme: { id: number; title: string }; version: ProgrammeVersionRecord; newest: boolean },
    state: Pick<ProgrammePageModel, 'official' | 'editable' | 'missing'> &
      Partial<Pick<ProgrammePageModel, 'missingFor' | 'adoptForm'>>,
  ): Promise<ProgrammePageModel> {
    const { programme, version, newest } = found;
    const sections = parseSections(version.sections_json);
    const resolution = await resolutionModel(services, programme, version);
    const consultation = version.status === 'draft' ? undefined : await consultationOfVersion(services.db, version.id);
    const official = state.official;
    const adoptable =
      official &&
      newest &&
      adoptableStatuses.includes(version.status) &&
      (version.status !== 'draft' || (await hasClosedConsultation(services.db, programme.id)));
    const query = newest ? '' : `?wersja=${version.number}`;
    return {
      id: programme.id,
      title: programme.title,
      version: {
        id: version.id,
        number: version.number,
        status: version.status,
        lock: version.version,
        updated: formatDateTime(version.updated_at, request.language),
        resolutionNumber: version.resolution_number,
        resolutionDate: version.resolution_date ? formatDate(`${version.resolution_date}T12:00:00Z`, request.language) : null,
        publishedAt: version.published_at ? formatDate(version.published_at, request.language) : null,
      },
      newest,
      resolution: {
        title: resolutionTitle(resolution),
        annex: annexTitle(resolution),
        basis: legalBasisSentence(sections.resolution.legalBasis),
        paragraphs: resolutionParagraphs(sections),
      },
      documents: {
        pdf: `/program-wspolpracy/${programme.id}/uchwala.pdf${query}`,
        docx: `/program-wspolpracy/${programme.id}/uchwala.docx${query}`,
      },
      consultationHref: consultation ? `/konsultacje/${consultation.id}` : null,
      applied: (await appliedSubmissions(services.db, version.id)).map((a) => ({
        receipt: a.receiptNumber,
        label: a.label,
        // Officials open the answer; everyone else the report once it is published, else the consultation.
        href: official
          ? `/konsultacje/${a.consultationId}/odpowiedzi/${a.submissionId}`
          : `/konsultacje/${a.consultationId}${a.reportPublished ? '/sprawozdanie' : ''}`,
      })),
      announceHref:
        official && !consultation && version.status === 'consultation' ? `/konsultacje/nowa?wersja=${version.id}` : null,
      canAdopt: adoptable,
      canPublish: official && newest && version.status === 'adopted',
      canNewVersion: official && newest && nextDraftStatuses.includes(version.status),
      sections,
      meetings: await sourceLabels(services, sections, official),
      sphereLabels: Object.fromEntries((await sphereOptions(services, request)).map((o) => [o.value, o.label])),
      missingFor: 'ready',
      adoptForm: { values: {}, errors: [] },
      ...state,
    };
  }

  app.get('/program-wspolpracy/:id', { config: { access: 'public' } }, async (request, reply) => {
    const found = await programmeForRequest(services, request);
    if (!found) return reply.callNotFound();
    const { version, official } = found;
    const editable = official && found.newest && isEditable(version.status);
    const missing = editable ? missingElements(parseSections(version.sections_json)) : null;
    return reply.render(<ProgrammePage model={await programmePageModel(request, found, { official, editable, missing })} />);
  });

  /** The section being edited on the newest version, or a reply already sent (404, or the frozen notice). */
  async function editTarget(request: FastifyRequest, reply: FastifyReply) {
    const params = ZSectionParams.safeParse(request.params);
    const section = params.success ? sectionBySlug(params.data.section) : undefined;
    if (!params.success || !section) return void reply.callNotFound();
    const programme = await findProgramme(services.db, params.data.id);
    const version = programme ? await newestVersion(services.db, programme.id, 'all') : undefined;
    if (!programme || !version) return void reply.callNotFound();
    if (!isEditable(version.status))
      return void reply.redirectWithFlash(`/program-wspolpracy/${programme.id}`, { kind: 'info', key: 'flash.programmeFrozen' });
    return { programme, version, section };
  }

  async function renderSection(
    request: FastifyRequest,
    reply: FastifyReply,
    target: { programme: { id: number; title: string }; version: ProgrammeVersionRecord; section: SectionKey },
    values: FormValues,
    errors: FieldError[],
    status = 200,
    generated: 'generated' | 'nothing' | null = null,
  ) {
    const sections = parseSections(target.version.sections_json);
    const computed = plannedFunds(sections);
    const canImport = (importSections as SectionKey[]).includes(target.section);
    const meetings = canImport ? await meetingsWithOutcomes(services.db) : [];
    const labels = await sourceLabels(services, sections, true);
    for (const m of meetings) labels.set(m.id, meetingDateShort(m));
    return reply.render(
      <SectionFormPage
        model={{
          programmeId: target.programme.id,
          programmeTitle: target.programme.title,
          section: target.section,
          versionNumber: target.version.number,
          computedFunds: computed === null ? null : formatPln(computed),
          meetings: labels,
          importMeetings: canImport ? meetings.map((m) => ({ id: m.id, label: `${meetingDateShort(m)} — ${m.topic}` })) : null,
          spheres: target.section === 'tasks' ? await sphereOptions(services, request) : [],
          generated,
        }}
        form={failedForm(values, errors, request.t)}
        lock={{ versionId: String(target.version.id), version: String(target.version.version) }}
      />,
      status,
    );
  }

  app.get('/program-wspolpracy/:id/sekcje/:section', { config: { access: 'official' } }, async (request, reply) => {
    const target = await editTarget(request, reply);
    if (!target) return reply;
    const values = sectionFormValues(target.section, parseSections(target.version.sections_json));
    return renderSection(request, reply, target, values, []);
  });

  const afterEdit = (reply: FastifyReply, programmeId: number, result: EditResult, savedKey: string, unchangedKey: string) => {
    const back = `/program-wspolpracy/${programmeId}`;
    if (result.ok)
      return reply.redirectWithFlash(back, {
        kind: result.changed ? 'success' : 'info',
        key: result.changed ? savedKey : unchangedKey,
      });
    if (result.reason === 'frozen') return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.programmeFrozen' });
    if (result.reason === 'notFound') return reply.callNotFound();
    return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.programmeChanged' });
  };

  app.post(
    '/program-wspolpracy/:id/sekcje/:section',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const target = await editTarget(request, reply);
      if (!target) return reply;
      const values = rawValues(request.body);
      const current = parseSections(target.version.sections_json);
      const parsed = parseSectionForm(target.section, request.body, current);
      if (!parsed.ok) return renderSection(request, reply, target, values, parsed.errors, 400);
      const ref = ZVersionRef.safeParse(request.body);
      // Without the version it read, or with an older one, a save would overwrite: keep the text, say so.
      const conflict = () => renderSection(request, reply, target, values, [formError('', 'programme.errors.conflict')], 409);
      if (!ref.success) return conflict();
      const result = await saveSection(
        services,
        signedInUser(request).id,
        { programmeId: target.programme.id, ...ref.data },
        target.section,
        parsed.data,
      );
      if (!result.ok && result.reason === 'conflict') {
        const fresh = await newestVersion(services.db, target.programme.id, 'all');
        if (fresh && isEditable(fresh.status))
          return renderSection(
            request,
            reply,
            { ...target, version: fresh },
            values,
            [formError('', 'programme.errors.conflict')],
            409,
          );
      }
      return afterEdit(reply, target.programme.id, result, 'flash.programmeSectionSaved', 'flash.programmeSectionUnchanged');
    },
  );

  app.post(
    '/program-wspolpracy/:id/sekcje/:section/import',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const target = await editTarget(request, reply);
      if (!target) return reply;
      if (!(importSections as SectionKey[]).includes(target.section)) return reply.callNotFound();
      const back = `/program-wspolpracy/${target.programme.id}/sekcje/${sectionSlugs[target.section]}`;
      const form = parseForm(ZImport, request.body);
      if (!form.ok) return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.programmeChanged' });
      const result = await importOutcomes(
        services,
        signedInUser(request).id,
        { programmeId: target.programme.id, versionId: form.data.versionId, version: form.data.version },
        target.section as ImportSection,
        form.data.meetingId,
      );
      if (result.ok)
        return reply.redirectWithFlash(back, {
          kind: result.changed ? 'success' : 'info',
          key: result.changed ? 'flash.programmeImported' : 'flash.programmeNothingImported',
        });
      return afterEdit(reply, target.programme.id, result, '', '');
    },
  );

  /**
   * Element 10 written from the platform's records, shown in the creation section's form for the
   * official to edit and save: nothing is stored until they save the form.
   */
  app.post(
    '/program-wspolpracy/:id/sekcje/:section/generuj',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const target = await editTarget(request, reply);
      if (!target) return reply;
      if (target.section !== 'creation') return reply.callNotFound();
      const sections = parseSections(target.version.sections_json);
      const text = creationText(await creationFacts(services.db, target.programme.id, sections));
      const values = { ...sectionFormValues('creation', sections), text: text || sections.creation.text };
      return renderSection(request, reply, target, values, [], 200, text === '' ? 'nothing' : 'generated');
    },
  );

  app.post(
    '/program-wspolpracy/:id/gotowy',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await programmeForRequest(services, request);
      if (!found) return reply.callNotFound();
      const back = `/program-wspolpracy/${found.programme.id}`;
      const form = parseForm(ZVersionRef, request.body);
      if (!form.ok) return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.programmeChanged' });
      const result = await markReady(services, signedInUser(request).id, { programmeId: found.programme.id, ...form.data });
      if (result.ok) return reply.redirectWithFlash(back, { kind: 'success', key: 'flash.programmeReady' });
      // The version cannot go to consultation as it is (409): the page again, naming every empty element.
      if (result.reason === 'incomplete') {
        const model = await programmePageModel(request, found, { official: true, editable: true, missing: result.missing });
        return reply.render(<ProgrammePage model={model} />, 409);
      }
      if (result.reason === 'notFound') return reply.callNotFound();
      return reply.redirectWithFlash(back, {
        kind: 'info',
        key: result.reason === 'frozen' ? 'flash.programmeFrozen' : 'flash.programmeChanged',
      });
    },
  );

  /** The lifecycle's forms name the version and its lock; without them the page has changed under the official. */
  const lifecycleBack = (reply: FastifyReply, programmeId: number, reason: LifecycleRefusal) => {
    if (reason === 'notFound') return reply.callNotFound();
    return reply.redirectWithFlash(`/program-wspolpracy/${programmeId}`, {
      kind: 'info',
      key: reason === 'wrongStatus' ? 'flash.programmeWrongStatus' : 'flash.programmeChanged',
    });
  };

  app.post(
    '/program-wspolpracy/:id/przyjecie',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await programmeForRequest(services, request);
      if (!found) return reply.callNotFound();
      const form = parseForm(ZAdopt, request.body);
      const refuse = async (errors: FieldError[], status: number, missing: ProgrammePageModel['missing'] = null) => {
        const model = await programmePageModel(request, found, {
          official: true,
          editable: false,
          missing,
          missingFor: 'adopt',
          adoptForm: failedForm(form.values, errors, request.t),
        });
        return reply.render(<ProgrammePage model={{ ...model, canAdopt: model.canAdopt || status === 409 }} />, status);
      };
      if (!form.ok) return refuse(form.errors, 400);
      const result = await adoptVersion(
        services,
        signedInUser(request).id,
        { programmeId: found.programme.id, versionId: form.data.versionId, version: form.data.version },
        { number: form.data.resolutionNumber, date: form.data.resolutionDate },
      );
      if (result.ok)
        return reply.redirectWithFlash(`/program-wspolpracy/${found.programme.id}`, {
          kind: 'success',
          key: 'flash.programmeAdopted',
        });
      if (result.reason === 'noConsultation') return refuse([formError('', 'programme.errors.noConsultation')], 409);
      if (result.reason === 'incomplete')
        return refuse([formError('', 'programme.errors.incompleteForAdoption')], 409, result.missing);
      return lifecycleBack(reply, found.programme.id, result.reason);
    },
  );

  /** A transition that needs only the version and its lock: publication, and a new draft. */
  const versionTransition = (
    path: string,
    run: (officialId: number, ref: VersionRef) => Promise<{ ok: true } | { ok: false; reason: LifecycleRefusal }>,
    doneKey: string,
  ) =>
    app.post(path, { config: { access: 'official', rateLimit: formRateLimit(services) } }, async (request, reply) => {
      const found = await programmeForRequest(services, request);
      if (!found) return reply.callNotFound();
      const form = parseForm(ZVersionRef, request.body);
      if (!form.ok) return lifecycleBack(reply, found.programme.id, 'conflict');
      const result = await run(signedInUser(request).id, { programmeId: found.programme.id, ...form.data });
      if (result.ok)
        return reply.redirectWithFlash(`/program-wspolpracy/${found.programme.id}`, { kind: 'success', key: doneKey });
      return lifecycleBack(reply, found.programme.id, result.reason);
    });
  versionTransition(
    '/program-wspolpracy/:id/publikacja',
    (id, ref) => publishVersion(services, id, ref),
    'flash.programmePublished',
  );
  versionTransition(
    '/program-wspolpracy/:id/nowa-wersja',
    (id, ref) => createNextVersion(services, id, ref),
    'flash.programmeVersionCreated',
  );
}
