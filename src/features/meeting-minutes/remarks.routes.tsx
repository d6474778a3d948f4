/**
 * Participants' remarks on circulated minutes: `/spotkania/:id/protokol/uwagi` (any signed-in person
 * by route; the policy lets only people registered for or checked in at the meeting, and officials,
 * see it; only participants remark, while circulated and not after the day named).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { renderErrorPage } from '../../platform/http/errors.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, formError, type FormModel, parseForm } from '../../platform/http/forms.js';
import { formatDateTime } from '../../platform/i18n/format.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { leaveRemark } from './leave-remark.js';
import { dayLabel, meetingOf, todayInWarsaw } from './meeting-context.js';
import { canRemark, canSeeRemarksPage, remarkWindow } from './meeting-minutes.policy.js';
import {
  currentMinutes,
  isParticipant,
  latestMinutesIn,
  outcomesOf,
  parseItems,
  remarksOf,
  type OutcomeRow,
} from './meeting-minutes.repo.js';
import { OutcomePool, leftoverBlocks, textBlocks } from './minutes-text.js';
import { ZRemark } from './meeting-minutes.schema.js';
import { agendaLabels } from './minutes.routes.js';
import { RemarksPage } from './views/remarks.js';

/**
 * The circulated minutes as participants should read them: each agenda item's text with the
 * outcomes its markers place (and the item's unplaced outcomes after it), as in the protocol.
 */
function minutesAsBlocks(
  agenda: Array<{ id: number; label: string }>,
  items: Array<{ agendaItemId: number; text: string }>,
  closing: string,
  outcomes: OutcomeRow[],
) {
  const unassigned = new OutcomePool(
    outcomes.filter((o) => o.agenda_item_id === null || !agenda.some((a) => a.id === o.agenda_item_id)),
  );
  const sections = agenda.map((a) => {
    const pool = new OutcomePool(
      outcomes.filter((o) => o.agenda_item_id === a.id),
      unassigned,
    );
    const text = items.find((i) => i.agendaItemId === a.id)?.text ?? '';
    return { label: a.label, blocks: [...textBlocks(text, pool), ...leftoverBlocks(pool)] };
  });
  return { sections, closing: textBlocks(closing, unassigned) };
}

export function remarksRoutes(app: FastifyInstance, services: Services): void {
  /** The meeting and who is asking, or null when the 404/403 answer was sent. */
  async function access(request: FastifyRequest, reply: FastifyReply) {
    const meeting = await meetingOf(services, request);
    if (!meeting) {
      await reply.callNotFound();
      return null;
    }
    const user = signedInUser(request);
    const actor = {
      isOfficial: user.roles.includes('official') || user.roles.includes('administrator'),
      isParticipant: await isParticipant(services.db, meeting.id, user),
    };
    if (!canSeeRemarksPage(actor)) {
      await renderErrorPage(request, reply, services, 403);
      return null;
    }
    return { meeting, user, actor };
  }

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    found: NonNullable<Awaited<ReturnType<typeof access>>>,
    form: FormModel,
    status = 200,
  ) {
    const { meeting, user, actor } = found;
    const language = request.language as Language;
    const [current, agenda, own, published] = await Promise.all([
      currentMinutes(services.db, meeting.id),
      agendaLabels(services, meeting.id),
      remarksOf(services.db, meeting.id, user.id),
      latestMinutesIn(services.db, meeting.id, ['published']),
    ]);
    const window = remarkWindow(current, todayInWarsaw());
    const outcomes = current?.status === 'circulated' ? await outcomesOf(services.db, meeting.id) : [];
    const items = current ? parseItems(current.items_json) : [];
    return reply.render(
      <RemarksPage
        model={{
          meeting: { id: meeting.id, topic: meeting.topic },
          window,
          until: current?.remarks_until ? dayLabel(current.remarks_until, language) : null,
          published: published !== undefined,
          canRemark: canRemark(actor),
          isOfficial: actor.isOfficial,
          minutes:
            current && current.status === 'circulated'
              ? {
                  version: current.version,
                  ...minutesAsBlocks(agenda, items, current.closing_md ?? '', outcomes),
                  author: current.author_name
                    ? `${request.t('meetingMinutes.minutes.authorPrefix')} ${current.author_name}${current.author_position ? ` (${current.author_position})` : ''}`
                    : null,
                }
              : null,
          agenda,
          own: own.map((r) => ({
            id: r.id,
            when: formatDateTime(r.created_at, language),
            agendaItem: agenda.find((a) => a.id === r.agenda_item_id)?.label ?? null,
            text: r.text,
            answer: r.answer,
          })),
          form,
        }}
      />,
      status,
    );
  }

  app.get('/spotkania/:id/protokol/uwagi', { config: { access: 'user' } }, async (request, reply) => {
    const found = await access(request, reply);
    if (!found) return reply;
    return page(request, reply, found, emptyForm());
  });

  app.post(
    '/spotkania/:id/protokol/uwagi',
    { config: { access: 'user', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await access(request, reply);
      if (!found) return reply;
      if (!canRemark(found.actor)) return renderErrorPage(request, reply, services, 403);
      const form = parseForm(ZRemark, request.body);
      if (!form.ok) return page(request, reply, found, failedForm(form.values, form.errors, request.t), 400);
      const result = await leaveRemark(services, found.user, found.meeting.id, form.data);
      if (!result.ok) {
        if (result.reason === 'notParticipant') return renderErrorPage(request, reply, services, 403);
        const language = request.language as Language;
        const error =
          result.reason === 'agendaItem'
            ? formError('agendaItemId', 'meetingMinutes.remarks.errors.agendaItem')
            : formError('', `meetingMinutes.remarks.errors.${result.reason}`, {
                until: result.until ? dayLabel(result.until, language) : '',
              });
        return page(request, reply, found, failedForm(form.values, [error], request.t), 400);
      }
      return reply.redirectWithFlash(`/spotkania/${found.meeting.id}/protokol/uwagi#moje-uwagi`, {
        kind: 'success',
        key: 'flash.meetingMinutesRemarkSaved',
      });
    },
  );
}
