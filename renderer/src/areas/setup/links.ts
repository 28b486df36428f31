import { GAP_STEP, type FigureGapCode, type SetupAttention, type SetupStepKey } from '../../../../shared/domain/setup/types.ts';

/** Where each first step is done: an import of the right kind, or the page where it is typed in or pasted. */
export const STEP_ROUTES: Record<SetupStepKey, string> = {
  budget: 'import?kind=budget',
  ledger: 'import?kind=ledger',
  staff: 'import?kind=staff',
  formation: 'import?kind=formation',
  salaryTable: 'import?kind=salary-table',
  absence: 'import?kind=absence',
  assignments: 'import?kind=assignments',
};

/** Where what needs attention is dealt with. */
export const ATTENTION_ROUTES: Record<SetupAttention, string> = {
  ledgerWithoutBudget: 'budget',
  employeesUnplaced: 'formation',
  salaryMissing: 'salary',
};

export function gapRoute(code: FigureGapCode): string {
  return code === 'no-salary-amounts' ? 'salary' : STEP_ROUTES[GAP_STEP[code]];
}
