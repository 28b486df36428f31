import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo } from '../../../../shared/domain/workbook/types.ts';
import { localToday } from '../../../../shared/domain/absence/days.ts';
import { judgementDay, parsePeriod } from '../../../../shared/domain/period.ts';
import { formatDate, formatPeriod } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { saveOrDownload } from '../../components/files.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage } from '../../components/useApi.ts';
import { FormError } from '../../components/forms.tsx';
import { usePeriodData, usePeriodDefaults } from '../../components/usePeriodDefaults.ts';

function quarters(fiscalYear: number): string[] {
  return [fiscalYear - 1, fiscalYear].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
}

/**
 * One action per format: the desktop app asks where to save, the browser preview downloads. The quarter
 * starts at the latest one of the workbook's year with data; a quarter without data asks before it is made.
 */
export function ReportPanel({ info, nativeDialogs }: { info: WorkbookInfo; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const defaults = usePeriodDefaults();
  const [chosen, setQuarter] = useState<string | null>(null);
  const quarter = chosen ?? defaults.data?.quarter ?? `${info.fiscalYear}-Q1`;
  const data = usePeriodData(quarter);
  // The day the report judges what is overdue on (shared/domain/period.ts), said before it is made.
  const period = parsePeriod(quarter)!;
  const judgedOn = judgementDay(period, localToday());
  const [confirming, setConfirming] = useState<'pdf' | 'xlsx' | null>(null);
  const [includeNames, setIncludeNames] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function make(format: 'pdf' | 'xlsx', confirmed = false) {
    // A quarter without any data gives a report of zeros: say so first, and make it only when asked again.
    if (data.data?.empty && !confirmed) {
      setConfirming(format);
      return;
    }
    setConfirming(null);
    setBusy(true);
    setError(null);
    try {
      const defaultName = `managementrapportage-${(info.departmentCode ?? 'afdeling').toLowerCase()}-${quarter.toLowerCase()}.${format}`;
      const saved = await saveOrDownload({
        nativeDialogs,
        title: t('overview.report.title'),
        defaultName,
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
        mime: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        make: async (target) => {
          if (target) {
            const result = await api.managementReport.write({ quarter, includeNames, ...(format === 'pdf' ? { pdfPath: target } : { xlsxPath: target }) });
            return { name: defaultName, path: result.written[0] ?? null, contentBase64: null };
          }
          const rendered = await api.managementReport.render({ quarter, includeNames, format });
          return { name: rendered.fileName, path: null, contentBase64: rendered.contentBase64 };
        },
      });
      if (saved && 'savedTo' in saved) status.info(t('overview.report.saved', { path: saved.savedTo }));
      else if (saved) status.info(t('overview.report.downloaded', { file: saved.downloaded }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void make('pdf');
  };

  return (
    <section className="card no-print" aria-labelledby="report-title">
      <h2 id="report-title">{t('overview.report.title')}</h2>
      <p className="hint">{t('overview.report.intro')}</p>
      <form className="inline-form" onSubmit={submit}>
        <label>
          {t('overview.report.quarter')}
          <select
            value={quarter}
            onChange={(e) => {
              setQuarter(e.target.value);
              setConfirming(null);
            }}
          >
            {quarters(info.fiscalYear).map((q) => (
              <option key={q} value={q}>
                {formatPeriod(q)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={includeNames} onChange={(e) => setIncludeNames(e.target.checked)} aria-describedby="names-hint" />
          {t('overview.report.includeNames')}
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('overview.report.pdf')}
        </button>
        <button type="button" disabled={busy} onClick={() => void make('xlsx')}>
          {t('overview.report.xlsx')}
        </button>
        {busy && <span role="status">{t('overview.report.busy')}</span>}
      </form>
      <p id="names-hint" className="hint">
        {t('overview.report.includeNamesHint')}
      </p>
      <p className="hint" data-testid="report-judged-on">
        {t(judgedOn === period.end ? 'overview.report.judgedOnEnd' : 'overview.report.judgedOnToday', { date: formatDate(judgedOn) })}
      </p>
      {data.data?.warning && !confirming && (
        <p className="warning" data-testid="report-period-warning">
          ⚠ {data.data.warning}
        </p>
      )}
      {confirming && data.data?.warning && (
        <div className="warning" role="alert" data-testid="report-period-confirm">
          <p>⚠ {data.data.warning}</p>
          <button type="button" onClick={() => void make(confirming, true)}>
            {t('overview.report.makeAnyway')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(null)}>
            {t('app.cancel')}
          </button>
        </div>
      )}
      <FormError message={error} />
    </section>
  );
}
