import { useView } from '../context.js';

export interface Crumb {
  label: string;
  href?: string;
}

export function Breadcrumbs(props: { items: Crumb[] }) {
  const { t } = useView();
  return (
    <nav class="breadcrumbs" aria-label={t('ui.breadcrumbs')}>
      <ol class="breadcrumbs__list">
        {props.items.map((c, i) => (
          <li class="breadcrumbs__item">
            {c.href && i < props.items.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
