import type { FigureGapCode, SetupStepKey } from './types.ts';

/**
 * Dutch wording of the gaps for what the backend writes itself (report PDF/XLSX, CLI output, signals).
 * The renderer has the same texts, in both languages, in shared/i18n/messages/setup.ts.
 */

export const STEP_ACTION_NL: Record<SetupStepKey, string> = {
  budget: 'Begroting importeren',
  ledger: 'Grootboekmutaties importeren',
  staff: 'Personeelsbestand importeren',
  formation: 'Formatieplaatsen importeren',
  salaryTable: 'Salaristabel importeren',
  absence: 'Verzuimlijst importeren',
  assignments: 'Opdrachten importeren',
};

const GAP_REASON_NL: Record<FigureGapCode, string> = {
  'no-positions': 'formatieplaatsen ontbreken',
  'no-salary-table': 'salaristabel ontbreekt',
  'no-salary-amounts': 'de salaristabel heeft geen bedrag voor de schalen en treden van het personeel',
  'no-absence-list': 'verzuimlijst ontbreekt',
  'no-absence-last-year': 'geen verzuimgegevens van het jaar ervoor',
};

const GAP_ACTION_NL: Record<FigureGapCode, string> = {
  'no-positions': STEP_ACTION_NL.formation,
  'no-salary-table': STEP_ACTION_NL.salaryTable,
  'no-salary-amounts': 'Salaristabel aanvullen',
  'no-absence-list': STEP_ACTION_NL.absence,
  'no-absence-last-year': 'Verzuimlijst van het jaar ervoor importeren',
};

/** "salaristabel ontbreekt" */
export function gapReasonNl(code: FigureGapCode): string {
  return GAP_REASON_NL[code];
}

/** "nog niet te berekenen: salaristabel ontbreekt — Salaristabel importeren" */
export function gapTextNl(code: FigureGapCode): string {
  return `nog niet te berekenen: ${GAP_REASON_NL[code]} — ${GAP_ACTION_NL[code]}`;
}
