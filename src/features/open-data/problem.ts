/**
 * Errors of the API as RFC 9457 problem documents (`application/problem+json`), never HTML pages.
 * `type` is `about:blank`, so `title` is the HTTP status phrase; `detail` says what went wrong and
 * `errors` names each refused query parameter.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { ParameterProblem } from './open-data.schema.js';

export const problemContentType = 'application/problem+json; charset=utf-8';

export interface Problem {
  type: 'about:blank';
  title: string;
  status: number;
  detail: string;
  errors?: ParameterProblem[];
}

export function problem(status: number, detail: string, errors?: ParameterProblem[]): Problem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, ...(errors ? { errors } : {}) };
}

/** Sends a problem; an error answer is not cached (the next request may well succeed). */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(problemContentType).header('cache-control', 'no-store').send(body);
}

export function invalidParameters(errors: ParameterProblem[]): Problem {
  return problem(400, 'The query parameters are not valid.', errors);
}
