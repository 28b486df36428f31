import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PasteReport } from './useGridEditing.ts';

/** What a paste did, beside its grid: how many rows and cells, and every refused cell with its reason. */
/** The summary line of a paste: rows and cells saved, how many new. */
export function pasteSummary(t: TFunction, report: PasteReport): string {
  if (report.rows === 0) return t('grid.report.nothing');
  const done = t('grid.report.done', { count: report.rows, cells: t('grid.report.cells', { count: report.cells }) });
  return report.added > 0 ? `${done} ${t('grid.report.added', { count: report.added })}` : done;
}

/** Rows of the pasted block that were not saved (a row with a refused cell is left out whole). */
export function refusedRows(report: PasteReport): number {
  return new Set(report.refused.map((r) => r.blockRow)).size;
}

export function PasteReportView({ report, id, onClose }: { report: PasteReport; id: string; onClose(): void }) {
  const { t } = useTranslation();
  const refused = refusedRows(report);
  return (
    <section className="paste-report card" aria-labelledby={`${id}-title`} data-testid="paste-report">
      <h4 id={`${id}-title`}>{t('grid.report.title')}</h4>
      <p>
        {pasteSummary(t, report)}
        {report.rows > 0 && <> {t('grid.report.undoHint')}</>}
      </p>
      {report.headerSkipped && <p className="hint">{t('grid.report.header')}</p>}
      {report.skippedColumns.length > 0 && <p className="hint">{t('grid.report.skipped', { columns: report.skippedColumns.join(', ') })}</p>}
      {report.outsideCells > 0 && <p className="hint">{t('grid.report.outside', { count: report.outsideCells })}</p>}
      {refused > 0 && (
        <>
          <p className="warning">⚠ {t('grid.report.refused', { count: refused })}</p>
          <table className="simple-table" data-testid="paste-refused">
            <caption className="visually-hidden">{t('grid.report.refusedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('grid.report.blockRow')}
                </th>
                <th scope="col">{t('grid.report.target')}</th>
                <th scope="col">{t('grid.report.column')}</th>
                <th scope="col">{t('grid.report.value')}</th>
                <th scope="col">{t('grid.report.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.refused.map((r, i) => (
                <tr key={i}>
                  <td className="num">{r.blockRow}</td>
                  <td>{r.target}</td>
                  <td>{r.column}</td>
                  <td className="paste-value">{r.value}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <button type="button" onClick={onClose}>
        {t('grid.report.close')}
      </button>
    </section>
  );
}
