/**
 * Tagged, accessible PDF from a `DocumentSpec` (see `blocks.ts`), over pdfkit.
 *
 *   import { renderPdf } from '../../platform/documents/pdf.js';
 *   const bytes: Buffer = await renderPdf({ title: 'Protokół', blocks: [...] });
 *   reply.type('application/pdf').header('content-disposition', attachment('protokol.pdf')).send(bytes);
 *
 * What the file carries, so screen readers, search and copy-paste work in Polish:
 * - a tagged PDF (PDF/UA identification, `/MarkInfo`, structure tree: Document → H1/H2/H3, P,
 *   L → LI → Lbl + LBody, Table → TR → TH/TD); page furniture (page numbers, a header row repeated
 *   on a later page) is marked as an artifact;
 * - document language (`pl-PL` unless the spec says otherwise), title in the metadata shown as the
 *   window title (`displayTitle`), author and subject;
 * - DejaVu Sans (regular and bold) embedded as subsets, loaded from the `dejavu-fonts-ttf` package
 *   (not from the system), so every Polish letter is extractable (`pdftotext` gives it back);
 * - A4 with 2 cm margins, and a footer "strona X z Y" on every page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { type DocumentBlock, type DocumentSpec, defaultPageLabel, listLabel } from './blocks.js';

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;

const require = createRequire(import.meta.url);
let fontCache: { regular: Buffer; bold: Buffer } | undefined;

/** The embedded fonts, read once from node_modules/dejavu-fonts-ttf/ttf. */
function fonts(): { regular: Buffer; bold: Buffer } {
  if (!fontCache) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontCache = {
      regular: readFileSync(join(dir, 'DejaVuSans.ttf')),
      bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')),
    };
  }
  return fontCache;
}

const MARGIN = 56.69; // 2 cm
const FOOTER_GAP = 28;
const SIZE = { body: 10.5, h1: 15, h2: 12.5, h3: 11, footer: 8.5 } as const;
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

