/** Group work (official): `/spotkania/:id/grupy` lists and adds tables; one table is edited or removed below it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, type FormModel, parseForm } from '../../platform/http/forms.js';
import { addGroup, removeGroup, updateGroup } from './manage-groups.js';
import { meetingOf } from './meeting-context.js';
import { findGroup, groupsOf, type MeetingHead } from './meeting-minutes.repo.js';
import { maxRounds, ZGroup, ZGroupParams } from './meeting-minutes.schema.js';
import { GroupEditPage, GroupsPage, hostLine } from './views/groups.js';

const official = (services: Services) => ({ config: { access: 'official' as const, rateLimit: formRateLimit(services) } });

export function groupsRoutes(app: FastifyInstance, services: Services): void {
  async function listPage(reply: FastifyReply, meeting: MeetingHead, form: FormModel, status = 200) {
    const groups = await groupsOf(services.db, meeting.id);
    const usedRounds = Math.max(0, ...groups.flatMap((g) => g.rounds.map((r) => r.round)));
    return reply.render(
      <GroupsPage
        model={{
          meeting: { id: meeting.id, topic: meeting.topic },
          groups: groups.map((g) => ({
            id: g.id,
            name: g.name,
            host: hostLine(g.host_name, g.host_affiliation),
            topics: Object.fromEntries(g.rounds.map((r) => [r.round, r.topic])),
          })),
          rounds: Math.max(1, usedRounds),
          formRounds: Math.min(maxRounds, Math.max(2, usedRounds)),
          form,
        }}
      />,
      status,
    );
  }

  async function groupOf(request: FastifyRequest, meeting: MeetingHead) {
    const params = ZGroupParams.safeParse(request.params);
    return params.success ? findGroup(services.db, meeting.id, params.data.groupId) : undefined;
  }

  function editPage(
    reply: FastifyReply,
    meeting: MeetingHead,
    group: { id: number; name: string },
    form: FormModel,
    status = 200,
  ) {
    const used = Object.keys(form.values).filter((k) => /^topic\d$/.test(k) && form.values[k]).length;
    return reply.render(
      <GroupEditPage
        model={{
          meeting: { id: meeting.id, topic: meeting.topic },
          groupId: group.id,
          groupName: group.name,
          form,
          formRounds: Math.min(maxRounds, Math.max(2, used + 1)),
        }}
      />,
      status,
    );
  }

  app.get('/spotkania/:id/grupy', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    return listPage(reply, meeting, emptyForm());
  });

  app.post('/spotkania/:id/grupy', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    const form = parseForm(ZGroup, request.body);
    if (!form.ok) return listPage(reply, meeting, failedForm(form.values, form.errors, request.t), 400);
    await addGroup(services, signedInUser(request).id, meeting.id, form.data);
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/grupy`, {
      kind: 'success',
      key: 'flash.meetingGroupAdded',
      params: { name: form.data.name },
    });
  });

  app.get('/spotkania/:id/grupy/:groupId', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const group = meeting && (await groupOf(request, meeting));
    if (!meeting || !group) return reply.callNotFound();
    const rounds = (await groupsOf(services.db, meeting.id)).find((g) => g.id === group.id)?.rounds ?? [];
    const values: Record<string, string> = {
      name: group.name,
      hostName: group.host_name ?? '',
      hostAffiliation: group.host_affiliation ?? '',
    };
    for (const r of rounds) values[`topic${r.round}`] = r.topic;
    return editPage(reply, meeting, group, emptyForm(values));
  });

  app.post('/spotkania/:id/grupy/:groupId', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const group = meeting && (await groupOf(request, meeting));
    if (!meeting || !group) return reply.callNotFound();
    const form = parseForm(ZGroup, request.body);
    if (!form.ok) return editPage(reply, meeting, group, failedForm(form.values, form.errors, request.t), 400);
    if (!(await updateGroup(services, signedInUser(request).id, meeting.id, group.id, form.data))) return reply.callNotFound();
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/grupy`, {
      kind: 'success',
      key: 'flash.meetingGroupSaved',
      params: { name: form.data.name },
    });
  });

  app.post('/spotkania/:id/grupy/:groupId/usuniecie', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    const group = meeting && (await groupOf(request, meeting));
    if (!meeting || !group) return reply.callNotFound();
    await removeGroup(services, signedInUser(request).id, meeting.id, group.id);
    return reply.redirectWithFlash(`/spotkania/${meeting.id}/grupy`, {
      kind: 'success',
      key: 'flash.meetingGroupRemoved',
      params: { name: group.name },
    });
  });
}
