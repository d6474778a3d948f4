/**
 * The protocol of a meeting: `GET /spotkania/:id/protokol` (accessible HTML page, print styles),
 * `GET /spotkania/:id/protokol.pdf` (tagged PDF) and `GET /spotkania/:id/protokol.docx` — all
 * three from the same view model (protocol-model.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { documentFile, sendDocument } from '../../platform/documents/download.js';
import { findProtocolRecord } from './meeting-protocol.repo.js';
import { canPreviewDrafts, canSeeProtocol } from './meeting-protocol.policy.js';
import { buildProtocolModel, protocolDocument, type ProtocolModel } from './protocol-model.js';
import { ProtocolPage } from './views/protocol.js';

const ZParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** The model the visitor may see, or null (then the 404 page is sent). */
async function protocolFor(services: Services, request: FastifyRequest): Promise<ProtocolModel | null> {
  const params = ZParams.safeParse(request.params);
  if (!params.success || !/^\d+$/.test(String((request.params as { id?: unknown }).id))) return null;
  const user = request.currentUser;
  const record = await findProtocolRecord(services.db, params.data.id, { drafts: canPreviewDrafts(user) });
  if (!record || !canSeeProtocol(user, record.meeting.status, record.minutes?.status ?? null)) return null;
  return buildProtocolModel(record);
}

export async function protocolRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/spotkania/:id/protokol', { config: { access: 'public' } }, async (request, reply) => {
    const model = await protocolFor(services, request);
    if (!model) return reply.callNotFound();
    if (model.draft) reply.header('x-robots-tag', 'noindex');
    return reply.render(<ProtocolPage model={model} />);
  });

  app.get('/spotkania/:id/protokol.pdf', { config: { access: 'public' } }, async (request, reply) => {
    const model = await protocolFor(services, request);
    if (!model) return reply.callNotFound();
    return sendDocument(reply, protocolDocument(model), 'pdf', documentFile(model));
  });

  app.get('/spotkania/:id/protokol.docx', { config: { access: 'public' } }, async (request, reply) => {
    const model = await protocolFor(services, request);
    if (!model) return reply.callNotFound();
    return sendDocument(reply, protocolDocument(model), 'docx', documentFile(model));
  });
}
