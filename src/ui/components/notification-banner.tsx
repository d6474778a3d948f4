import type { ComponentChildren } from 'preact';
import { useView } from '../context.js';

export type BannerKind = 'info' | 'success' | 'warning';

/** A message about the page or the result of an action. Success is announced politely. */
export function NotificationBanner(props: { kind?: BannerKind; title?: string; children: ComponentChildren }) {
  const { t } = useView();
  const kind = props.kind ?? 'info';
  return (
    <div
      class={`banner banner--${kind}`}
      role={kind === 'success' ? 'status' : 'region'}
      aria-label={kind === 'success' ? undefined : (props.title ?? t(`ui.banner.${kind}`))}
    >
      <p class="banner__title">{props.title ?? t(`ui.banner.${kind}`)}</p>
      <div class="banner__content">{props.children}</div>
    </div>
  );
}
