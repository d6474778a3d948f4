import { useView } from '../context.js';
import { fieldId } from './field.js';

/**
 * The list of a form's errors at the top of the page, each linking to its field. It receives focus
 * on load (app.js) so screen-reader users hear it first; without JavaScript it is the first thing
 * in the main content after the heading.
 */
export function ErrorSummary(props: { errors: Array<{ field: string; message: string }>; title?: string }) {
  const { t } = useView();
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-error-summary>
      <h2 class="error-summary__title" id="error-summary-title">
        {props.title ?? t('ui.errorSummaryTitle')}
      </h2>
      <ul class="error-summary__list">
        {props.errors.map((e) => (
          <li>{e.field ? <a href={`#${fieldId(e.field)}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  );
}
