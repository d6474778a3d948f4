/**
 * A programme's versions and its documents:
 * - `GET /program-wspolpracy/:id/wersje` — every version the viewer may read, with a compare form;
 * - `GET /program-wspolpracy/:id/porownanie?od=N&do=M` — two versions compared section by section
 *   (the public compares only versions that are not drafts; officials any);
 * - `GET /program-wspolpracy/:id/uchwala.pdf` and `.docx` — the resolution with the programme as its
 *   annex (tagged PDF, DOCX), honouring `?wersja=N` with the reading page's visibility.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { sendDocument, type DocumentFormat } from '../../platform/documents/download.js';
import { emptyForm, failedForm, parseForm, type FormModel } from '../../platform/http/forms.js';
import { formatDate } from '../../platform/i18n/format.js';
import { translatorFor } from '../../platform/i18n/i18n.js';
import { compareSections } from './compare-versions.js';
import { canManageProgrammes } from './programme.policy.js';
import { findProgramme, versionsOf, type ProgrammeRecord, type ProgrammeVersionRecord } from './programme.repo.js';
import { ZCompareQuery, ZProgrammeParams } from './programme.schema.js';
import { programmeForRequest, resolutionModel } from './programme.routes.js';
import { resolutionDocument, resolutionFileBase } from './programme-document.js';
import { parseSections } from './programme-sections.js';
import { ComparePage, VersionsPage, type VersionRow } from './views/versions-pages.js';

/** The programme and the versions the viewer may read (newest first), or undefined (404). */
async function readableVersions(services: Services, request: FastifyRequest) {
  const params = ZProgrammeParams.safeParse(request.params);
  if (!params.success) return undefined;
  const programme = await findProgramme(services.db, params.data.id);
  if (!programme) return undefined;
  const official = canManageProgrammes(request.currentUser?.roles ?? []);
  const versions = (await versionsOf(services.db, [programme.id])).filter((v) => official || v.status !== 'draft');
  if (versions.length === 0) return undefined;
  return { programme, versions };
}

function versionRows(request: FastifyRequest, versions: ProgrammeVersionRecord[]): VersionRow[] {
  const numbers = new Map(versions.map((v) => [v.id, v.number]));
  const date = (value: string) => formatDate(value, request.language);
  return versions.map((v) => {
    const basedOn = v.based_on_version_id === null ? undefined : numbers.get(v.based_on_version_id);
    return {
      number: v.number,
      status: v.status,
      created: date(v.created_at),
      updated: date(v.updated_at),
      basedOn:
        v.based_on_version_id === null
          ? null
          : basedOn === undefined
            ? request.t('programme.versions.basedOnOther')
            : request.t('programme.versions.basedOnNumber', { number: basedOn }),
      resolution:
        v.resolution_number && v.resolution_date
          ? request.t('programme.versions.resolutionLine', {
              number: v.resolution_number,
              date: formatDate(`${v.resolution_date}T12:00:00Z`, request.language),
            })
          : null,
      published: v.published_at ? date(v.published_at) : null,
    };
  });
}

/** The compare form's defaults: the version before the newest, and the newest. */
const defaultCompare = (versions: ProgrammeVersionRecord[]): FormModel =>
  emptyForm({ od: String(versions[1]?.number ?? versions[0]!.number), do: String(versions[0]!.number) });

export function versionsRoutes(app: FastifyInstance, services: Services): void {
  app.get('/program-wspolpracy/:id/wersje', { config: { access: 'public' } }, async (request, reply) => {
    const found = await readableVersions(services, request);
    if (!found) return reply.callNotFound();
    const { programme, versions } = found;
    return reply.render(
      <VersionsPage
        model={{
          id: programme.id,
          title: programme.title,
          versions: versionRows(request, versions),
          form: defaultCompare(versions),
        }}
      />,
    );
  });

  app.get('/program-wspolpracy/:id/porownanie', { config: { access: 'public' } }, async (request, reply) => {
    const found = await readableVersions(services, request);
    if (!found) return reply.callNotFound();
    const { programme, versions } = found;
    const rows = versionRows(request, versions);
    const versionsPage = (form: FormModel, status: number) =>
      reply.render(<VersionsPage model={{ id: programme.id, title: programme.title, versions: rows, form }} />, status);
    const query = parseForm(ZCompareQuery, request.query ?? {});
    if (!query.ok) return versionsPage(failedForm(query.values, query.errors, request.t), 400);
    // A version the viewer may not read (a draft, for the public) is one that does not exist for them.
    const from = versions.find((v) => v.number === query.data.od);
    const to = versions.find((v) => v.number === query.data.do);
    if (!from || !to) return reply.callNotFound();
    const spheres = (await resolutionModel(services, programme, to)).sphereLabels;
    return reply.render(
      <ComparePage
        model={{
          id: programme.id,
          title: programme.title,
          from: { number: from.number, status: from.status },
          to: { number: to.number, status: to.status },
          sections: compareSections(parseSections(from.sections_json), parseSections(to.sections_json)),
          spheres,
          versions: rows,
          form: emptyForm({ od: String(from.number), do: String(to.number) }),
        }}
      />,
    );
  });

  async function document(request: FastifyRequest, reply: FastifyReply, kind: DocumentFormat) {
    const found = await programmeForRequest(services, request);
    if (!found) return reply.callNotFound();
    const model = await resolutionModel(services, found.programme as ProgrammeRecord, found.version);
    return sendDocument(reply, resolutionDocument(model, translatorFor('pl')), kind, {
      name: resolutionFileBase(model),
      draft: found.version.status === 'draft',
    });
  }

  app.get('/program-wspolpracy/:id/uchwala.pdf', { config: { access: 'public' } }, (request, reply) =>
    document(request, reply, 'pdf'),
  );
  app.get('/program-wspolpracy/:id/uchwala.docx', { config: { access: 'public' } }, (request, reply) =>
    document(request, reply, 'docx'),
  );
}
