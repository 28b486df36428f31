import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageKind } from '../../../../shared/exchange/schema.ts';
import type { ExportResult } from '../../../../shared/exchange/types.ts';
import { formatDateTime, formatPeriod } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { chooseSaveTarget, downloadBase64 } from '../../components/files.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { KeyCard } from './KeyCard.tsx';
import { FormError } from '../../components/forms.tsx';
import type { PrivacyFinding } from '../../../../shared/exchange/types.ts';
import { PrivacyRefusal, privacyFindingsOf } from './PrivacyRefusal.tsx';
import { usePeriodData, usePeriodDefaults } from '../../components/usePeriodDefaults.ts';

export function periodOptions(year: number): string[] {
  return [String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)];
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The department head sends a signed summary of a period to HR or finance, and sees what was sent. */
export function ExchangePage({ fiscalYear, readOnly, nativeDialogs }: { fiscalYear: number; readOnly: boolean; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const sections = useApi(() => api.exchange.sections({}), []);
  const [kind, setKind] = useState<PackageKind>('finance-summary');
  // The latest quarter of the workbook's year with data, until the head picks a period.
  const defaults = usePeriodDefaults();
  const [chosenPeriod, setPeriod] = useState<string | null>(null);
  const period = chosenPeriod ?? defaults.data?.quarter ?? `${fiscalYear}-Q1`;
  const periodData = usePeriodData(period);
  const [withXlsx, setWithXlsx] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<PrivacyFinding[] | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const log = useApi(() => api.exchange.exports({}), [result]);
  const hrReady = sections.data?.['hr-summary'].ready ?? false;

  async function make(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let done: ExportResult;
      if (nativeDialogs) {
        const chosen = await chooseSaveTarget(t('exchange.make'), `${period}.wbx`, [{ name: 'Werkboek-pakket', extensions: ['wbx'] }]);
        if (!chosen) return;
        // The XLSX copy is a file of its own: the user chooses where it goes too, so nothing is overwritten unasked.
        const xlsx = withXlsx ? await chooseSaveTarget(t('exchange.withXlsx'), chosen.name.replace(/\.wbx$/i, '') + '.xlsx', [{ name: 'Excel', extensions: ['xlsx'] }]) : null;
        if (withXlsx && !xlsx) return;
        done = await api.exchange.export({ kind, period, path: { token: chosen.token }, ...(xlsx ? { xlsxPath: { token: xlsx.token } } : { withXlsx: false }) });
      } else {
        done = await api.exchange.export({ kind, period, withXlsx });
        downloadBase64(done.package.name, done.package.contentBase64 ?? '', 'application/json');
        if (done.xlsx?.contentBase64) downloadBase64(done.xlsx.name, done.xlsx.contentBase64, XLSX_MIME);
      }
      setResult(done);
      setFindings(null);
      status.info(t('exchange.made', { file: done.package.path ?? done.package.name, sequence: done.sequence }));
    } catch (e) {
      // A finance package that names a person: show each text, why, and a box to rewrite it.
      const found = privacyFindingsOf(e);
      setFindings(found);
      if (found) setResult(null);
      setError(found ? null : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <h1>{t('exchange.title')}</h1>
      <p className="lead">{t('exchange.intro')}</p>
      <section className="card" aria-labelledby="make-title">
        <h2 id="make-title">{t('exchange.make')}</h2>
        <form onSubmit={make} className="inline-form">
          <label>
            {t('exchange.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as PackageKind)}>
              <option value="finance-summary">{t('exchange.kindFinance')}</option>
              <option value="hr-summary" disabled={!hrReady}>
                {t('exchange.kindHr')}
              </option>
            </select>
          </label>
          <label>
            {t('exchange.period')}
            <select value={period} onChange={(e) => setPeriod(e.target.value)}>
              {periodOptions(fiscalYear).map((p) => (
                <option key={p} value={p}>
                  {formatPeriod(p)}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <input type="checkbox" checked={withXlsx} onChange={(e) => setWithXlsx(e.target.checked)} /> {t('exchange.withXlsx')}
          </label>
          <button type="submit" className="primary" disabled={busy || readOnly}>
            {t('exchange.make')}
          </button>
        </form>
        {periodData.data?.warning && (
          <p className="warning" data-testid="export-period-warning">
            ⚠ {periodData.data.warning}
          </p>
        )}
        <p className="hint" data-testid="kind-hint">
          {t(`exchange.kindHints.${kind}`)}
        </p>
        {kind === 'finance-summary' && <p className="hint">{t('exchange.privacyNote')}</p>}
        {!hrReady && sections.data && <p className="hint">{t('exchange.hrNotReady')}</p>}
        <FormError message={error} />
        {findings && <PrivacyRefusal key={findings.map((f) => `${f.path}:${f.text}`).join('|')} findings={findings} readOnly={readOnly} busy={busy} onRetry={() => void make()} />}
        {result && (
          <p data-testid="export-result">
            {t('exchange.made', { file: result.package.path ?? result.package.name, sequence: result.sequence })}
          </p>
        )}
      </section>
      <KeyCard readOnly={readOnly} nativeDialogs={nativeDialogs} />
      <section className="card" aria-labelledby="log-title">
        <h2 id="log-title">{t('exchange.log')}</h2>
        {log.data && log.data.length === 0 ? (
          <p>{t('exchange.noLog')}</p>
        ) : (
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">{t('exchange.createdAt')}</th>
                <th scope="col">{t('exchange.kind')}</th>
                <th scope="col">{t('exchange.period')}</th>
                <th scope="col">{t('exchange.sequence')}</th>
                <th scope="col">{t('exchange.file')}</th>
                <th scope="col">{t('exchange.actor')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data?.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.createdAt)}</td>
                  <td>{entry.kind === 'finance-summary' ? t('exchange.kindFinance') : t('exchange.kindHr')}</td>
                  <td>{formatPeriod(entry.period)}</td>
                  <td className="num">{entry.sequence}</td>
                  <td>{entry.fileName}</td>
                  <td>{entry.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
