/**
 * The first steps of a department workbook (the set-up checklist on the overview) and the figures
 * that wait for them. A figure that cannot be computed yet carries a gap: why, and which step fixes it.
 */

/** The steps, in the order a new workbook is best filled. */
export const SETUP_STEPS = ['budget', 'ledger', 'staff', 'formation', 'salaryTable', 'absence', 'assignments'] as const;
export type SetupStepKey = (typeof SETUP_STEPS)[number];

/** `attention`: done, but something in it keeps figures from being right (the step says what). */
export type SetupStepState = 'notStarted' | 'done' | 'attention';

/** What needs attention in a step that has been done; the renderer words it, with the count. */
export type SetupAttention =
  /** Ledger lines booked on cost centre × account combinations the budget has no amount for. */
  | 'ledgerWithoutBudget'
  /** Employees working today who fill no position (no position of their function on their cost centre). */
  | 'employeesUnplaced'
  /** Employees working in the fiscal year for whom the salary table has no amount (scale × step). */
  | 'salaryMissing';

export interface SetupStep {
  key: SetupStepKey;
  state: SetupStepState;
  /** Budget lines with a budget, ledger lines, employees, positions, salary amounts, absence cases, assignments. */
  count: number;
  /** When the step was last done or changed (ISO date-time), or null. */
  lastChange: string | null;
  attention: SetupAttention | null;
  /** How many things need attention (lines, employees); 0 without attention. */
  attentionCount: number;
  /** The ledger's amount booked without budget, in cents (for `ledgerWithoutBudget`); else 0. */
  attentionCents: number;
}

export interface SetupChecklist {
  steps: SetupStep[];
  /** The one step to do next: the first not started, else the first that needs attention; null when all done. */
  next: SetupStepKey | null;
  /** Every step done (some may still need attention). */
  allStarted: boolean;
  /** The head closed the checklist (setting `setupChecklistDismissed`): the overview then shows it no more. */
  dismissed: boolean;
}

/**
 * Why a figure cannot be computed yet. Stable codes: `werkboek report --json` carries them as
 * `<figure>Reason` beside a figure that is null.
 */
export type FigureGapCode =
  /** No formation position recorded: formation, vacancy, over-occupation, bezettingsgraad. */
  | 'no-positions'
  /** No salary table: personnel costs, their variance, the inhuurpercentage. */
  | 'no-salary-table'
  /** A salary table without an amount for any employee's scale and step. */
  | 'no-salary-amounts'
  /** No absence list imported and no case registered: this year's absence figures. */
  | 'no-absence-list'
  /** No absence registered as far back as the year before: last year's absence figures. */
  | 'no-absence-last-year';

/** The step that fixes each gap. */
export const GAP_STEP: Record<FigureGapCode, SetupStepKey> = {
  'no-positions': 'formation',
  'no-salary-table': 'salaryTable',
  'no-salary-amounts': 'salaryTable',
  'no-absence-list': 'absence',
  'no-absence-last-year': 'absence',
};
