/** Structured outcomes (official): `/spotkania/:id/ustalenia` lists them per kind, adds, edits, orders and removes them. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, formError, type FormModel, parseForm } from '../../platform/http/forms.js';
import { addOutcome, addPrinciple, moveOutcome, removeOutcome, updateOutcome } from './manage-outcomes.js';
import { dayLabel, meetingOf } from './meeting-context.js';
import { agendaItems, findOutcome, outcomesOf, type MeetingHead } from './meeting-minutes.repo.js';
import { outcomeKinds, statutoryPrinciples, ZMove, ZOutcome, ZOutcomeParams, ZPrinciple } from './meeting-minutes.schema.js';
import { OutcomeEditPage, OutcomesPage } from './views/outcomes.js';

const official = (services: Services) => ({ config: { access: 'official' as const, rateLimit: formRateLimit(services) } });

/** "Ad. 2 – Praca w grupach" for each agenda item, in order. */
export async function agendaChoices(services: Services, meetingId: number) {
  const items = await agendaItems(services.db, meetingId);
  return items.map((item, i) => ({ id: item.id, label: `Ad. ${i + 1} – ${item.title}` }));
}

export function outcomesRoutes(app: FastifyInstance, services: Services): void {
  async function listPage(request: FastifyRequest, reply: FastifyReply, meeting: MeetingHead, form: FormModel, status = 200) {
    const [outcomes, agenda, promoted] = await Promise.all([
      outcomesOf(services.db, meeting.id),
      agendaChoices(services, meeting.id),
      services.db
        .selectFrom('meeting_ideas')
        .select('outcome_id')
        .where('meeting_id', '=', meeting.id)
        .where('outcome_id', 'is not', null)
        .execute(),
    ]);
    const fromIdeas = new Set(promoted.map((p) => p.outcome_id));
    const listed = new Set(outcomes.filter((o) => o.kind === 'principle').map((o) => o.text));
    return reply.render(
      <OutcomesPage
        kinds={outcomeKinds}
        model={{
          meeting: { id: meeting.id, topic: meeting.topic },
          kinds: outcomeKinds.map((kind) => ({
            kind,
            outcomes: outcomes
              .filter((o) => o.kind === kind)
              .map((o) => ({
                id: o.id,
                text: o.text,
                agendaItem: agenda.find((a) => a.id === o.agenda_item_id)?.label ?? null,
                owner: o.owner,
                due: o.due_on ? dayLabel(o.due_on, request.language) : null,
                fromIdea: fromIdeas.has(o.id),
              })),
          })),
          missingPrinciples: statutoryPrinciples.filter((p) => !listed.has(p)),
          agenda,
          form,
        }}
      />,
      status,
    );
  }

  async function outcomeOf(request: FastifyRequest, meeting: MeetingHead) {
    const params = ZOutcomeParams.safeParse(request.params);
    return params.success ? findOutcome(services.db, meeting.id, params.data.outcomeId) : undefined;
  }

  async function editPage(reply: FastifyReply, meeting: MeetingHead, outcomeId: number, form: FormModel, status = 200) {
    const agenda = await agendaChoices(services, meeting.id);
    return reply.render(
      <OutcomeEditPage
        kinds={outcomeKinds}
        model={{ meeting: { id: meeting.id, topic: meeting.topic }, outcomeId, form, agenda }}
      />,
      status,
    );
  }

  app.get('/spotkania/:id/ustalenia', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    return listPage(request, reply, meeting, emptyForm());
  });

  app.post('/spotkania/:id/ustalenia', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    const form = parseForm(ZOutcome, request.body);
    if (!form.ok) return listPage(request, reply, meeting, failedForm(form.values, form.errors, request.t), 400);
    const result = await addOutcome(services, signedInUser(request).id, meeting.id, form.data);
    if (!result.ok) {
      const error = formError('agendaItemId', 'meetingMinutes.outcomes.errors.agendaItem');
      return listPage(request, reply, meeting, failedForm(form.values, [error], request.t), 400);
    }
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/ustalenia`, { kind: 'success', key: 'flash.meetingOutcomeAdded' });
  });

  app.post('/spotkania/:id/ustalenia/zasada', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    const form = parseForm(ZPrinciple, request.body);
    if (!form.ok) {
      const error = formError('kind', 'meetingMinutes.outcomes.errors.principle');
      return listPage(request, reply, meeting, failedForm({}, [error], request.t), 400);
    }
    const added = await addPrinciple(services, signedInUser(request).id, meeting.id, form.data.principle);
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/ustalenia#kind-principle`, {
      kind: added ? 'success' : 'info',
      key: added ? 'flash.meetingPrincipleAdded' : 'flash.meetingPrincipleListed',
      params: { principle: form.data.principle },
    });
  });

  app.get('/spotkania/:id/ustalenia/:outcomeId', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const outcome = meeting && (await outcomeOf(request, meeting));
    if (!meeting || !outcome) return reply.callNotFound();
    return editPage(
      reply,
      meeting,
      outcome.id,
      emptyForm({
        kind: outcome.kind,
        text: outcome.text,
        agendaItemId: outcome.agenda_item_id ? String(outcome.agenda_item_id) : '',
        owner: outcome.owner ?? '',
        dueOn: outcome.due_on ?? '',
      }),
    );
  });

  app.post('/spotkania/:id/ustalenia/:outcomeId', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const outcome = meeting && (await outcomeOf(request, meeting));
    if (!meeting || !outcome) return reply.callNotFound();
    const form = parseForm(ZOutcome, request.body);
    if (!form.ok) return editPage(reply, meeting, outcome.id, failedForm(form.values, form.errors, request.t), 400);
    const result = await updateOutcome(services, signedInUser(request).id, meeting.id, outcome.id, form.data);
    if (!result.ok) {
      if (result.reason === 'notFound') return reply.callNotFound();
      const error = formError('agendaItemId', 'meetingMinutes.outcomes.errors.agendaItem');
      return editPage(reply, meeting, outcome.id, failedForm(form.values, [error], request.t), 400);
    }
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/ustalenia`, { kind: 'success', key: 'flash.meetingOutcomeSaved' });
  });

  app.post('/spotkania/:id/ustalenia/:outcomeId/przesun', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const outcome = meeting && (await outcomeOf(request, meeting));
    if (!meeting || !outcome) return reply.callNotFound();
    const form = parseForm(ZMove, request.body);
    if (!form.ok) {
      const error = formError('', 'meetingMinutes.outcomes.errors.direction');
      return listPage(request, reply, meeting, failedForm({}, [error], request.t), 400);
    }
    await moveOutcome(services, signedInUser(request).id, meeting.id, outcome.id, form.data.direction);
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/ustalenia#kind-${outcome.kind}`, {
      kind: 'success',
      key: 'flash.meetingOutcomeMoved',
    });
  });

  app.post('/spotkania/:id/ustalenia/:outcomeId/usuniecie', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const outcome = meeting && (await outcomeOf(request, meeting));
    if (!meeting || !outcome) return reply.callNotFound();
    await removeOutcome(services, signedInUser(request).id, meeting.id, outcome.id);
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/ustalenia`, { kind: 'success', key: 'flash.meetingOutcomeRemoved' });
  });
}
