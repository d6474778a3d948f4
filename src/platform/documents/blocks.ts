/**
 * The document model shared by the PDF (`pdf.ts`) and DOCX (`docx.ts`) renderers: a document is
 * its metadata plus a flat list of blocks. A feature builds one `DocumentSpec` from its view model
 * and renders it both ways, so the two files always say the same thing in the same order.
 *
 *   const spec: DocumentSpec = {
 *     title: 'Lista obecności', author: 'Urząd Miasta', language: 'pl-PL',
 *     blocks: [
 *       { kind: 'heading', level: 1, text: 'Lista obecności' },
 *       { kind: 'paragraph', label: 'Data:', text: '16.07.2018 r.' },
 *       { kind: 'list', style: 'decimal', items: ['Rozpoczęcie', 'Praca w grupach'] },
 *       { kind: 'table', caption: 'Uczestnicy', columns: [{ header: 'Lp.', width: 1 }, { header: 'Podpis', width: 3 }],
 *         rows: [['1', '']], minRowHeight: 28 },
 *     ],
 *   };
 *   const pdf = await renderPdf(spec);   // Buffer, tagged PDF with embedded DejaVu Sans
 *   const docx = await renderDocx(spec); // Buffer, Word document with real heading styles
 */

export type ListStyle = 'decimal' | 'upper-roman' | 'bullet';

export type DocumentBlock =
  /** A heading; level 1 is the document's title (one per document), 2 a section, 3 a sub-section. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** A paragraph; `label` is printed in bold before the text ("Data: 16.07.2018 r."). */
  | { kind: 'paragraph'; text: string; label?: string; emphasis?: boolean }
  /** A numbered, roman-numbered or bulleted list of one level. */
  | { kind: 'list'; style: ListStyle; items: string[] }
  /**
   * A simple table; the header row repeats on every page. Column widths are relative weights.
   * `minRowHeight` (points) leaves room to write by hand, e.g. a signature column.
   */
  | {
      kind: 'table';
      caption: string;
      columns: { header: string; width?: number }[];
      rows: string[][];
      minRowHeight?: number;
    };

export interface DocumentSpec {
  /** Shown as the window title (PDF `displayTitle`) and stored in the properties. */
  title: string;
  author?: string;
  subject?: string;
  /** BCP 47; defaults to `pl-PL`. */
  language?: string;
  /** Page orientation (A4); defaults to portrait. */
  orientation?: 'portrait' | 'landscape';
  /** The page footer's words around the numbers; defaults to "strona X z Y". */
  pageLabel?: { before: string; between: string };
  blocks: DocumentBlock[];
}

export const defaultPageLabel = { before: 'strona ', between: ' z ' } as const;

/** The label of the n-th item (1-based) of a list in the given style: "1.", "IV.", "•". */
export function listLabel(style: ListStyle, n: number): string {
  if (style === 'bullet') return '•';
  if (style === 'decimal') return `${n}.`;
  return `${toRoman(n)}.`;
}

export function toRoman(n: number): string {
  const numerals: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = Math.max(0, Math.floor(n));
  let out = '';
  for (const [value, symbol] of numerals) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}
