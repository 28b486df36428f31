import { z } from 'zod';
import type {
  EmployeeDetail,
  EmployeeView,
  OccupationMonth,
  OccupationView,
  PersonnelCostForecast,
  PositionView,
  SalaryEntryView,
  SalaryTableInfo,
} from '../domain/staff/types.ts';
import { gridBatchInput, required, type GridBatchResult } from './batch.ts';
import { method } from './contract.ts';
import { centsSchema, codeSchema, isoDateSchema, nonEmpty, yearSchema } from './schemas.ts';

/**
 * The staff area: employees with the history of their terms, formation positions and occupation,
 * the salary table and the personnel cost forecast. External hire is kept in the assignments register
 * (shared/api/assignments.ts): the assignments of the kinds ZZP, inhuurbureau and detachering.
 */

const scaleSchema = z.number().int('Schaal moet een geheel getal zijn').min(1, 'Schaal moet tussen 1 en 18 liggen').max(18, 'Schaal moet tussen 1 en 18 liggen');
const stepSchema = z.number().int('Trede moet een geheel getal zijn').min(0, 'Trede moet tussen 0 en 30 liggen').max(30, 'Trede moet tussen 0 en 30 liggen');
export const hoursPerWeekSchema = z
  .number()
  .gt(0, 'Uren per week moeten meer dan 0 zijn')
  .max(40, 'Meer dan 40 uur per week is geen arbeidsovereenkomst die Werkboek kent (maximaal 40)');
const fteSchema = z.number().gt(0, 'FTE moet meer dan 0 zijn').max(100, 'FTE is te groot');

export const termsInput = z
  .object({
    functionTitle: z.string().trim().max(200, 'Functie is te lang'),
    salaryScale: scaleSchema.nullable(),
    salaryStep: stepSchema.nullable(),
    hoursPerWeek: hoursPerWeekSchema,
    costCentre: codeSchema,
    contractType: z.string().trim().max(50, 'Soort dienstverband is te lang'),
    formationPositionId: z.number().int().nullable(),
  })
  .strict();

const employeeFields = {
  personnelNumber: nonEmpty('Personeelsnummer', 30),
  firstName: z.string().trim().max(100),
  infix: z.string().trim().max(30),
  lastName: nonEmpty('Achternaam', 100),
  startDate: isoDateSchema,
  endDate: isoDateSchema.nullable(),
};

const positionFields = {
  code: codeSchema,
  functionTitle: nonEmpty('Functie'),
  salaryScale: scaleSchema.nullable(),
  fte: fteSchema,
  costCentre: codeSchema,
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  note: z.string().trim().max(1000),
};

export const positionPatchSchema = z.object(positionFields).partial().strict();

/** A position added from a grid row (a paste). */
export const positionRowSchema = z
  .object({
    ...positionFields,
    code: required('Code', positionFields.code),
    costCentre: required('Kostenplaats', positionFields.costCentre),
    functionTitle: required('Functie', positionFields.functionTitle),
    fte: required('Formatie (fte)', positionFields.fte),
    validFrom: required('Geldig vanaf', positionFields.validFrom),
    salaryScale: positionFields.salaryScale.default(null),
    validTo: positionFields.validTo.default(null),
    note: positionFields.note.default(''),
  })
  .strict();

export const MAX_SALARY_STEP = 30;
const monthlySchema = centsSchema.refine((n) => n > 0, 'Bedrag moet meer dan nul zijn').nullable();

/** One scale of a salary table as the grid shows it: id and scale are the scale, s0 … s30 the monthly cents per step. */
export type SalaryScaleRow = { id: number; scale: number } & Record<string, number | null>;

/** The amounts of one scale pasted into the grid: s0 … s30, null removes one. */
export const salaryScalePatchSchema = z
  .object(Object.fromEntries(Array.from({ length: MAX_SALARY_STEP + 1 }, (_, step) => [`s${step}`, monthlySchema])) as Record<string, typeof monthlySchema>)
  .partial()
  .strict();

