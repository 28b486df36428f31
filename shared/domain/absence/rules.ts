import { formatDate } from '../../format/nl.ts';

/**
 * The rules every absence case obeys, whether typed in a form or read from an HR file. A broken rule
 * is a CaseProblem naming the field, so the importer can report the file's column and the UI its field.
 */

export type CaseField = 'employee' | 'caseNumber' | 'firstDay' | 'lastDay' | 'percentage' | 'from';

export class CaseProblem extends Error {
  constructor(
    readonly field: CaseField,
    message: string,
    readonly kind: 'invalid' | 'conflict' = 'invalid',
  ) {
    super(message);
    this.name = 'CaseProblem';
  }
}

export interface EpisodeDraft {
  from: string;
  percentage: number;
}

export interface CaseDraft {
  firstDay: string;
  lastDay: string | null;
  /** Sorted by `from`; the first starts on the first day. */
  episodes: EpisodeDraft[];
}

export interface OtherCase {
  caseNumber: string;
  firstDay: string;
  lastDay: string | null;
}

export const MIN_PERCENTAGE = 1;
export const MAX_PERCENTAGE = 100;

export function checkPercentage(percentage: number, field: CaseField = 'percentage'): void {
  if (!Number.isFinite(percentage) || percentage < MIN_PERCENTAGE || percentage > MAX_PERCENTAGE) {
    throw new CaseProblem(field, `arbeidsongeschiktheid ${String(percentage).replace('.', ',')} % ligt niet tussen ${MIN_PERCENTAGE} en ${MAX_PERCENTAGE} %; een volledig herstel registreer je als herstelmelding`);
  }
}

/** Dates in order, percentages in range, episodes inside the case. */
export function checkCaseShape(draft: CaseDraft): void {
  if (draft.lastDay !== null && draft.lastDay < draft.firstDay) {
    throw new CaseProblem('lastDay', `einddatum ${formatDate(draft.lastDay)} ligt vóór de ingangsdatum ${formatDate(draft.firstDay)}`);
  }
  if (draft.episodes.length === 0 || draft.episodes[0].from !== draft.firstDay) {
    throw new CaseProblem('firstDay', `het eerste percentage moet op de eerste ziektedag ${formatDate(draft.firstDay)} ingaan`);
  }
  for (let i = 0; i < draft.episodes.length; i++) {
    const episode = draft.episodes[i];
    checkPercentage(episode.percentage);
    if (i > 0 && episode.from <= draft.episodes[i - 1].from) {
      throw new CaseProblem('from', `wijziging per ${formatDate(episode.from)} ligt niet na de vorige wijziging per ${formatDate(draft.episodes[i - 1].from)}`);
    }
    if (draft.lastDay !== null && episode.from > draft.lastDay) {
      throw new CaseProblem('from', `wijziging per ${formatDate(episode.from)} ligt na de laatste ziektedag ${formatDate(draft.lastDay)}`);
    }
  }
}

/** The first other case of the same employee whose days overlap the draft's (an open case runs on indefinitely). */
export function findOverlap(draft: Pick<CaseDraft, 'firstDay' | 'lastDay'>, others: readonly OtherCase[]): OtherCase | null {
  for (const other of others) {
    const startsBeforeOtherEnds = other.lastDay === null || draft.firstDay <= other.lastDay;
    const otherStartsBeforeEnd = draft.lastDay === null || other.firstDay <= draft.lastDay;
    if (startsBeforeOtherEnds && otherStartsBeforeEnd) return other;
  }
  return null;
}

export function describeCase(c: OtherCase): string {
  return `verzuimgeval ${c.caseNumber} (${formatDate(c.firstDay)} ${c.lastDay ? `t/m ${formatDate(c.lastDay)}` : 'nog open'})`;
}

export function checkNoOverlap(draft: Pick<CaseDraft, 'firstDay' | 'lastDay'>, others: readonly OtherCase[]): void {
  const overlap = findOverlap(draft, others);
  if (overlap) {
    const span = `${formatDate(draft.firstDay)} ${draft.lastDay ? `t/m ${formatDate(draft.lastDay)}` : 'tot nu'}`;
    throw new CaseProblem('firstDay', `${span} overlapt met ${describeCase(overlap)} van dezelfde medewerker`, 'conflict');
  }
}

/** Words that point at a diagnosis or medical detail: a note holding them gets a louder warning (never stored silently). */
const MEDICAL_TERMS = [
  'diagnose', 'griep', 'corona', 'covid', 'burn-out', 'burnout', 'overspannen', 'depressie', 'depressief', 'angst', 'rugklachten', 'hernia',
  'operatie', 'geopereerd', 'kanker', 'tumor', 'chemo', 'hartinfarct', 'beroerte', 'migraine', 'fractuur', 'gebroken', 'zwangerschapsklachten',
  'medicijn', 'medicatie', 'ziekenhuis', 'psycholoog', 'psychiater', 'fysiotherap', 'therapie', 'klachten', 'ziekte van',
];

export function medicalTermsIn(text: string | null | undefined): string[] {
  if (!text) return [];
  const lower = text.toLowerCase();
  return MEDICAL_TERMS.filter((term) => lower.includes(term));
}
