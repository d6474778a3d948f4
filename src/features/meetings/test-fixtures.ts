/** Test data shared by the meeting tests. */
import { deflateRawSync } from 'node:zlib';

/** A valid meeting form, overridable field by field. */
export function meetingForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    topic: 'Wypracowanie rocznego programu współpracy na rok 2030',
    title: 'Protokół ze spotkania roboczego z przedstawicielami organizacji pozarządowych',
    goal: 'Wypracowanie **projektu** dokumentu.',
    audience: 'Przedstawiciele organizacji pozarządowych.',
    date: '2030-07-16',
    startTime: '12:00',
    endTime: '15:00',
    place: 'Park Jonstona',
    onlineUrl: '',
    hostName: 'Anna Szymańska',
    hostFunction: 'Pełnomocnik Prezydenta',
    organiser: 'Biuro Pełnomocnika do spraw Współpracy z Organizacjami Pozarządowymi',
    visibility: 'public',
    capacity: '',
    registrationDeadlineDate: '',
    registrationDeadlineTime: '',
    programmeYear: '2031',
    ...overrides,
  };
}

/** A minimal ZIP with the given entries (the first one stored, the others deflated), with a central directory. */
export function zip(entries: Array<{ name: string; data: string }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  entries.forEach((entry, i) => {
    const raw = Buffer.from(entry.data, 'utf8');
    const stored = i === 0;
    const body = stored ? raw : deflateRawSync(raw);
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
export const sampleDocx = zip([
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: 'word/document.xml', data: '<w:document/>' },
]);
export const sampleOdt = zip([
  { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' },
  { name: 'content.xml', data: '<office:document-content/>' },
]);
