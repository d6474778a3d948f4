/**
 * What every view may read about the current request: the translator, the language, the signed-in
 * user, the CSRF token for forms, the CSP nonce and the municipality's settings. Views receive
 * ready view models as props; this context only carries request-wide facts.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language, Translate } from '../platform/i18n/i18n.js';
import type { SiteSettings } from '../features/settings/settings.schema.js';

export interface ViewUser {
  id: number;
  displayName: string;
  email: string;
  isAdministrator: boolean;
  isOfficial: boolean;
  /** How many organisations the person belongs to (the "on behalf of" chooser shows from one up). */
  memberOfOrganizations: number;
  actingOrganization: { name: string; slug: string } | null;
}

export interface ViewContextValue {
  t: Translate;
  language: Language;
  user: ViewUser | null;
  csrfToken: string;
  nonce: string;
  settings: SiteSettings;
  /** Path of the current page, for navigation state and the language switch. */
  path: string;
  /** Path and query of the current GET page (for returning to it, e.g. after switching language). */
  url: string;
  /** A one-time message carried over a redirect (POST → redirect → GET). */
  flash: { kind: 'success' | 'info'; message: string } | null;
  showDevelopmentPages: boolean;
}

export const ViewContext = createContext<ViewContextValue | null>(null);

export function useView(): ViewContextValue {
  const value = useContext(ViewContext);
  if (!value) throw new Error('useView() outside a rendered page');
  return value;
}
