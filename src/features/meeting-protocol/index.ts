import type { Feature } from '../../app.js';
import { protocolRoutes } from './meeting-protocol.routes.js';

export { participantsSentence, type ParticipantCounts } from './participants.js';
export { buildProtocolModel, protocolDocument, type ProtocolModel } from './protocol-model.js';
export { findProtocolRecord } from './meeting-protocol.repo.js';

/** A meeting's protocol as an accessible page, a tagged PDF and a DOCX (issue #4). */
export const meetingProtocolFeature: Feature = {
  name: 'meeting-protocol',
  routes: protocolRoutes,
};
