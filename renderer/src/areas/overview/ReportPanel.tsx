import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo } from '../../../../shared/domain/workbook/types.ts';
import { formatPeriod } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { saveOrDownload } from '../../components/files.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage } from '../../components/useApi.ts';
import { FormError } from '../../components/forms.tsx';

function quarters(fiscalYear: number): string[] {
  return [fiscalYear - 1, fiscalYear].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
}

function defaultQuarter(fiscalYear: number): string {
  const now = new Date();
  const current = `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
  return quarters(fiscalYear).includes(current) ? current : `${fiscalYear}-Q1`;
}

/** One action per format: the desktop app asks where to save, the browser preview downloads. */
export function ReportPanel({ info, nativeDialogs }: { info: WorkbookInfo; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [quarter, setQuarter] = useState(() => defaultQuarter(info.fiscalYear));
  const [includeNames, setIncludeNames] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function make(format: 'pdf' | 'xlsx') {
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
          <select value={quarter} onChange={(e) => setQuarter(e.target.value)}>
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
      <FormError message={error} />
    </section>
  );
}
