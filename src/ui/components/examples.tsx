/**
 * Examples of every component. The gallery page (/komponenty, outside production) renders them,
 * a route test renders each alone, and the browser suite checks every example with axe and the
 * Nu validator. Field names differ between examples so ids stay unique on one page.
 */
import type { VNode } from 'preact';
import { Breadcrumbs } from './breadcrumbs.js';
import { Button, ButtonLink } from './button.js';
import { Checkboxes } from './checkboxes.js';
import { PreRendered } from './pre-rendered.js';
import { DocumentBlocks } from './document-blocks.js';
import { renderToString } from 'preact-render-to-string';
import { DateTimeInput } from './date-time-input.js';
import { ErrorSummary } from './error-summary.js';
import { Checkbox, Select, TextArea, TextField } from './field.js';
import { Form } from './form.js';
import { Markdown } from './markdown.js';
import { NotificationBanner } from './notification-banner.js';
import { Pagination } from './pagination.js';
import { Table } from './table.js';
import { Tag } from './tag.js';

export interface ComponentExample {
  name: string;
  render: () => VNode;
}

export interface ComponentExamples {
  component: string;
  examples: ComponentExample[];
}

export const componentExamples: ComponentExamples[] = [
  {
    component: 'button',
    examples: [
      { name: 'primary', render: () => <Button>Zapisz zmiany</Button> },
      { name: 'secondary', render: () => <Button variant="secondary">Anuluj</Button> },
      { name: 'warning', render: () => <Button variant="warning">Usuń konto</Button> },
      { name: 'link', render: () => <ButtonLink href="/rejestracja">Załóż konto</ButtonLink> },
    ],
  },
  {
    component: 'field',
    examples: [
      { name: 'text', render: () => <TextField name="ex-name" label="Nazwa organizacji" hint="Pełna nazwa, jak w KRS." /> },
      {
        name: 'with-error',
        render: () => (
          <TextField name="ex-nip" label="NIP" value="1234567890" error="NIP ma nieprawidłową cyfrę kontrolną." width="half" />
        ),
      },
      { name: 'optional', render: () => <TextField name="ex-www" label="Strona internetowa" type="url" required={false} /> },
      {
        name: 'textarea',
        render: () => <TextArea name="ex-goals" label="Cele statutowe" hint="Można używać Markdown." rows={4} />,
      },
      {
        name: 'select',
        render: () => (
          <Select
            name="ex-form"
            label="Forma prawna"
            options={[
              { value: 'stowarzyszenie', label: 'Stowarzyszenie' },
              { value: 'fundacja', label: 'Fundacja' },
            ]}
          />
        ),
      },
      {
        name: 'checkbox',
        render: () => <Checkbox name="ex-volunteers" label="Szukamy wolontariuszy" hint="Pokażemy to w katalogu." />,
      },
    ],
  },
  {
    component: 'checkboxes',
    examples: [
      {
        name: 'spheres-with-error',
        render: () => (
          <Checkboxes
            name="ex-spheres"
            legend="Sfery działalności pożytku publicznego"
            hint="Zaznacz od 1 do 10."
            error="Zaznacz co najmniej jedną sferę."
            options={[
              { value: '16', label: 'kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego' },
              { value: '15', label: 'działalność na rzecz dzieci i młodzieży' },
              { value: '27', label: 'promocja i organizacja wolontariatu' },
            ]}
            selected={['15']}
          />
        ),
      },
      {
        name: 'one-of-several-radios',
        render: () => (
          <Checkboxes
            kind="radio"
            name="ex-acting"
            legend="W czyim imieniu działasz?"
            options={[
              { value: '', label: 'We własnym imieniu' },
              { value: '1', label: 'Stowarzyszenie Społeczno-Kulturalne „Krokus”' },
              { value: '2', label: 'MCP Alternatywa' },
            ]}
            selected={['1']}
          />
        ),
      },
    ],
  },
  {
    component: 'document-blocks',
    examples: [
      {
        name: 'minutes-section',
        render: () => (
          <DocumentBlocks
            blocks={[
              { kind: 'paragraph', text: 'W wyniku pracy grup ustalono wstępne zapisy celu głównego oraz celów szczegółowych:' },
              { kind: 'paragraph', text: 'I. Cel Główny', emphasis: true },
              { kind: 'paragraph', text: 'Budowanie Aktywnego Obywatelskiego Leszna' },
              { kind: 'list', style: 'decimal', items: ['Integracja i aktywizacja społeczna', 'Promocja wolontariatu'] },
            ]}
          />
        ),
      },
    ],
  },
  {
    component: 'pre-rendered',
    examples: [
      {
        name: 'cached-fragment',
        render: () => (
          <PreRendered html={renderToString(<p>Fragment wyrenderowany wcześniej przez komponent i zapamiętany.</p>)} />
        ),
      },
    ],
  },
  {
    component: 'error-summary',
    examples: [
      {
        name: 'two-errors',
        render: () => (
          <ErrorSummary
            errors={[
              { field: 'ex-nip', message: 'NIP ma nieprawidłową cyfrę kontrolną.' },
              { field: 'ex-name', message: 'To pole jest wymagane.' },
            ]}
          />
        ),
      },
    ],
  },
  {
    component: 'table',
    examples: [
      {
        name: 'simple',
        render: () => (
          <Table
            caption="Uczestnicy spotkania"
            columns={[{ label: 'Rola' }, { label: 'Liczba', numeric: true }]}
            rows={[
              ['Przedstawiciele organizacji', '22'],
              ['Urzędnicy', '3'],
            ]}
          />
        ),
      },
      {
        name: 'row headers',
        render: () => (
          <Table
            caption="Konsultacje"
            columns={[{ label: 'Przedmiot' }, { label: 'Termin' }]}
            rowHeader
            rows={[
              [<a href="/konsultacje">Projekt programu współpracy na rok 2027</a>, 'od 23 listopada do 7 grudnia 2026 r.'],
              [<a href="/konsultacje">Projekt programu współpracy na rok 2019</a>, 'od 20 września do 4 października 2018 r.'],
            ]}
          />
        ),
      },
    ],
  },
  {
    component: 'pagination',
    examples: [
      { name: 'middle', render: () => <Pagination page={5} pageCount={12} hrefFor={(p) => `/komponenty?strona=${p}`} /> },
    ],
  },
  {
    component: 'notification-banner',
    examples: [
      { name: 'info', render: () => <NotificationBanner>Konsultacje potrwają do 31 lipca.</NotificationBanner> },
      { name: 'success', render: () => <NotificationBanner kind="success">Zapisano zmiany.</NotificationBanner> },
      { name: 'warning', render: () => <NotificationBanner kind="warning">Termin mija jutro o 23:59.</NotificationBanner> },
    ],
  },
  {
    component: 'tag',
    examples: [
      {
        name: 'colours',
        render: () => (
          <p>
            <Tag colour="green">zweryfikowana</Tag> <Tag colour="blue">projekt</Tag> <Tag colour="yellow">w konsultacjach</Tag>{' '}
            <Tag colour="red">zawieszona</Tag> <Tag>archiwalna</Tag>
          </p>
        ),
      },
    ],
  },
  {
    component: 'breadcrumbs',
    examples: [
      {
        name: 'three-levels',
        render: () => (
          <Breadcrumbs
            items={[
              { label: 'Strona główna', href: '/' },
              { label: 'Administracja', href: '/admin' },
              { label: 'Dziennik zdarzeń' },
            ]}
          />
        ),
      },
    ],
  },
  {
    component: 'date-time-input',
    examples: [
      { name: 'empty', render: () => <DateTimeInput name="ex-start" legend="Początek spotkania" /> },
      {
        name: 'with-error',
        render: () => (
          <DateTimeInput
            name="ex-deadline"
            legend="Termin składania uwag"
            value={{ date: '2018-07-31', time: '23:59' }}
            error="Termin musi być późniejszy niż początek konsultacji."
          />
        ),
      },
    ],
  },
  {
    component: 'markdown',
    examples: [
      {
        name: 'goals',
        render: () => (
          <Markdown
            source={
              '**Cele statutowe**\n\n- wspieranie kultury lokalnej\n- praca z młodzieżą\n\nWięcej: https://krokus.example.pl'
            }
          />
        ),
      },
    ],
  },
  {
    component: 'form',
    examples: [
      {
        name: 'complete',
        render: () => (
          <Form action="/komponenty">
            <TextField name="ex-form-email" label="Adres e-mail" type="email" autocomplete="email" />
            <Button>Wyślij</Button>
          </Form>
        ),
      },
    ],
  },
];
