import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../../shared/domain/absence/days.ts';
import type { WorkbookInfo } from '../../../../shared/domain/workbook/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../components/useApi.ts';
import { DateField } from '../../components/DateField.tsx';
import { HighlightList } from './Highlights.tsx';
import { ReportPanel } from './ReportPanel.tsx';
import { OVERVIEW_SECTION_VIEWS } from './sections.tsx';
import { FormError } from '../../components/forms.tsx';
import { SetupPanel } from '../setup/SetupChecklist.tsx';
import { usePeriodDefaults } from '../../components/usePeriodDefaults.ts';

/** The start page of a department workbook: every area's section, its signals first. */
export function OverviewPage({ info, nativeDialogs }: { info: WorkbookInfo; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  // Today (the user's own calendar day) while the workbook's year runs; otherwise the end of the latest month
  // of that year with data, never a day outside it; unless they choose another date.
  const defaults = usePeriodDefaults();
  const [chosen, setAsOf] = useState<string | null>(null);
  const asOf = chosen ?? defaults.data?.day ?? (defaults.error ? localToday() : null);
  const overview = useApi(() => (asOf ? api.overview.get({ asOf }) : Promise.resolve(undefined)), [asOf]);
  const sections = overview.data?.sections ?? [];
  const highlights = sections.flatMap((s) => s.highlights);

  return (
    <div className="overview">
      <div className="page-header">
        <h1>{t('overview.title', { department: `${info.departmentCode ?? ''} ${info.departmentName ?? ''}`.trim() })}</h1>
        {overview.data && <p className="muted">{t('overview.asOf', { date: formatDate(overview.data.asOf) })}</p>}
      </div>
      <div className="toolbar filters no-print">
        <DateField label={t('overview.date')} value={asOf ?? ''} onChange={setAsOf} id="overview-date" />
        <p className="hint">{t('overview.dateHint')}</p>
      </div>
      <FormError message={overview.error} />
      {asOf && <SetupPanel asOf={asOf} readOnly={info.readOnly} />}
      {overview.data && (
        <section className="card" aria-labelledby="signals-title">
          <h2 id="signals-title">{t('overview.signals')}</h2>
          {highlights.length === 0 ? <p>{t('overview.noSignals')}</p> : <HighlightList highlights={highlights} testId="overview-signals" />}
        </section>
      )}
      {sections.map((section) => {
        const View = OVERVIEW_SECTION_VIEWS[section.key];
        const headingId = `overview-${section.key}`;
        return (
          <section key={section.key} className="card overview-section" aria-labelledby={headingId} data-testid={`overview-section-${section.key}`}>
            <h2 id={headingId}>{section.title}</h2>
            {View ? <View section={section} /> : null}
            {section.route && (
              <p className="no-print">
                <a href={`#/${section.route}`}>
                  {t('overview.details')}: {section.title}
                </a>
              </p>
            )}
          </section>
        );
      })}
      <ReportPanel info={info} nativeDialogs={nativeDialogs} />
    </div>
  );
}
