import { useView } from '../context.js';
import { fieldId } from './field.js';

/**
 * A date and a time on the Europe/Warsaw wall clock (a deadline, a meeting start). Submits
 * `<name>Date` (YYYY-MM-DD) and `<name>Time` (HH:MM); the server converts with `warsawToUtc`.
 */
export function DateTimeInput(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  value?: { date: string; time: string };
}) {
  const { t } = useView();
  const id = fieldId(props.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hintId, props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={described}>
        <legend class="fieldset__legend">{props.legend}</legend>
        <p class="field__hint" id={hintId}>
          {props.hint ? `${props.hint} ` : ''}
          {t('ui.dateTime.timeZoneHint')}
        </p>
        {props.error && (
          <p class="field__error" id={errorId}>
            <span class="visually-hidden">{t('ui.errorPrefix')} </span>
            {props.error}
          </p>
        )}
        <div class="date-time">
          <div class="date-time__item">
            <label class="field__label" for={id}>
              {t('ui.dateTime.date')}
            </label>
            <input
              class="input input--short"
              type="date"
              id={id}
              name={`${props.name}Date`}
              value={props.value?.date ?? ''}
              aria-invalid={props.error ? 'true' : undefined}
            />
          </div>
          <div class="date-time__item">
            <label class="field__label" for={`${id}-time`}>
              {t('ui.dateTime.time')}
            </label>
            <input
              class="input input--short"
              type="time"
              id={`${id}-time`}
              name={`${props.name}Time`}
              value={props.value?.time ?? ''}
              aria-invalid={props.error ? 'true' : undefined}
            />
          </div>
        </div>
      </fieldset>
    </div>
  );
}
