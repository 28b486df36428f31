import { useTranslation } from 'react-i18next';
import type { PasteReport } from './useGridEditing.ts';

/** What a paste did, beside its grid: how many rows and cells, and every refused cell with its reason. */
export function PasteReportView({ report, id, onClose }: { report: PasteReport; id: string; onClose(): void }) {
  const { t } = useTranslation();
  const refused = report.refused.length;
  return (
    <section className="paste-report card" aria-labelledby={`${id}-title`} data-testid="paste-report">
      <h4 id={`${id}-title`}>{t('grid.report.title')}</h4>
      <p>
        {report.rows > 0 ? t('grid.report.done', { count: report.rows, cells: report.cells, added: report.added }) : t('grid.report.nothing')}
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
