import { ApiError } from '../../../shared/api/errors.ts';
import type { PrivacyFinding } from '../../../shared/exchange/types.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { createMatcher, type PersonTerm } from './privacy-match.ts';

/** Something that identifies a person and must never reach finance: a personnel number or a name. */
export type PersonalTerm = PersonTerm;

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

/**
 * Employees of the department (the staff register): their personnel numbers, the usual ways of writing
 * their names, and their first names and surnames on their own (the matcher decides when those count).
 */
export const employeeTerms: PersonalTermSource = (wb) => {
  const rows = wb.all(wb.db.selectFrom('employee').select(['personnel_number', 'first_name', 'infix', 'last_name']));
  const terms: PersonalTerm[] = [];
  const staff = 'naam van een medewerker';
  for (const r of rows) {
    terms.push({ term: r.personnel_number, what: 'personeelsnummer', kind: 'number' });
    const last = [r.infix, r.last_name].filter(Boolean).join(' ');
    if (r.first_name) {
      terms.push({ term: `${r.first_name} ${last}`, what: staff });
      terms.push({ term: `${r.last_name}, ${r.first_name}${r.infix ? ` ${r.infix}` : ''}`, what: staff });
      terms.push({ term: `${r.first_name[0]}. ${last}`, what: staff });
      for (const first of r.first_name.split(/\s+/)) if (first.replace(/\./g, '').length >= 2) terms.push({ term: first, what: 'voornaam van een medewerker', kind: 'first-name' });
    }
    if (r.last_name) terms.push({ term: last, what: staff, kind: 'surname' });
  }
  return terms;
};

/** Fields that hold codes (validated patterns), not free text: a personnel number that equals an account code is not a leak. */
const CODE_FIELDS = new Set(['costCentre', 'account', 'code', 'taakveld', 'otherDepartments', 'kind', 'rule', 'id', 'status', 'type', 'startDate', 'endDate', 'escalatedOn', 'signals', 'forecastMethod', 'relation', 'source']);

function collectTexts(value: unknown, path: string, out: Array<{ path: string; text: string }>): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((item, i) => collectTexts(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!CODE_FIELDS.has(key)) collectTexts(item, path ? `${path}.${key}` : key, out);
  }
}

/** Words of the department's own cost centre and account names: not names of people in its texts. */
function vocabularyOf(payload: Record<string, unknown>): string[] {
  const words: string[] = [];
  for (const c of (payload.costCentres as Array<{ name?: string }> | undefined) ?? []) if (c.name) words.push(c.name);
  for (const l of (payload.lines as Array<{ accountName?: string }> | undefined) ?? []) if (l.accountName) words.push(l.accountName);
  return words;
}

/** Finds personal data in the free texts of a finance payload: one finding per text, with every match in it. */
export function findPersonalData(wb: Workbook, payload: Record<string, unknown>): PrivacyFinding[] {
  const terms = sources.flatMap((source) => source(wb));
  const matcher = createMatcher(terms, { vocabulary: vocabularyOf(payload) });
  const texts: Array<{ path: string; text: string }> = [];
  collectTexts(payload, '', texts);
  const findings: PrivacyFinding[] = [];
  for (const { path, text } of texts) {
    const matches = matcher.find(text);
    if (matches.length === 0) continue;
    const first = matches[0];
    findings.push({ path, what: first.what, ...describeText(wb, payload, path), text, found: first.found, reason: first.reason, matches });
  }
  return findings;
}

/** Finance receives no personal data at all: refuse the export and say where the text is. */
export function assertNoPersonalData(wb: Workbook, payload: Record<string, unknown>): void {
  const findings = findPersonalData(wb, payload);
  if (findings.length === 0) return;
  const where = findings.slice(0, 5).map((f) => `${f.where} (${f.what})`);
  throw new ApiError(
    'conflict',
    `De financiële samenvatting mag geen persoonsgegevens bevatten, maar deze teksten noemen een persoon: ${where.join('; ')}${findings.length > 5 ? ` en nog ${findings.length - 5}` : ''}. Pas de tekst aan en maak het pakket opnieuw.`,
    { findings },
  );
}

type Described = Pick<PrivacyFinding, 'field' | 'line' | 'where' | 'edit'>;

const LINE_FIELDS: Record<string, string> = { explanation: 'Toelichting', forecastNote: 'Notitie bij de prognose', accountName: 'Omschrijving van de rekening' };

/**
 * Where a text of the payload lives, as the head knows it: the field as labelled on its page, the line
 * (cost centre and account, the bottleneck, the assignment) and, where one exists, how to rewrite it.
 */
function describeText(wb: Workbook, payload: Record<string, unknown>, path: string): Described {
  const match = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
  if (!match) return { field: path, line: '', where: path, edit: null };
  const [, section, indexText, key] = match;
  const item = (payload[section] as Array<Record<string, unknown>>)[Number(indexText)];
  if (section === 'lines') {
    const costCentre = String(item.costCentre);
    const account = String(item.account);
    const year = (payload.basis as { year: number }).year;
    const row = wb.first(wb.db.selectFrom('budget_line').select('id').where('year', '=', year).where('cost_centre', '=', costCentre).where('account', '=', account));
    const centreName = ((payload.costCentres as Array<{ code: string; name: string }> | undefined) ?? []).find((c) => c.code === costCentre)?.name;
    const field = LINE_FIELDS[key] ?? key;
    const oldField = key === 'explanation' ? 'toelichting' : key === 'forecastNote' ? 'notitie bij de prognose' : key === 'accountName' ? 'omschrijving' : key;
    return {
      field,
      line: `Begrotingsregel ${costCentre}${centreName ? ` ${centreName}` : ''} · ${account} ${String(item.accountName ?? '')}`.trim(),
      where: `${oldField} bij ${costCentre}/${account}`,
      edit: row && key in LINE_FIELDS ? { target: 'budget-line', id: row.id, field: key } : null,
    };
  }
  if (section === 'costCentres') {
    return { field: 'Naam van de kostenplaats', line: `Kostenplaats ${String(item.code)}`, where: `naam van kostenplaats ${String(item.code)}`, edit: null };
  }
  if (section === 'bottlenecks' || (section === 'links' && item.source === 'bottleneck')) {
    const identifier = String(item.id);
    const row = wb.first(wb.db.selectFrom('bottleneck').select(['id', 'proposed_solution']).where('identifier', '=', identifier));
    const summaryField = row?.proposed_solution ? 'proposedSolution' : 'description';
    const field = key === 'title' ? 'Titel' : summaryField === 'proposedSolution' ? 'Voorgestelde oplossing' : 'Omschrijving';
    return {
      field,
      line: `Knelpunt ${identifier}`,
      where: `${field.toLowerCase()} van knelpunt ${identifier}`,
      edit: row ? { target: 'bottleneck', id: row.id, field: key === 'title' ? 'title' : summaryField } : null,
    };
  }
  if (section === 'assignments' || (section === 'links' && item.source === 'assignment')) {
    const code = String(section === 'links' ? item.id : item.code);
    const row = wb.first(wb.db.selectFrom('assignment').select('id').where('code', '=', code));
    const field = key === 'title' ? 'Omschrijving' : key === 'contractor' ? 'Opdrachtnemer' : key;
    return {
      field,
      line: `Opdracht ${code}`,
      where: `${field.toLowerCase()} van opdracht ${code}`,
      edit: row && (key === 'title' || key === 'contractor') ? { target: 'assignment', id: row.id, field: key } : null,
    };
  }
  return { field: key, line: section, where: path, edit: null };
}
