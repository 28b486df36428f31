import { useTranslation } from 'react-i18next';
import { MONTHS_NL } from '../../../../shared/format/nl.ts';

export type PeriodKind = 'year' | 'quarter' | 'month';
export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  quarter: number;
  month: number;
}

export function periodCode(choice: PeriodChoice): string {
  if (choice.kind === 'quarter') return `${choice.year}-Q${choice.quarter}`;
  if (choice.kind === 'month') return `${choice.year}-${String(choice.month).padStart(2, '0')}`;
  return String(choice.year);
}

/** Month, quarter or year: the periods the absence figures are asked for. */
export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (next: PeriodChoice) => void }) {
  const { t } = useTranslation();
  return (
    <div className="inline-form" role="group" aria-label={t('absence.metrics.choosePeriod')}>
      <label>
        {t('absence.metrics.periodKind')}
        <select value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as PeriodKind })}>
          {(['year', 'quarter', 'month'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`absence.metrics.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('absence.metrics.year')}
        <input
          type="number"
          min={1990}
          max={2200}
          value={value.year}
          onChange={(e) => {
            const year = Number(e.target.value);
            if (Number.isInteger(year) && year >= 1990 && year <= 2200) onChange({ ...value, year });
          }}
          size={6}
        />
      </label>
      {value.kind === 'quarter' && (
        <label>
          {t('absence.metrics.quarter')}
          <select value={value.quarter} onChange={(e) => onChange({ ...value, quarter: Number(e.target.value) })}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                Q{q}
              </option>
            ))}
          </select>
        </label>
      )}
      {value.kind === 'month' && (
        <label>
          {t('absence.metrics.month')}
          <select value={value.month} onChange={(e) => onChange({ ...value, month: Number(e.target.value) })}>
            {MONTHS_NL.map((name, i) => (
              <option key={name} value={i + 1}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
