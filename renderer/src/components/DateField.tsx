import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/nl.ts';
import { parseDate } from '../../../shared/import/values.ts';

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
