import fs from 'node:fs';
import path from 'node:path';

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same files on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACCOUNTS: Array<[string, string, string]> = [
  ['4100', 'Salarissen en sociale lasten', '1.1'],
  ['4110', 'Overige personeelskosten', '1.1'],
  ['4200', 'Inhuur derden', '3.4'],
  ['4300', 'Huisvesting', '3.2'],
  ['4400', 'ICT en licenties', '3.4'],
  ['4500', 'Opleidingen', '3.4'],
  ['4600', 'Materiaal en benodigdheden', '3.3'],
  ['4700', 'Advieskosten', '3.4'],
  ['8100', 'Leges en vergoedingen', '3.8'],
];
const SUPPLIERS = ['Ricoh Nederland', 'KPN Zakelijk', 'Bol.com zakelijk', 'Randstad Inhouse', 'Centric BV', 'Gemeente Nabijstad', "Café 't Hoekje", 'Stichting Welzijn "Samen"', 'De Vries & Zn. Groenvoorziening', 'Opleidingsinstituut SSC; afdeling HRM'];
const JOURNALS = ['BNK', 'INK', 'MEM', 'SAL'];
export const DEPARTMENT_COST_CENTRES = ['OR01', 'OR02', 'OR03'];
const OTHER_COST_CENTRES = ['BZ01', 'BZ02', 'SD01', 'SD02', 'VH01', 'DV01'];

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function dutchAmount(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${euros},${String(abs % 100).padStart(2, '0')}`;
}

export const LEDGER_HEADER = 'Boekjaar;Periode;Boekdatum;Dagboek;Boekstuk;Kostenplaats;Kostenplaats omschrijving;Grootboekrekening;Grootboek omschrijving;Taakveld;Categorie;Omschrijving;Bedrag;Relatie';

/**
 * A ledger export in the dialect of the samples (UTF-8 with BOM, ';', CRLF, decimal comma, thousands
 * dot, dd-mm-jjjj, quoted fields with doubled quotes), `lines` rows over `years` fiscal years.
 * `departmentShare` of the rows are on the department's own cost centres.
 */
export function writeLedgerFile(file: string, lines: number, options: { seed?: number; firstYear?: number; years?: number; departmentShare?: number } = {}): { bytes: number; departmentRows: number } {
  const next = random(options.seed ?? 2027);
  const firstYear = options.firstYear ?? 2027;
  const years = options.years ?? 1;
  const share = options.departmentShare ?? 0.8;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  let buffer = `\uFEFF${LEDGER_HEADER}\r\n`;
  let bytes = 0;
  let departmentRows = 0;
  const flush = () => {
    bytes += fs.writeSync(fd, buffer);
    buffer = '';
  };
  for (let i = 0; i < lines; i += 1) {
    const year = firstYear + Math.floor((i / lines) * years);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const ownLine = next() < share;
    if (ownLine) departmentRows += 1;
    const cc = ownLine ? DEPARTMENT_COST_CENTRES[Math.floor(next() * DEPARTMENT_COST_CENTRES.length)] : OTHER_COST_CENTRES[Math.floor(next() * OTHER_COST_CENTRES.length)];
    const [account, accountName, category] = ACCOUNTS[Math.floor(next() * ACCOUNTS.length)];
    const supplier = SUPPLIERS[Math.floor(next() * SUPPLIERS.length)];
    const cents = Math.round((next() < 0.1 ? -1 : 1) * (next() * next() * 1_000_000 + 100));
    const row = [
      String(year),
      String(month),
      `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`,
      JOURNALS[Math.floor(next() * JOURNALS.length)],
      `${year}${String(i).padStart(8, '0')}`,
      cc,
      'Openbare Ruimte',
      account,
      accountName,
      '5.7',
      category,
      csvField(`${accountName} ${supplier}`),
      dutchAmount(account === '8100' ? -cents : cents),
      csvField(SUPPLIERS[Math.floor(next() * SUPPLIERS.length)]),
    ].join(';');
    buffer += `${row}\r\n`;
    if (buffer.length > 1 << 20) flush();
  }
  flush();
  fs.closeSync(fd);
  return { bytes, departmentRows };
}

/** A fresh department workbook "OR" with the benchmark's cost centres, as every case starts from; its session stays open. */
export async function createBenchWorkbook(file: string, dataDir: string) {
  const { createLocalClient } = await import('../electron/backend/local-client.ts');
  const local = createLocalClient({ dataDir, rememberRecent: false });
  await local.client.workbook.create({
    path: file,
    kind: 'department',
    organisation: 'Gemeente Benchmark',
    departmentCode: 'OR',
    departmentName: 'Openbare Ruimte',
    fiscalYear: 2027,
    owner: 'bench',
    costCentres: DEPARTMENT_COST_CENTRES.map((code) => ({ code, name: '', taakveld: null })),
  });
  return local;
}
