import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectDocumentType, zipEntryNames } from './document-type.js';
import { contentDisposition, fileNameFor } from './file-name.js';
import { sampleDocx, sampleOdt, samplePdf, zip } from './test-fixtures.js';

describe('attachment type by magic bytes', () => {
  it('recognises PDF, DOCX, ODT, PNG and JPEG whatever they are called', () => {
    assert.equal(detectDocumentType(samplePdf), 'application/pdf');
    assert.equal(detectDocumentType(sampleDocx), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(detectDocumentType(sampleOdt), 'application/vnd.oasis.opendocument.text');
    assert.equal(detectDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
    assert.equal(detectDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0])), 'image/jpeg');
  });

  it('refuses everything else, including look-alikes', () => {
    const refused: Array<[string, Buffer]> = [
      ['empty', Buffer.alloc(0)],
      ['exe', Buffer.from('MZ\x90\x00\x03')],
      ['html', Buffer.from('<!DOCTYPE html><script>alert(1)</script>')],
      ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
      ['webp', Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ')],
      [
        'plain zip',
        zip([
          { name: 'a.txt', data: 'x' },
          { name: 'b.txt', data: 'y' },
        ]),
      ],
      [
        'ods',
        zip([
          { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
          { name: 'content.xml', data: '' },
        ]),
      ],
      [
        'docm',
        zip([
          { name: '[Content_Types].xml', data: '' },
          { name: 'word/document.xml', data: '' },
          { name: 'word/vbaProject.bin', data: '' },
        ]),
      ],
      [
        'xlsx',
        zip([
          { name: '[Content_Types].xml', data: '' },
          { name: 'xl/workbook.xml', data: '' },
        ]),
      ],
      ['truncated zip', sampleDocx.subarray(0, sampleDocx.length - 10)],
      ['pdf without dash', Buffer.from('%PDF1.4')],
    ];
    for (const [label, data] of refused) assert.equal(detectDocumentType(data), null, label);
  });

  it('reads a ZIP central directory and survives corrupt ones', () => {
    assert.deepEqual(zipEntryNames(sampleDocx), ['[Content_Types].xml', 'word/document.xml']);
    const corrupt = Buffer.from(sampleDocx);
    corrupt.writeUInt32LE(0xffffff00, corrupt.length - 6); // central directory offset beyond the end
    assert.equal(zipEntryNames(corrupt), null);
    assert.equal(zipEntryNames(Buffer.from('PK\x05\x06')), null);
  });

  it('names downloads from the title, in safe ASCII', () => {
    assert.equal(fileNameFor('Lista obecności — 16.07.2018 r.', 'pdf'), 'Lista-obecnosci-16-07-2018-r.pdf');
    assert.equal(fileNameFor('Łódź: "żółć"/../etc', 'docx'), 'Lodz-zolc-etc.docx');
    assert.equal(fileNameFor('📎', 'png'), 'zalacznik.png');
    assert.equal(contentDisposition('a.pdf'), `attachment; filename="a.pdf"; filename*=UTF-8''a.pdf`);
  });
});
