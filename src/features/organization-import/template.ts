/**
 * The downloadable template: the header with every column, and two rows of fictional organisations
 * whose identifiers pass their checksums. UTF-8 with a BOM and `;` — what Polish Excel opens as
 * columns, with Polish letters intact. Rows whose name is one of the examples are refused on import
 * (so an untouched template cannot create them).
 */
import { importColumns, type ImportColumnName } from './import-columns.js';

const examples: Array<Partial<Record<ImportColumnName, string>>> = [
  {
    nazwa: 'Stowarzyszenie Przykładowe „Razem dla Sąsiadów”',
    nazwa_skrocona: 'Razem dla Sąsiadów',
    forma_prawna: 'stowarzyszenie',
    krs: '0000999991',
    nip: '6971000017',
    regon: '411000016',
    data_zalozenia: '2012-05-14',
    opp_rok: '2025',
    sfery: '1|16|32',
    opis: 'Organizujemy pomoc sąsiedzką, spotkania i wydarzenia kulturalne na osiedlu.',
    cele: 'Integracja mieszkańców; pomoc osobom starszym.',
    grupy_docelowe: 'mieszkańcy osiedla, seniorzy',
    obszar: 'Leszno, osiedle Przykładowe',
    zasieg: 'lokalny',
    ulica: 'ul. Przykładowa 1',
    kod_pocztowy: '64-100',
    miejscowosc: 'Leszno',
    email: 'kontakt@razem.example.pl',
    telefon: '+48 65 000 00 01',
    www: 'https://razem.example.pl',
    wolontariat: 'tak',
    wolontariat_opis: 'Pomoc przy zakupach dla seniorów.',
  },
  {
    nazwa: 'Fundacja Przykładowa Zielony Ogród',
    forma_prawna: 'fundacja',
    krs: '0000999992',
    nip: '6971000023',
    regon: '12345678512347',
    sfery: '18',
    opis: 'Zakładamy ogrody społeczne i uczymy ekologii.',
    obszar: 'powiat leszczyński',
    zasieg: 'powiatowy',
    miejscowosc: 'Leszno',
    email: 'biuro@zielony-ogrod.example.pl',
    wolontariat: 'nie',
  },
];

export const templateExampleNames = examples.map((e) => e.nazwa!);

function csvCell(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function importTemplate(): Buffer {
  const lines = [
    importColumns.map((c) => c.name).join(';'),
    ...examples.map((example) => importColumns.map((c) => csvCell(example[c.name] ?? '')).join(';')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
