import { parseDate, parseDecimal, parseInteger, parseUserAmountCents } from '../../../shared/import/values.ts';

/**
 * Form values are typed as text; these turn them into what the API takes, or say what is wrong with
 * the field's label in front, so the form's error line names the field.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; /** The field's label, so the form can mark it. */ label?: string };

/** A date typed the Dutch way (31-12-2026, also 2026-12-31); empty is null when not required. */
export function checkDate(label: string, text: string, required = true): Checked<string | null> {
  if (text.trim() === '') return required ? { ok: false, label, reason: `${label}: datum ontbreekt` } : { ok: true, value: null };
  const parsed = parseDate(text);
  return parsed.ok ? parsed : { ok: false, label, reason: `${label}: ${parsed.reason}` };
}

/** A number that is not money (hours, FTE, a percentage): "20,5" and "20.5" both mean twenty and a half. */
export function checkDecimal(label: string, text: string, required = true): Checked<number | null> {
  if (text.trim() === '' && !required) return { ok: true, value: null };
  const parsed = parseDecimal(text.trim(), ',');
  return parsed.ok ? parsed : { ok: false, label, reason: `${label}: ${parsed.reason}` };
}

/** As checkDecimal, but a missing value reads "Uren per week ontbreekt" (the staff forms' wording). */
export function checkNumber(label: string, text: string, required = true): Checked<number | null> {
  if (text.trim() === '' && required) return { ok: false, label, reason: `${label} ontbreekt` };
  return checkDecimal(label, text, required);
}

/** An optional count such as a salary scale: digits only. */
export function checkInteger(label: string, text: string): Checked<number | null> {
  if (text.trim() === '') return { ok: true, value: null };
  return /^\d+$/.test(text.trim()) ? { ok: true, value: Number(text.trim()) } : { ok: false, label, reason: `${label}: "${text.trim()}" is geen geheel getal` };
}

/** A required whole number, which may be negative (a number of days before a deadline). */
export function checkWholeNumber(label: string, text: string): Checked<number> {
  const parsed = parseInteger(text);
  return parsed.ok ? parsed : { ok: false, label, reason: `${label}: ${parsed.reason}` };
}

/** An amount in euros typed the Dutch way (€ 1.234,56) as cents; empty is null when not required. */
export function checkAmount(label: string, text: string, required = true): Checked<number | null> {
  if (text.trim() === '') return required ? { ok: false, label, reason: `${label}: bedrag ontbreekt` } : { ok: true, value: null };
  const parsed = parseUserAmountCents(text);
  return parsed.ok ? parsed : { ok: false, label, reason: `${label}: ${parsed.reason}` };
}

/** What a form's action stops with when a field is wrong: its message is the form's error line, its label marks the field. */
export class FormProblem extends Error {
  constructor(
    message: string,
    readonly label?: string,
  ) {
    super(message);
  }
}

/** The checked value, or stop the form's action with the reason (see useFormAction). */
export function valid<T>(checked: Checked<T>): T {
  if (checked.ok) return checked.value;
  throw new FormProblem(checked.reason, checked.label);
}

/** Today as an ISO date in UTC, the default of date fields. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
