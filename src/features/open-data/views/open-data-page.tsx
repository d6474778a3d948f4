import { useView } from '../../../ui/context.js';
import { Table } from '../../../ui/components/table.js';
import { Layout } from '../../../ui/layout.js';

export interface OpenDataModel {
  /** The page's canonical absolute URL. */
  url: string;
  csvUrl: string;
  jsonUrl: string;
  csvExample: string;
  csvColumns: string[];
  openApiUrl: string;
  endpoints: Array<{ path: string; key: string }>;
  apiExamples: string[];
  rateLimitPerMinute: number;
}

/** How to take the directory away: the files, the API, the limits and the terms of reuse. */
export function OpenDataPage({ model }: { model: OpenDataModel }) {
  const { t, settings } = useView();
  const k = (key: string, params: Record<string, string | number> = {}) => t(`openData.page.${key}`, params);
  return (
    <Layout title={k('title')} meta={{ description: k('summary'), url: model.url }}>
      <h1>{k('title')}</h1>
      <p>{k('intro', { municipality: settings.municipalityName })}</p>
      <p>{k('onlyVerified')}</p>

      <h2 id="pliki">{k('filesHeading')}</h2>
      <ul class="link-list">
        <li>
          <a href={model.csvUrl} download>
            {k('downloadCsv')}
          </a>
        </li>
        <li>
          <a href={model.jsonUrl} download>
            {k('downloadJson')}
          </a>
        </li>
      </ul>
      <p>
        {k('filtersCarryOver')} <a href="/organizacje">{k('directoryLink')}</a>.
      </p>
      <p>{k('filtersExample')}</p>
      <pre class="code">{model.csvExample}</pre>

      <h3>{k('csvHeading')}</h3>
      <ul>
        <li>{k('csvEncoding')}</li>
        <li>{k('csvSeparator')}</li>
        <li>{k('csvValues')}</li>
        <li>{k('csvFormulas')}</li>
      </ul>
      <Table
        caption={k('columnsCaption')}
        columns={[{ label: k('columnName') }, { label: k('columnMeaning') }]}
        rows={model.csvColumns.map((column) => [<code>{column}</code>, t(`openData.columns.${column}`)])}
      />
      <h3>{k('jsonHeading')}</h3>
      <p>{k('jsonShape')}</p>

      <h2 id="api">{k('apiHeading')}</h2>
      <p>{k('apiIntro')}</p>
      <Table
        caption={k('endpointsCaption')}
        columns={[{ label: k('endpointPath') }, { label: k('endpointMeaning') }]}
        rows={model.endpoints.map((e) => [<code>{e.path}</code>, t(`openData.endpoints.${e.key}`)])}
      />
      <p>
        {k('openApi')} <a href={model.openApiUrl}>{k('openApiLink')}</a>.
      </p>
      <p>{k('apiPaging')}</p>
      <p>{k('apiExamples')}</p>
      {/* Blocks that wrap, so long addresses fit a 320 px screen. */}
      {model.apiExamples.map((example) => (
        <pre class="code">
          <a href={example}>{example}</a>
        </pre>
      ))}
      <p>{k('apiErrors')}</p>

      <h2 id="limity">{k('limitsHeading')}</h2>
      <p>{t('openData.page.rateLimit', { count: model.rateLimitPerMinute })}</p>
      <p>{k('caching')}</p>

      <h2 id="licencja">{k('licenceHeading')}</h2>
      <p>{k('licence', { office: settings.officeName })}</p>
      <p>{k('personalData')}</p>
    </Layout>
  );
}