export async function renderPdf(spec: DocumentSpec): Promise<Buffer> {
  const { regular, bold } = fonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: spec.orientation ?? 'portrait',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_GAP },
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA' as 'PDF/A-1', // @types/pdfkit 0.17 does not list 'PDF/UA' yet; pdfkit 0.20 supports it
    lang: spec.language ?? 'pl-PL',
    displayTitle: true,
    info: {
      Title: spec.title,
      ...(spec.author ? { Author: spec.author } : {}),
      ...(spec.subject ? { Subject: spec.subject } : {}),
      Creator: 'Wspólnie',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);
  doc.font(REGULAR).fontSize(SIZE.body);

  const root = doc.struct('Document');
  doc.addStructure(root);
  for (const block of spec.blocks) renderBlock(doc, root, block);
  root.end();

  const label = spec.pageLabel ?? defaultPageLabel;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not open a new page
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(REGULAR)
      .fontSize(SIZE.footer)
      .fillColor('#444444')
      .text(
        `${label.before}${i - range.start + 1}${label.between}${range.count}`,
        MARGIN,
        doc.page.height - MARGIN - SIZE.footer,
        {
          width: doc.page.width - 2 * MARGIN,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const pageBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when fewer than `height` points are left. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

function renderBlock(doc: Doc, parent: StructElement, block: DocumentBlock): void {
  const left = doc.page.margins.left;
  switch (block.kind) {
    case 'heading': {
      const size = block.level === 1 ? SIZE.h1 : block.level === 2 ? SIZE.h2 : SIZE.h3;
      doc.font(BOLD).fontSize(size);
      // Keep a heading with at least two lines of what follows.
      ensureRoom(doc, doc.heightOfString(block.text, { width: contentWidth(doc) }) + 3 * SIZE.body * 1.4);
      if (doc.y > doc.page.margins.top) doc.moveDown(block.level === 1 ? 0 : 0.6);
      parent.add(
        doc.struct(`H${block.level}`, {}, [
          () => {
            doc.text(block.text, left, doc.y, { width: contentWidth(doc), lineGap: 2 });
          },
        ]),
      );
      doc.moveDown(0.4);
      doc.font(REGULAR).fontSize(SIZE.body);
      return;
    }
    case 'paragraph': {
      doc.fontSize(SIZE.body);
      parent.add(
        doc.struct('P', {}, [
          () => {
            if (block.label) {
              doc.font(BOLD).text(`${block.label} `, left, doc.y, {
                width: contentWidth(doc),
                continued: true,
                lineGap: 2,
              });
              doc.font(REGULAR).text(block.text, { lineGap: 2 });
            } else {
              doc
                .font(block.emphasis ? BOLD : REGULAR)
                .text(block.text, left, doc.y, { width: contentWidth(doc), lineGap: 2, align: 'left' });
            }
          },
        ]),
      );
      doc.font(REGULAR);
      doc.moveDown(0.5);
      return;
    }
    case 'list': {
      doc.font(REGULAR).fontSize(SIZE.body);
      const indent = block.style === 'bullet' ? 14 : block.style === 'upper-roman' ? 26 : 20;
      const list = doc.struct('L');
      parent.add(list);
      block.items.forEach((text, index) => {
        const itemLabel = listLabel(block.style, index + 1);
        const bodyWidth = contentWidth(doc) - indent - 8;
        ensureRoom(doc, Math.min(doc.heightOfString(text, { width: bodyWidth }), SIZE.body * 3));
        const y = doc.y;
        const item = doc.struct('LI');
        list.add(item);
        item.add(
          doc.struct('Lbl', {}, [
            () => {
              doc.text(itemLabel, left + 8, y, { width: indent, lineBreak: false });
            },
          ]),
        );
        item.add(
          doc.struct('LBody', {}, [
            () => {
              doc.text(text, left + 8 + indent, y, { width: bodyWidth, lineGap: 2 });
            },
          ]),
        );
        item.end();
        doc.moveDown(0.15);
      });
      list.end();
      doc.x = left;
      doc.moveDown(0.4);
      return;
    }
    case 'table':
      renderTable(doc, parent, block);
      return;
  }
}

function renderTable(doc: Doc, parent: StructElement, block: Extract<DocumentBlock, { kind: 'table' }>): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const weights = block.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width);
  const pad = 4;
  const minRow = block.minRowHeight ?? 0;

  const table = doc.struct('Table');
  parent.add(table);
  doc.font(BOLD).fontSize(SIZE.body);
  table.add(
    doc.struct('Caption', {}, [
      () => {
        doc.text(block.caption, left, doc.y, { width });
      },
    ]),
  );
  doc.moveDown(0.3);

  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(SIZE.body);
    const heights = cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * pad, lineGap: 1 }));
    return Math.max(minRow, ...heights) + 2 * pad;
  };
  const drawCells = (cells: string[], y: number, height: number, header: boolean, row: StructElement | null) => {
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      doc.save().lineWidth(0.5).strokeColor('#555555');
      if (header) doc.rect(x, y, w, height).fillAndStroke('#e8e8e8', '#555555');
      else doc.rect(x, y, w, height).stroke();
      doc.restore().fillColor('black');
      const draw = () => {
        doc.font(header ? BOLD : REGULAR).fontSize(SIZE.body);
        doc.text(cell, x + pad, y + pad, { width: w - 2 * pad, lineGap: 1 });
      };
      if (row) {
        row.add(
          doc.struct(header ? 'TH' : 'TD', (header ? { scope: 'Column' } : {}) as PDFKit.Mixins.StructureElementOptions, [draw]),
        );
      } else if (cell) {
        draw();
      }
      x += w;
    });
    doc.x = left;
    doc.y = y + height;
  };
  const header = block.columns.map((c) => c.header);
  const headerHeight = rowHeight(header, BOLD);
  const drawHeader = (tagged: boolean) => {
    if (tagged) {
      const tr = doc.struct('TR');
      table.add(tr);
      drawCells(header, doc.y, headerHeight, true, tr);
      tr.end();
    } else {
      doc.markContent('Artifact', { type: 'Pagination' });
      drawCells(header, doc.y, headerHeight, true, null);
      doc.endMarkedContent();
    }
  };

  const firstRow = block.rows[0];
  ensureRoom(doc, headerHeight + (firstRow ? rowHeight(firstRow, REGULAR) : 0));
  drawHeader(true);
  for (const cells of block.rows) {
    const height = rowHeight(cells, REGULAR);
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      drawHeader(false);
    }
    const tr = doc.struct('TR');
    table.add(tr);
    drawCells(cells, doc.y, height, false, tr);
    tr.end();
  }
  table.end();
  doc.font(REGULAR).fontSize(SIZE.body);
  doc.moveDown(0.8);
}
