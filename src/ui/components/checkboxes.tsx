import { useView } from '../context.js';
import { fieldId } from './field.js';

/**
 * A group of checkboxes under one question (a fieldset with a legend): several values of one
 * field, e.g. the spheres of an organisation — or, with kind "radio", exactly one of them. The
 * error links to the first input.
 */
export function Checkboxes(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: Array<{ value: string; label: string }>;
  selected: string[];
  columns?: boolean;
  kind?: 'checkbox' | 'radio';
}) {
  const { t } = useView();
  const id = fieldId(props.name);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={described || undefined}>
        <legend class="fieldset__legend">{props.legend}</legend>
        {props.hint && (
          <p class="field__hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        )}
        {props.error && (
          <p class="field__error" id={`${id}-error`}>
            <span class="visually-hidden">{t('ui.errorPrefix')} </span>
            {props.error}
          </p>
        )}
        <div class={props.columns ? 'checkboxes checkboxes--columns' : 'checkboxes'}>
          {props.options.map((option, i) => (
            <div class="checkbox">
              <input
                class="checkbox__input"
                type={props.kind ?? 'checkbox'}
                id={i === 0 ? id : `${id}-${i}`}
                name={props.name}
                value={option.value}
                checked={props.selected.includes(option.value)}
              />
              <label class="checkbox__label" for={i === 0 ? id : `${id}-${i}`}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
