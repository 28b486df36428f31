import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../../../shared/format/nl.ts';
import { usePeriodDefaults } from '../../components/usePeriodDefaults.ts';
import { defaultCentralPeriod } from './default-period.ts';
import { api } from '../../api/client.ts';
import { saveOrDownload } from '../../components/files.ts';
import { choices, FieldLayoutProvider, SelectField, TextAreaField } from '../../components/forms.tsx';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Today on this computer's calendar (not UTC): the default "as of" date of central overviews. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The periods of the delivery calendar, and the one chosen: until the user picks one, the latest period of the
 * central workbook's year that packages were received for (else the calendar's first of that year).
 */
export function usePeriodChoice() {
  const periods = useApi(() => api.central.periods({}), []);
  const defaults = usePeriodDefaults();
  const [period, setPeriod] = useState('');
  useEffect(() => {
    if (period || !periods.data?.length || (!defaults.data && !defaults.error)) return;
    setPeriod(defaultCentralPeriod(periods.data.map((p) => p.period), defaults.data));
  }, [periods.data, defaults.data, defaults.error, period]);
  return { periods: (periods.data ?? []).map((p) => p.period), period, setPeriod };
}

export function PeriodSelect({ label, periods, value, onChange }: { label: string; periods: string[]; value: string; onChange(period: string): void }) {
  return (
    <FieldLayoutProvider value="inline">
      <SelectField label={label} value={value} onChange={onChange} options={choices(periods, formatPeriod)} />
    </FieldLayoutProvider>
  );
}

/** The consolidation of a period as XLSX: through the save dialog in the app, as a download in the browser. */
export async function exportConsolidation({ period, asOf, title, defaultName, nativeDialogs }: { period: string; asOf?: string; title: string; defaultName: string; nativeDialogs: boolean }) {
  const scope = asOf ? { period, asOf } : { period };
  await saveOrDownload({
    nativeDialogs,
    title,
    defaultName,
    filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    mime: XLSX_MIME,
    make: (target) => api.central.exportXlsx(target ? { ...scope, path: target } : scope),
  });
}

/**
 * The reviewer's verdict on one department's package: reviewed, or a question, with a note. Errors go
 * to the page's error line (onError), which also shows the page's other errors.
 */
export function ReviewForm({ packageId, radioName, onSaved, onError }: { packageId: number; radioName: string; onSaved(): void; onError(message: string | null): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [review, setReview] = useState<{ status: 'reviewed' | 'question'; note: string }>({ status: 'reviewed', note: '' });

  async function save() {
    onError(null);
    try {
      await api.central.review({ packageId, status: review.status, note: review.note });
      status.info(t('central.reviewSaved'));
      setReview({ status: 'reviewed', note: '' });
      onSaved();
    } catch (e) {
      onError(errorMessage(e));
    }
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset className="inline-form">
        <legend>{t('central.review')}</legend>
        <label className="inline-field">
          <input type="radio" name={radioName} checked={review.status === 'reviewed'} onChange={() => setReview({ ...review, status: 'reviewed' })} /> {t('central.markReviewed')}
        </label>
        <label className="inline-field">
          <input type="radio" name={radioName} checked={review.status === 'question'} onChange={() => setReview({ ...review, status: 'question' })} /> {t('central.askQuestion')}
        </label>
        <TextAreaField label={t('central.note')} rows={2} cols={60} value={review.note} onChange={(note) => setReview({ ...review, note })} />
        <button type="submit" className="primary">
          {t('central.saveReview')}
        </button>
      </fieldset>
    </form>
  );
}
