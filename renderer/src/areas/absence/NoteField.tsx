import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { medicalTermsIn } from '../../../../shared/domain/absence/rules.ts';

/**
 * Free text in the absence area, always with the warning that medical information does not belong
 * there, and a louder one when the text looks medical (AVG: the employer may not record it).
 */
export function NoteField({ value, onChange, label, rows = 2 }: { value: string; onChange: (value: string) => void; label: string; rows?: number }) {
  const { t } = useTranslation();
  const id = useId();
  const terms = medicalTermsIn(value);
  return (
    <div className="field note-field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-warning`} className="privacy-warning">
        ⚠ {t('absence.noteWarning')}
      </p>
      <textarea id={id} rows={rows} maxLength={1000} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-warning`} />
      {terms.length > 0 && (
        <p role="alert" className="form-error">
          {t('absence.medicalTermsFound', { terms: terms.join(', ') })}
        </p>
      )}
    </div>
  );
}
