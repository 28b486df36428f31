import { ApiError } from '../../../shared/api/errors.ts';
import type { Workbook } from '../workbook/workbook.ts';

/** Something that identifies a person and must never reach finance: a personnel number or a name. */
export interface PersonalTerm {
  term: string;
  /** For the message: "personeelsnummer" or "naam van een medewerker". */
  what: string;
}

/** Areas that hold people (staff; assignments for self-employed contractors) add their terms. */
export type PersonalTermSource = (wb: Workbook) => PersonalTerm[];

const sources: PersonalTermSource[] = [];

export function registerPersonalTermSource(source: PersonalTermSource): () => void {
  sources.push(source);
  return () => {
    const i = sources.indexOf(source);
    if (i >= 0) sources.splice(i, 1);
  };
}

/** Employees of the department: their personnel numbers and the usual ways of writing their names. */
export const employeeTerms: PersonalTermSource = (wb) => {
  const rows = wb.all(wb.db.selectFrom('employee').select(['personnel_number', 'first_name', 'infix', 'last_name']));
  const terms: PersonalTerm[] = [];
  for (const r of rows) {
    terms.push({ term: r.personnel_number, what: 'personeelsnummer' });
    const last = [r.infix, r.last_name].filter(Boolean).join(' ');
    if (r.first_name) {
      terms.push({ term: `${r.first_name} ${last}`, what: 'naam van een medewerker' });
      terms.push({ term: `${r.last_name}, ${r.first_name}${r.infix ? ` ${r.infix}` : ''}`, what: 'naam van een medewerker' });
      terms.push({ term: `${r.first_name[0]}. ${last}`, what: 'naam van een medewerker' });
    }
  }
  return terms;
};

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fields that hold codes (validated patterns), not free text: a personnel number that equals an account code is not a leak. */
const CODE_FIELDS = new Set(['costCentre', 'account', 'code', 'taakveld', 'otherDepartments', 'kind', 'rule', 'id']);

function collectTexts(value: unknown, path: string, out: Array<{ path: string; text: string }>): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((item, i) => collectTexts(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!CODE_FIELDS.has(key)) collectTexts(item, path ? `${path}.${key}` : key, out);
  }
}

export interface PrivacyFinding {
  path: string;
  what: string;
}

/** Finds personal terms in the free texts of a payload; whole words only, without regard to case or accents. */
export function findPersonalData(wb: Workbook, payload: unknown): PrivacyFinding[] {
  const terms = sources.flatMap((source) => source(wb)).filter((t) => t.term.trim().length >= 3);
  if (terms.length === 0) return [];
  const texts: Array<{ path: string; text: string }> = [];
  collectTexts(payload, '', texts);
  const findings: PrivacyFinding[] = [];
  const patterns = terms.map((t) => ({ what: t.what, pattern: new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(normalise(t.term.trim()))}(?=$|[^\\p{L}\\p{N}])`, 'u') }));
  for (const { path, text } of texts) {
    const haystack = normalise(text);
    const hit = patterns.find((p) => p.pattern.test(haystack));
    if (hit) findings.push({ path, what: hit.what });
  }
  return findings;
}

/** Finance receives no personal data at all: refuse the export and say where the text is. */
export function assertNoPersonalData(wb: Workbook, payload: unknown): void {
  const findings = findPersonalData(wb, payload);
  if (findings.length === 0) return;
  const where = findings.slice(0, 5).map((f) => `${describePath(payload, f.path)} (${f.what})`);
  throw new ApiError(
    'conflict',
    `De financiële samenvatting mag geen persoonsgegevens bevatten, maar deze teksten noemen een medewerker: ${where.join('; ')}${findings.length > 5 ? ` en nog ${findings.length - 5}` : ''}. Pas de tekst aan en maak het pakket opnieuw.`,
    { findings },
  );
}

/** "lines[3].explanation" → "toelichting bij OR01/4300", so the head finds the text. */
function describePath(payload: unknown, path: string): string {
  const match = /^lines\[(\d+)\]\.(\w+)$/.exec(path);
  if (match) {
    const line = (payload as { lines: Array<{ costCentre: string; account: string }> }).lines[Number(match[1])];
    const field = match[2] === 'explanation' ? 'toelichting' : match[2] === 'forecastNote' ? 'notitie bij de prognose' : match[2] === 'accountName' ? 'omschrijving' : match[2];
    return `${field} bij ${line.costCentre}/${line.account}`;
  }
  return path;
}