export const staffApi = {
  /** Employees with their terms on a date (default: today within the fiscal year). */
  'staff.employees': method(z.object({ date: isoDateSchema.optional(), includeInactive: z.boolean().default(false) }).strict()).returns<EmployeeView[]>(),
  'staff.employee': method(z.object({ id: z.number().int(), date: isoDateSchema.optional() }).strict()).returns<EmployeeDetail>(),
  'staff.createEmployee': method(z.object({ ...employeeFields, endDate: employeeFields.endDate.default(null), terms: termsInput }).strict(), { mutates: true }).returns<EmployeeDetail>(),
  'staff.updateEmployee': method(z.object({ id: z.number().int(), patch: z.object(employeeFields).partial().strict() }).strict(), { mutates: true }).returns<EmployeeDetail>(),
  /** A change of terms from a date: a new terms row (or a correction of the row of that same date). */
  'staff.changeTerms': method(z.object({ employeeId: z.number().int(), validFrom: isoDateSchema, patch: termsInput.partial() }).strict(), { mutates: true }).returns<EmployeeDetail>(),
  /** Removes one change (never the first terms row). */
  'staff.deleteTerms': method(z.object({ id: z.number().int() }).strict(), { mutates: true }).returns<EmployeeDetail>(),

  'formation.positions': method(z.object({ date: isoDateSchema.optional() }).strict()).returns<PositionView[]>(),
  'formation.createPosition': method(z.object({ ...positionFields, salaryScale: positionFields.salaryScale.default(null), validTo: positionFields.validTo.default(null), note: positionFields.note.default('') }).strict(), { mutates: true }).returns<PositionView>(),
  /** `date`: the day the returned occupation is for (default: today within the fiscal year). */
  'formation.updatePosition': method(z.object({ id: z.number().int(), patch: z.object(positionFields).partial().strict(), date: isoDateSchema.optional() }).strict(), { mutates: true }).returns<PositionView>(),
  /** Grid changes of the positions in one transaction (a paste, or its undo): see shared/api/batch.ts. */
  'formation.positionsBatch': method(gridBatchInput({ date: isoDateSchema.optional() }), { mutates: true }).returns<GridBatchResult<PositionView>>(),
  'formation.deletePosition': method(z.object({ id: z.number().int() }).strict(), { mutates: true }).returns<null>(),
  'formation.occupation': method(z.object({ date: isoDateSchema.optional() }).strict()).returns<OccupationView>(),
  /**
   * Corrects how an employee is matched to a position, from the terms in force on `date` on (later
   * changes on the same cost centre too): a position, none, or back to matching by function title.
   */
  'formation.setMatch': method(
    z
      .object({
        employeeId: z.number().int(),
        date: isoDateSchema,
        match: z.discriminatedUnion('kind', [z.object({ kind: z.literal('position'), positionId: z.number().int() }).strict(), z.object({ kind: z.literal('none') }).strict(), z.object({ kind: z.literal('auto') }).strict()]),
      })
      .strict(),
    { mutates: true },
  ).returns<OccupationView>(),
  /** Formation against occupation on the last day of each month of a year. */
  'formation.timeline': method(z.object({ year: yearSchema.optional() }).strict()).returns<OccupationMonth[]>(),

  'salary.tables': method(z.object({}).strict()).returns<SalaryTableInfo[]>(),
  'salary.entries': method(z.object({ validFrom: isoDateSchema }).strict()).returns<SalaryEntryView[]>(),
  /** Sets one amount; null removes it. */
  'salary.setEntry': method(z.object({ validFrom: isoDateSchema, scale: scaleSchema, step: stepSchema, monthlyCents: centsSchema.refine((n) => n > 0, 'Bedrag moet meer dan nul zijn').nullable() }).strict(), { mutates: true }).returns<SalaryEntryView | null>(),
  /** Grid changes of one table in one transaction: an update's id is the scale, its patch the amounts per step. */
  'salary.entriesBatch': method(gridBatchInput({ validFrom: isoDateSchema }), { mutates: true }).returns<GridBatchResult<SalaryScaleRow>>(),
  /** A new table from a date, as a copy of another raised by a percentage (a collective raise). */
  'salary.copyTable': method(z.object({ fromValidFrom: isoDateSchema, toValidFrom: isoDateSchema, raisePercent: z.number().min(-50).max(100) }).strict(), { mutates: true }).returns<SalaryTableInfo>(),
  'salary.deleteTable': method(z.object({ validFrom: isoDateSchema }).strict(), { mutates: true }).returns<null>(),

  'personnelCosts.forecast': method(z.object({ year: yearSchema.optional() }).strict()).returns<PersonnelCostForecast>(),
};
