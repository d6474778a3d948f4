import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentSpec } from './blocks.js';
import { listLabel, toRoman } from './blocks.js';
import { DOCX_CONTENT_TYPE, renderDocx } from './docx.js';
import { docxText, pdfInfo, pdfText, zipEntry } from './inspect.js';
import { renderPdf } from './pdf.js';

const polish = 'Zażółć gęślą jaźń — ą ć ę ł ń ó ś ź ż Ą Ć Ę Ł Ń Ó Ś Ź Ż';
const rows = Array.from({ length: 70 }, (_, i) => [String(i + 1), `Stowarzyszenie Społeczno-Kulturalne nr ${i + 1}`, '']);
const spec: DocumentSpec = {
  title: 'Próbny dokument — Społeczno-Kulturalne',
  author: 'Biuro Pełnomocnika',
  blocks: [
    { kind: 'heading', level: 1, text: 'Stowarzyszenie Społeczno-Kulturalne' },
    { kind: 'paragraph', label: 'Data:', text: '16.07.2018 r.' },
    { kind: 'paragraph', text: polish },
    { kind: 'heading', level: 2, text: 'Cele szczegółowe' },
    { kind: 'list', style: 'decimal', items: ['Integracja i aktywizacja społeczna', 'Promocja wolontariatu'] },
    { kind: 'list', style: 'upper-roman', items: ['Cel Główny', 'Cele szczegółowe'] },
    { kind: 'list', style: 'bullet', items: ['promocja w mediach', 'gadżety reklamowe'] },
    {
      kind: 'table',
      caption: 'Lista obecności',
      columns: [
        { header: 'Lp.', width: 1 },
        { header: 'Organizacja', width: 6 },
        { header: 'Podpis', width: 3 },
      ],
      rows,
      minRowHeight: 14,
    },
  ],
};

describe('document toolkit', () => {
  it('labels list items', () => {
    assert.equal(toRoman(4), 'IV');
    assert.equal(toRoman(1994), 'MCMXCIV');
    assert.equal(listLabel('upper-roman', 2), 'II.');
    assert.equal(listLabel('decimal', 11), '11.');
    assert.equal(listLabel('bullet', 3), '•');
  });

  it('writes a tagged PDF whose Polish text comes back out, with page numbers and the header row on every page', async () => {
    const pdf = await renderPdf(spec);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const info = await pdfInfo(pdf);
    assert.equal(info.Title, spec.title);
    assert.equal(info.Author, 'Biuro Pełnomocnika');
    assert.equal(info.Tagged, 'yes');
    const pages = Number(info.Pages);
    assert.ok(pages >= 2, `the 70-row table spans pages (got ${pages})`);
    const raw = pdf.toString('latin1');
    assert.match(raw, /\/Lang \(pl-PL\)/);
    assert.match(raw, /\/DisplayDocTitle true/);
    assert.match(raw, /\/FontFile2/, 'the font is embedded');
    assert.match(raw, /DejaVuSans/);
    for (const tag of ['H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Caption']) {
      assert.match(raw, new RegExp(`/S /${tag}\\b`), `structure element ${tag}`);
    }
    assert.match(raw, /pdfuaid:part/);
    for (const layout of [false, true]) {
      const text = await pdfText(pdf, { layout });
      assert.ok(text.includes('Stowarzyszenie Społeczno-Kulturalne'), 'heading text');
      assert.ok(text.includes('ą ć ę ł ń ó ś ź ż'), 'Polish letters');
      assert.ok(text.includes('Ą Ć Ę Ł Ń Ó Ś Ź Ż'), 'Polish capitals');
      assert.ok(text.includes('Data: 16.07.2018 r.'));
      assert.ok(text.includes('II.'));
      assert.ok(text.includes('Stowarzyszenie Społeczno-Kulturalne nr 70'), 'the last row');
      assert.ok(text.includes(`strona 1 z ${pages}`) && text.includes(`strona ${pages} z ${pages}`));
      assert.equal(text.split('Organizacja').length - 1, pages, 'the header row repeats on every page of the table');
    }
  });

  it('writes a DOCX with Word heading styles, numbering, a repeated header row and Polish as the language', async () => {
    const docx = await renderDocx(spec);
    assert.equal(docx.subarray(0, 2).toString(), 'PK');
    assert.match(DOCX_CONTENT_TYPE, /wordprocessingml/);
    const xml = zipEntry(docx, 'word/document.xml').toString('utf8');
    assert.match(xml, /<w:pStyle w:val="Heading1"\/>/);
    assert.match(xml, /<w:pStyle w:val="Heading2"\/>/);
    assert.match(xml, /<w:numPr>/);
    assert.match(xml, /<w:tblHeader\/>/);
    const styles = zipEntry(docx, 'word/styles.xml').toString('utf8');
    assert.match(styles, /<w:lang w:val="pl-PL"/);
    const core = zipEntry(docx, 'docProps/core.xml').toString('utf8');
    assert.ok(core.includes('<dc:title>Próbny dokument — Społeczno-Kulturalne</dc:title>'));
    assert.ok(core.includes('Biuro Pełnomocnika'));
    const numbering = zipEntry(docx, 'word/numbering.xml').toString('utf8');
    assert.match(numbering, /upperRoman/);
    const text = docxText(docx);
    assert.ok(text.includes('Stowarzyszenie Społeczno-Kulturalne'));
    assert.ok(text.includes(polish));
    assert.ok(text.includes('Data: 16.07.2018 r.'));
    assert.ok(text.includes('Stowarzyszenie Społeczno-Kulturalne nr 70'));
    const footer = zipEntry(docx, 'word/footer1.xml').toString('utf8');
    assert.ok(footer.includes('strona') && footer.includes('NUMPAGES'));
  });
});
