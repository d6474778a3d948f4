/**
 * Ideas collected at the tables (official): `/spotkania/:id/pomysly` lists and filters them and
 * captures a new one as text or a photo of the flip-chart (multipart in this scope only); each idea
 * has its page to categorise, merge, promote to an outcome, dismiss or restore it. Photos are served
 * to officials only, never cached publicly.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, formError, type FormModel, parseForm } from '../../platform/http/forms.js';
import type { Translate } from '../../platform/i18n/i18n.js';
import { registerUploads } from '../../platform/http/uploads.js';
import { captureIdea, maxPhotoBytes } from './capture-idea.js';
import { meetingOf } from './meeting-context.js';
import { findIdea, groupsOf, ideaCategories, ideasOf, outcomesOf, type MeetingHead } from './meeting-minutes.repo.js';
import {
  maxRounds,
  outcomeKinds,
  ZCategorise,
  ZIdea,
  ZIdeaFilters,
  ZIdeaParams,
  ZIdeaState,
  ZMergeIdea,
  ZPromoteIdea,
} from './meeting-minutes.schema.js';
import { categoriseIdea, mergeIdea, promoteIdea, setIdeaState, type IdeaActionRefusal } from './moderate-ideas.js';
import { IdeaPage, IdeasPage, type IdeaView } from './views/ideas.js';

const official = (services: Services) => ({ config: { access: 'official' as const, rateLimit: formRateLimit(services) } });

type IdeaRow = Awaited<ReturnType<typeof ideasOf>>[number];

function ideaView(row: IdeaRow, meetingId: number, t: Translate, outcomes: Map<number, string>): IdeaView {
  const where = [row.group_name, row.round ? t('meetingMinutes.ideas.roundN', { round: row.round }) : null]
    .filter(Boolean)
    .join(', ');
  return {
    id: row.id,
    where: where || null,
    text: row.text,
    photoUrl: row.photo_key ? `/spotkania/${meetingId}/pomysly/${row.id}/zdjecie` : null,
    category: row.category,
    status: row.status,
    mergedInto: row.status === 'merged' ? row.merged_into_id : null,
    outcome: row.outcome_id ? (outcomes.get(row.outcome_id) ?? null) : null,
  };
}

export async function ideasRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(async (scope) => {
    // A photo somewhat over 10 MB gets the form's own message; a much larger body the 413 page.
    await registerUploads(scope, {
      maxFileBytes: maxPhotoBytes + 1024 * 1024,
      maxFiles: 1,
      maxFields: 8,
      maxFieldBytes: 16 * 1024,
    });
    ideasScopeRoutes(scope, services);
  });
}

function ideasScopeRoutes(app: FastifyInstance, services: Services): void {
  async function outcomeLabels(meetingId: number, t: Translate) {
    const outcomes = await outcomesOf(services.db, meetingId);
    return new Map(outcomes.map((o) => [o.id, `${t(`meetingMinutes.kinds.${o.kind}`)}: ${o.text}`]));
  }

  function suggestions(t: Translate, categories: string[]) {
    const kinds = outcomeKinds.map((kind) => t(`meetingMinutes.kinds.${kind}`));
    return [...new Set([...kinds, ...categories])];
  }

  async function listPage(request: FastifyRequest, reply: FastifyReply, meeting: MeetingHead, form: FormModel, status = 200) {
    const query = ZIdeaFilters.parse(request.query ?? {});
    const filters = { groupId: query.grupa, category: query.kategoria || undefined, status: query.stan };
    const [ideas, groups, categories, outcomes] = await Promise.all([
      ideasOf(services.db, meeting.id, filters),
      groupsOf(services.db, meeting.id),
      ideaCategories(services.db, meeting.id),
      outcomeLabels(meeting.id, request.t),
    ]);
    const rounds = Math.max(2, ...groups.flatMap((g) => g.rounds.map((r) => r.round)));
    return reply.render(
      <IdeasPage
        model={{
          meeting: { id: meeting.id, topic: meeting.topic },
          ideas: ideas.map((row) => ideaView(row, meeting.id, request.t, outcomes)),
          groups: groups.map((g) => ({ id: g.id, name: g.name })),
          rounds: Math.min(maxRounds, rounds),
          categories,
          filters: { grupa: query.grupa ? String(query.grupa) : '', kategoria: query.kategoria ?? '', stan: query.stan ?? '' },
          filtered: filters.groupId !== undefined || filters.category !== undefined || filters.status !== undefined,
          categorySuggestions: suggestions(request.t, categories),
          form,
        }}
      />,
      status,
    );
  }

  async function ideaOf(request: FastifyRequest, meeting: MeetingHead) {
    const params = ZIdeaParams.safeParse(request.params);
    return params.success ? findIdea(services.db, meeting.id, params.data.ideaId) : undefined;
  }

  type Forms = Partial<Record<'categoryForm' | 'mergeForm' | 'promoteForm' | 'stateForm', FormModel>>;

  async function ideaPage(
    request: FastifyRequest,
    reply: FastifyReply,
    meeting: MeetingHead,
    ideaId: number,
    forms: Forms = {},
    status = 200,
  ) {
    const [ideas, categories, outcomes] = await Promise.all([
      ideasOf(services.db, meeting.id),
      ideaCategories(services.db, meeting.id),
      outcomeLabels(meeting.id, request.t),
    ]);
    const row = ideas.find((i) => i.id === ideaId);
    if (!row) return reply.callNotFound();
    const excerpt = (text: string | null) => (text && text.length > 80 ? `${text.slice(0, 79)}…` : (text ?? ''));
    return reply.render(
      <IdeaPage
        model={{
          meeting: { id: meeting.id, topic: meeting.topic },
          idea: ideaView(row, meeting.id, request.t, outcomes),
          categorySuggestions: suggestions(request.t, categories),
          mergeTargets: ideas
            .filter((i) => i.id !== ideaId && i.status !== 'merged')
            .map((i) => ({
              id: i.id,
              label: `${request.t('meetingMinutes.ideas.ideaNumber', { id: i.id })}: ${excerpt(i.text)}`,
            })),
          kinds: outcomeKinds,
          categoryForm: forms.categoryForm ?? emptyForm({ category: row.category ?? '' }),
          mergeForm: forms.mergeForm ?? emptyForm(),
          promoteForm: forms.promoteForm ?? emptyForm({ outcomeText: row.text ?? '' }),
          stateForm: forms.stateForm ?? emptyForm(),
        }}
      />,
      status,
    );
  }

  const refusal = (reason: IdeaActionRefusal) => `meetingMinutes.ideas.errors.${reason}`;

  app.get('/spotkania/:id/pomysly', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    return listPage(request, reply, meeting, emptyForm());
  });

  app.post('/spotkania/:id/pomysly', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    const form = parseForm(ZIdea, request.body);
    if (!form.ok) return listPage(request, reply, meeting, failedForm(form.values, form.errors, request.t), 400);
    const file = ((request.body ?? {}) as Record<string, unknown>).photo;
    const photo = Buffer.isBuffer(file) && file.length > 0 ? file : null;
    const result = await captureIdea(services, signedInUser(request).id, meeting.id, form.data, photo);
    if (!result.ok) {
      const field =
        result.reason === 'empty' || result.reason === 'captionRequired'
          ? 'text'
          : result.reason === 'group'
            ? 'groupId'
            : 'photo';
      const error = formError(field, `meetingMinutes.ideas.errors.${result.reason}`);
      return listPage(request, reply, meeting, failedForm(form.values, [error], request.t), 400);
    }
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/pomysly#lista`, {
      kind: 'success',
      key: 'flash.meetingIdeaCaptured',
    });
  });

  app.get('/spotkania/:id/pomysly/:ideaId', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const idea = meeting && (await ideaOf(request, meeting));
    if (!meeting || !idea) return reply.callNotFound();
    return ideaPage(request, reply, meeting, idea.id);
  });

  app.get('/spotkania/:id/pomysly/:ideaId/zdjecie', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const idea = meeting && (await ideaOf(request, meeting));
    if (!meeting || !idea?.photo_key) return reply.callNotFound();
    const stored = await services.files.read(idea.photo_key);
    if (!stored) return reply.callNotFound();
    // Officials only: never kept by shared caches.
    reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
    return reply.type(stored.contentType).send(stored.data);
  });

  app.post('/spotkania/:id/pomysly/:ideaId/kategoria', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const idea = meeting && (await ideaOf(request, meeting));
    if (!meeting || !idea) return reply.callNotFound();
    const form = parseForm(ZCategorise, request.body);
    if (!form.ok)
      return ideaPage(request, reply, meeting, idea.id, { categoryForm: failedForm(form.values, form.errors, request.t) }, 400);
    await categoriseIdea(services, signedInUser(request).id, meeting.id, idea.id, form.data.category);
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/pomysly/${idea.id}`, {
      kind: 'success',
      key: 'flash.meetingIdeaCategorised',
    });
  });

  app.post('/spotkania/:id/pomysly/:ideaId/scalenie', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const idea = meeting && (await ideaOf(request, meeting));
    if (!meeting || !idea) return reply.callNotFound();
    const form = parseForm(ZMergeIdea, request.body);
    if (!form.ok) {
      const error = formError('targetId', 'meetingMinutes.ideas.errors.target');
      return ideaPage(request, reply, meeting, idea.id, { mergeForm: failedForm(form.values, [error], request.t) }, 400);
    }
    const result = await mergeIdea(services, signedInUser(request).id, meeting.id, idea.id, form.data.targetId);
    if (!result.ok) {
      const error = formError('targetId', refusal(result.reason));
      return ideaPage(request, reply, meeting, idea.id, { mergeForm: failedForm(form.values, [error], request.t) }, 400);
    }
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/pomysly/${form.data.targetId}`, {
      kind: 'success',
      key: 'flash.meetingIdeaMerged',
      params: { id: idea.id },
    });
  });

  app.post('/spotkania/:id/pomysly/:ideaId/ustalenie', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const idea = meeting && (await ideaOf(request, meeting));
    if (!meeting || !idea) return reply.callNotFound();
    const form = parseForm(ZPromoteIdea, request.body);
    if (!form.ok)
      return ideaPage(request, reply, meeting, idea.id, { promoteForm: failedForm(form.values, form.errors, request.t) }, 400);
    const result = await promoteIdea(services, signedInUser(request).id, meeting.id, idea.id, {
      kind: form.data.kind,
      text: form.data.outcomeText,
    });
    if (!result.ok) {
      const error = formError('kind', refusal(result.reason));
      return ideaPage(request, reply, meeting, idea.id, { promoteForm: failedForm(form.values, [error], request.t) }, 400);
    }
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/ustalenia#kind-${form.data.kind}`, {
      kind: 'success',
      key: 'flash.meetingIdeaPromoted',
      params: { id: idea.id },
    });
  });

  app.post('/spotkania/:id/pomysly/:ideaId/stan', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const idea = meeting && (await ideaOf(request, meeting));
    if (!meeting || !idea) return reply.callNotFound();
    const form = parseForm(ZIdeaState, request.body);
    const result = form.ok ? await setIdeaState(services, signedInUser(request).id, meeting.id, idea.id, form.data.action) : null;
    if (!form.ok || !result?.ok) {
      const error = formError('', refusal(result && !result.ok ? result.reason : 'state'));
      return ideaPage(request, reply, meeting, idea.id, { stateForm: failedForm({}, [error], request.t) }, 400);
    }
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/pomysly/${idea.id}`, {
      kind: 'success',
      key: form.data.action === 'dismiss' ? 'flash.meetingIdeaDismissed' : 'flash.meetingIdeaRestored',
    });
  });
}
