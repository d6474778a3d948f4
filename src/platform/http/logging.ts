/**
 * Structured logs without personal data: no IP addresses, no cookies, no query strings (which may
 * carry one-time tokens), no form bodies. The request id ties log lines together.
 */
import type { FastifyRequest } from 'fastify';

export const redactPaths = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'];

export const logSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, path: request.url.split('?')[0], id: request.id };
  },
  res(reply: { statusCode: number }) {
    return { statusCode: reply.statusCode };
  },
};
