import type { VNode } from 'preact';
import type { Access } from '../auth/access.js';
import type { AuthenticatedUser } from '../auth/sessions.js';
import type { Language, Translate } from '../i18n/i18n.js';

export interface FlashMessage {
  kind: 'success' | 'info';
  /** An i18n key. */
  key: string;
  params?: Record<string, string | number>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Applies the stricter per-IP limit for public forms (sign-in, sign-up, reset…) to POSTs. */
    formLimit?: boolean;
  }
  interface FastifyRequest {
    currentUser: AuthenticatedUser | null;
    language: Language;
    t: Translate;
    /** True while the body is read and parsed (set by the kernel), so a malformed body is a 400. */
    readingBody: boolean;
  }
  interface FastifyReply {
    /** Renders a page (a Layout-rooted VNode) with the request's view context. */
    render(page: VNode, status?: number): Promise<FastifyReply>;
    /** Redirects after a POST, carrying a one-time message to the next page. */
    redirectWithFlash(url: string, flash: FlashMessage): FastifyReply;
  }
}
