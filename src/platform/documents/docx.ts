/**
 * Word document (.docx) from a `DocumentSpec` (see `blocks.ts`), over the `docx` package.
 *
 *   import { renderDocx } from '../../platform/documents/docx.js';
 *   const bytes: Buffer = await renderDocx({ title: 'Protokół', author: 'Urząd Miasta', blocks: [...] });
 *   reply.type(DOCX_CONTENT_TYPE).header('content-disposition', attachment('protokol.docx')).send(bytes);
 *
 * Headings use Word's own heading styles (Heading 1–3, so the navigation pane and a table of
 * contents see them); lists are real Word numbering (decimal, upper roman, bullets — each list
 * restarts at 1); tables have a header row repeated on every page; the default language of the
 * text is `pl-PL` (spell-checking, hyphenation, screen readers); title, subject and author are
 * the document's properties; A4 with 2 cm margins and a footer "strona X z Y" (page fields).
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type DocumentBlock, type DocumentSpec, type ListStyle, defaultPageLabel } from './blocks.js';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const CM = 567; // twentieths of a point in one centimetre
const FONT = 'DejaVu Sans';

const numberingReference: Record<ListStyle, string> = {
  decimal: 'list-decimal',
  'upper-roman': 'list-upper-roman',
  bullet: 'list-bullet',
};

export async function renderDocx(spec: DocumentSpec): Promise<Buffer> {
  const language = spec.language ?? 'pl-PL';
  let listInstance = 0;
  const children: (Paragraph | Table)[] = [];
  for (const block of spec.blocks) children.push(...renderBlock(block, () => ++listInstance));

  const label = spec.pageLabel ?? defaultPageLabel;
  const footerText = [label.before, PageNumber.CURRENT, label.between, PageNumber.TOTAL_PAGES];
  const document = new Document({
    title: spec.title,
    ...(spec.subject ? { subject: spec.subject } : {}),
    creator: spec.author ?? 'Wspólnie',
    lastModifiedBy: spec.author ?? 'Wspólnie',
    description: spec.title,
    styles: {
      default: {
        document: { run: { language: { value: language }, font: FONT, size: 21 } },
        heading1: { run: { language: { value: language }, font: FONT, size: 30, bold: true } },
        heading2: { run: { language: { value: language }, font: FONT, size: 25, bold: true } },
        heading3: { run: { language: { value: language }, font: FONT, size: 22, bold: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: numberingReference.decimal,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
        {
          reference: numberingReference['upper-roman'],
          levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.START }],
        },
        {
          reference: numberingReference.bullet,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: 11906,
              height: 16838,
              ...(spec.orientation === 'landscape' ? { orientation: 'landscape' as const } : {}),
            },
            margin: { top: 2 * CM, bottom: 2 * CM, left: 2 * CM, right: 2 * CM },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: footerText, size: 17 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

const headingLevel = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function renderBlock(block: DocumentBlock, nextListInstance: () => number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: headingLevel[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: [
            ...(block.label ? [new TextRun({ text: `${block.label} `, bold: true })] : []),
            new TextRun({ text: block.text, bold: block.emphasis ?? false }),
          ],
        }),
      ];
    case 'list': {
      const instance = nextListInstance();
      return block.items.map(
        (text) =>
          new Paragraph({
            numbering: { reference: numberingReference[block.style], level: 0, instance },
            children: [new TextRun(text)],
          }),
      );
    }
    case 'table': {
      const weights = block.columns.map((c) => c.width ?? 1);
      const total = weights.reduce((a, b) => a + b, 0);
      const cell = (text: string, index: number, header: boolean) =>
        new TableCell({
          width: { size: Math.round(((weights[index] ?? 1) / total) * 5000), type: WidthType.PERCENTAGE },
          children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
        });
      const minHeight = block.minRowHeight ? { value: Math.round(block.minRowHeight * 20), rule: 'atLeast' as const } : undefined;
      return [
        new Paragraph({ spacing: { before: 120, after: 60 }, children: [new TextRun({ text: block.caption, bold: true })] }),
        new Table({
          width: { size: 5000, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c.header, i, true)) }),
            ...block.rows.map(
              (cells) =>
                new TableRow({
                  cantSplit: true,
                  ...(minHeight ? { height: minHeight } : {}),
                  children: block.columns.map((_, i) => cell(cells[i] ?? '', i, false)),
                }),
            ),
          ],
        }),
      ];
    }
  }
}
