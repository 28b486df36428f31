import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../../shared/format/nl.ts';
import { parseDate, parseDecimal } from '../../../../shared/import/values.ts';

const hoursFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** 20.5 → "20,5" */
export function formatHours(hours: number | null | undefined): string {
  return hours === null || hours === undefined ? '' : hoursFormat.format(hours);
}

/** FTE with two decimals: 0.5694 → "0,57" */
export function formatFte(fte: number | null | undefined): string {
  return fte === null || fte === undefined ? '' : formatNumber(fte, 2);
}

/** Today within the fiscal year, else its first or last day: the default peildatum. */
export function defaultPeildatum(fiscalYear: number): string {
  const today = new Date().toISOString().slice(0, 10);
  if (today < `${fiscalYear}-01-01`) return `${fiscalYear}-01-01`;
  if (today > `${fiscalYear}-12-31`) return `${fiscalYear}-12-31`;
  return today;
}

/**
 * A date typed the Dutch way (dd-mm-jjjj). The page gets the ISO date as soon as the text is a valid
 * date; an invalid text is announced when the field is left.
 */
export function DateField({ label, value, onChange, id }: { label: string; value: string; onChange(iso: string): void; id?: string }) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? generated;
  const [text, setText] = useState(formatDate(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(formatDate(value)), [value]);
  return (
    <span className="date-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        value={text}
        placeholder="dd-mm-jjjj"
        size={11}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseDate(e.target.value);
          if (parsed.ok) {
            setError(null);
            if (parsed.value !== value) onChange(parsed.value);
          }
        }}
        onBlur={() => {
          const parsed = parseDate(text);
          setError(parsed.ok ? null : `${label}: ${parsed.reason}`);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          const parsed = parseDate(text);
          setError(parsed.ok ? null : `${label}: ${parsed.reason}`);
        }}
      />
      {error && (
        <span role="alert" id={`${inputId}-error`} className="form-error inline-error">
          {error} {t('staff.dateHint')}
        </span>
      )}
    </span>
  );
}

/** Form values are typed as text; these turn them into what the API takes, or say what is wrong. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export function checkDate(label: string, text: string, required = true): Checked<string | null> {
  if (text.trim() === '') return required ? { ok: false, reason: `${label}: datum ontbreekt` } : { ok: true, value: null };
  const parsed = parseDate(text);
  return parsed.ok ? parsed : { ok: false, reason: `${label}: ${parsed.reason}` };
}

export function checkNumber(label: string, text: string, required = true): Checked<number | null> {
  if (text.trim() === '') return required ? { ok: false, reason: `${label} ontbreekt` } : { ok: true, value: null };
  // "20,5" and "20.5" both mean twenty and a half hours.
  const parsed = parseDecimal(text.trim(), ',');
  return parsed.ok ? parsed : { ok: false, reason: `${label}: ${parsed.reason}` };
}

export function checkInteger(label: string, text: string): Checked<number | null> {
  if (text.trim() === '') return { ok: true, value: null };
  return /^\d+$/.test(text.trim()) ? { ok: true, value: Number(text.trim()) } : { ok: false, reason: `${label}: "${text.trim()}" is geen geheel getal` };
}
