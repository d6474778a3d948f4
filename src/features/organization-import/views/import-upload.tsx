import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { fieldId } from '../../../ui/components/field.js';
import { Table } from '../../../ui/components/table.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';

export interface UploadModel {
  maxMegabytes: number;
  maxRows: number;
  columns: string[];
  legalForms: Array<{ code: string; label: string }>;
  spheres: Array<{ code: string; label: string }>;
  areaScopes: Array<{ code: string; label: string }>;
  recent: Array<{ id: number; href: string; uploadedAt: string; uploadedBy: string; committed: boolean; summary: string }>;
}

function CodeList(props: { items: Array<{ code: string; label: string }> }) {
  return (
    <ul>
      {props.items.map((item) => (
        <li>
          <code>{item.code}</code> — {item.label}
        </li>
      ))}
    </ul>
  );
}

/** The import page: how to prepare the file, the template, the upload form and the latest imports. */
export function ImportUploadPage({ form, model }: { form: FormModel; model: UploadModel }) {
  const { t, csrfToken } = useView();
  const k = (key: string, params: Record<string, unknown> = {}) => t(`organizationImport.upload.${key}`, params);
  const id = fieldId('plik');
  const error = errorFor(form, 'plik');
  return (
    <Layout
      title={k('title')}
      breadcrumbs={[{ label: t('organizations.directory.title'), href: '/organizacje' }, { label: k('title') }]}
    >
      <h1>{k('title')}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{k('intro')}</p>
      <ol>
        <li>
          {k('stepTemplate')} <a href="/organizacje/import/szablon.csv">{k('templateLink')}</a>
        </li>
        <li>{k('stepFill')}</li>
        <li>{k('stepSave')}</li>
        <li>{k('stepDryRun')}</li>
        <li>{k('stepCommit')}</li>
      </ol>

      <form action="/organizacje/import" method="post" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <div class={`field${error ? ' field--error' : ''}`}>
          <label class="field__label" for={id}>
            {k('fileLabel')}
          </label>
          <p class="field__hint" id={`${id}-hint`}>
            {k('fileHint', { megabytes: model.maxMegabytes, rows: model.maxRows.toLocaleString('pl-PL') })}
          </p>
          {error && (
            <p class="field__error" id={`${id}-error`}>
              <span class="visually-hidden">{t('ui.errorPrefix')} </span>
              {error}
            </p>
          )}
          <input
            class="file-input"
            type="file"
            id={id}
            name="plik"
            accept=".csv,text/csv"
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <Button>{k('submit')}</Button>
      </form>

      <h2>{k('formatHeading')}</h2>
      <ul>
        <li>{k('formatEncoding')}</li>
        <li>{k('formatSeparator')}</li>
        <li>{k('formatHeader')}</li>
        <li>{k('formatIdentifiers')}</li>
        <li>{k('formatEmptyCells')}</li>
        <li>{k('formatText')}</li>
      </ul>
      <Table
        caption={k('columnsCaption')}
        columns={[{ label: k('columnName') }, { label: k('columnMeaning') }]}
        rows={model.columns.map((name) => [<code>{name}</code>, t(`organizationImport.columns.${name}`)])}
      />
      <details class="audit-change">
        <summary>{k('legalFormsHeading')}</summary>
        <CodeList items={model.legalForms} />
      </details>
      <details class="audit-change">
        <summary>{k('spheresHeading')}</summary>
        <CodeList items={model.spheres} />
      </details>
      <details class="audit-change">
        <summary>{k('areaScopesHeading')}</summary>
        <CodeList items={model.areaScopes} />
      </details>

      <h2>{k('recentHeading')}</h2>
      <Table
        caption={k('recentCaption')}
        captionHidden
        columns={[
          { label: k('recentImport') },
          { label: k('recentWho') },
          { label: k('recentStatus') },
          { label: k('recentCounts') },
        ]}
        rows={model.recent.map((r) => [
          <a href={r.href}>{k('recentLink', { id: r.id, date: r.uploadedAt })}</a>,
          r.uploadedBy,
          r.committed ? <Tag colour="green">{k('committed')}</Tag> : <Tag colour="yellow">{k('dryRun')}</Tag>,
          r.summary,
        ])}
        empty={k('recentEmpty')}
      />
    </Layout>
  );
}
