import { useView } from '../context.js';

/** Page links with previous/next and a window of page numbers around the current one. */
export function Pagination(props: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { t } = useView();
  const { page, pageCount } = props;
  if (pageCount <= 1) return null;
  const pages = new Set<number>([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const ordered = [...pages].sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={t('ui.pagination.label')}>
      <ul class="pagination__list">
        {page > 1 && (
          <li class="pagination__item pagination__item--prev">
            <a href={props.hrefFor(page - 1)} rel="prev">
              {t('ui.pagination.previous')}
            </a>
          </li>
        )}
        {ordered.map((p, i) => (
          <>
            {i > 0 && p - (ordered[i - 1] ?? p) > 1 && (
              <li class="pagination__item pagination__ellipsis" aria-hidden="true">
                …
              </li>
            )}
            <li class="pagination__item">
              {p === page ? (
                <a href={props.hrefFor(p)} aria-current="page" aria-label={t('ui.pagination.page', { page: p })}>
                  {p}
                </a>
              ) : (
                <a href={props.hrefFor(p)} aria-label={t('ui.pagination.page', { page: p })}>
                  {p}
                </a>
              )}
            </li>
          </>
        ))}
        {page < pageCount && (
          <li class="pagination__item pagination__item--next">
            <a href={props.hrefFor(page + 1)} rel="next">
              {t('ui.pagination.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
