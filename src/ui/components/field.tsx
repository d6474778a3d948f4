/**
 * Form fields with a label, an optional hint and an inline error. Ids follow one rule so the error
 * summary can link to them: input `f-<name>`, hint `f-<name>-hint`, error `f-<name>-error`.
 */
import type { ComponentChildren } from 'preact';
import { useView } from '../context.js';

export const fieldId = (name: string) => `f-${name}`;

interface FieldBase {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

function describedBy(p: FieldBase): string | undefined {
  const ids = [p.hint ? `${fieldId(p.name)}-hint` : '', p.error ? `${fieldId(p.name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame(p: FieldBase & { children: ComponentChildren; labelFor?: boolean }) {
  const { t } = useView();
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <label class="field__label" for={fieldId(p.name)}>
        {p.label}
        {p.required === false && <span class="field__optional"> {t('ui.optional')}</span>}
      </label>
      {p.hint && (
        <p class="field__hint" id={`${fieldId(p.name)}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="field__error" id={`${fieldId(p.name)}-error`}>
          <span class="visually-hidden">{t('ui.errorPrefix')} </span>
          {p.error}
        </p>
      )}
      {p.children}
    </div>
  );
}

export function TextField(
  p: FieldBase & {
    value?: string | undefined;
    type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'tel' | 'date' | 'time';
    autocomplete?: string;
    maxLength?: number;
    width?: 'full' | 'half' | 'short';
    spellcheck?: boolean;
  },
) {
  return (
    <FieldFrame {...p}>
      <input
        class={`input input--${p.width ?? 'full'}`}
        id={fieldId(p.name)}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? undefined : (p.value ?? '')}
        autocomplete={p.autocomplete}
        maxLength={p.maxLength}
        spellcheck={p.spellcheck}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
        required={p.required === false ? undefined : p.required}
      />
    </FieldFrame>
  );
}

export function TextArea(p: FieldBase & { value?: string | undefined; rows?: number; maxLength?: number }) {
  return (
    <FieldFrame {...p}>
      <textarea
        class="input textarea"
        id={fieldId(p.name)}
        name={p.name}
        rows={p.rows ?? 5}
        maxLength={p.maxLength}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export function Select(p: FieldBase & { value?: string | undefined; options: Array<{ value: string; label: string }> }) {
  return (
    <FieldFrame {...p}>
      <select
        class="input select"
        id={fieldId(p.name)}
        name={p.name}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function Checkbox(p: {
  name: string;
  label: string;
  hint?: string;
  checked?: boolean;
  value?: string;
  error?: string | undefined;
}) {
  const { t } = useView();
  const id = fieldId(p.name);
  const ids = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field checkbox${p.error ? ' field--error' : ''}`}>
      {p.error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{t('ui.errorPrefix')} </span>
          {p.error}
        </p>
      )}
      <input
        class="checkbox__input"
        type="checkbox"
        id={id}
        name={p.name}
        value={p.value ?? 'yes'}
        checked={p.checked}
        aria-describedby={ids || undefined}
      />
      <label class="checkbox__label" for={id}>
        {p.label}
      </label>
      {p.hint && (
        <p class="field__hint checkbox__hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
    </div>
  );
}
