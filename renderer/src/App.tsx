import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo } from '../../shared/domain/workbook/types.ts';
import { api } from './api/client.ts';
import { StartPage } from './areas/workbook/StartPage.tsx';
import { navigate, useHashRoute } from './components/router.ts';
import { useStatus } from './components/Status.tsx';
import { errorMessage, useApi } from './components/useApi.ts';
import { setLanguage } from './i18n/index.ts';
import { NOTICES, PAGES, REDIRECTS } from './pages.tsx';

/**
 * The header's year selector: an earlier fiscal year of the workbook is shown on every page, read-only
 * (pages that show money or periods take the viewed year as their year); the current year is edited.
 */
function YearSwitch({ info, viewYear, onChange }: { info: WorkbookInfo; viewYear: number; onChange(year: number): void }) {
  const { t } = useTranslation();
  const years = useApi(() => api.workbook.years({}), [info.path, info.fiscalYear]);
  const choices = years.data?.map((y) => y.year).filter((y) => y <= info.fiscalYear) ?? [info.fiscalYear];
  if (choices.length < 2) return <>{info.fiscalYear}</>;
  return (
    <label className="year-switch">
      {t('viewYear.label')}{' '}
      <select value={viewYear} onChange={(e) => onChange(Number(e.target.value))} data-testid="year-switch">
        {[...choices].reverse().map((y) => (
          <option key={y} value={y}>
            {y === info.fiscalYear ? t('viewYear.current', { year: y }) : t('viewYear.earlier', { year: y })}
          </option>
        ))}
      </select>
    </label>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      {t('app.language')}{' '}
      <select value={i18n.language} onChange={(e) => void setLanguage(e.target.value as 'nl' | 'en')}>
        <option value="nl">Nederlands</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}

export function App() {
  const { t, i18n } = useTranslation();
  const status = useStatus();
  const route = useHashRoute();
  const capabilities = useApi(() => api.shell.capabilities({}), []);
  const [info, setInfo] = useState<WorkbookInfo | null | undefined>(undefined);
  const [viewYear, setViewYear] = useState<number | null>(null);

  useEffect(() => {
    api.workbook
      .info({})
      .then(setInfo)
      .catch((e: unknown) => {
        status.error(errorMessage(e));
        setInfo(null);
      });
  }, [status]);

  // An old bookmark (#/hires) goes to where that page lives now, without a history entry of its own.
  useEffect(() => {
    const target = REDIRECTS[route];
    if (target) window.location.replace(`#/${target}`);
  }, [route]);

  useEffect(() => {
    document.title = info ? `${info.departmentCode ?? ''} ${info.departmentName ?? info.organisation} — Werkboek` : 'Werkboek';
  }, [info]);

  // Another workbook, or the year turned: back to the current year.
  useEffect(() => setViewYear(null), [info?.path, info?.fiscalYear]);
  const viewing = info && viewYear !== null && viewYear !== info.fiscalYear ? viewYear : null;
  const pageInfo = info && viewing !== null ? { ...info, fiscalYear: viewing, readOnly: true } : info;

  const pages = info ? PAGES.filter((p) => p.workbookKinds.includes(info.kind)) : [];
  const page = pages.find((p) => p.route === route) ?? pages[0];
  const nativeDialogs = capabilities.data?.nativeDialogs ?? false;

  function opened(next: WorkbookInfo) {
    setInfo(next);
    for (const warning of next.warnings) status.error(warning);
    navigate(PAGES.find((p) => p.workbookKinds.includes(next.kind))?.route ?? '');
  }

  async function close() {
    try {
      await api.workbook.close({});
    } finally {
      setInfo(null);
      navigate('');
    }
  }

  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        {info && (
          <span className="workbook-title" data-testid="workbook-title">
            {info.organisation} · {info.kind === 'department' ? `${info.departmentCode ?? ''} ${info.departmentName ?? ''}`.trim() : t(`app.workbookKinds.${info.kind}`)} ·{' '}
            {info.kind === 'department' ? <YearSwitch info={info} viewYear={viewing ?? info.fiscalYear} onChange={(y) => setViewYear(y)} /> : info.fiscalYear}
            {info.readOnly && <span className="badge">{t('app.readOnly')}</span>}
          </span>
        )}
        <span className="header-actions">
          <LanguageSwitch />
          {info && (
            <button type="button" onClick={() => void close()}>
              {t('app.close')}
            </button>
          )}
        </span>
      </header>
      <div className="app-body">
        {info && (
          <nav aria-label={t('app.mainNavigation')} className="app-nav">
            <ul>
              {pages.map((p) => (
                <li key={p.route}>
                  <a href={`#/${p.route}`} aria-current={p === page ? 'page' : undefined}>
                    {t(p.labelKey)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1} className="app-main">
          {info === undefined && <p>{t('app.loading')}</p>}
          {info === null && <StartPage onOpened={opened} nativeDialogs={nativeDialogs} />}
          {info &&
            NOTICES.filter((n) => n.workbookKinds.includes(info.kind)).map((n) => <div key={`${info.path}:${n.key}`}>{n.render({ info, nativeDialogs, onInfoChanged: setInfo })}</div>)}
          {info && viewing !== null && (
            <p className="warning" role="status" data-testid="viewing-year">
              {t('viewYear.notice', { year: viewing, current: info.fiscalYear })}{' '}
              <button type="button" onClick={() => setViewYear(null)}>
                {t('viewYear.back', { current: info.fiscalYear })}
              </button>
            </p>
          )}
          {/* Keyed by language and year too: a page loads again, so what the backend wrote comes in the new language and year. */}
          {pageInfo && page && <div key={`${pageInfo.path}:${page.route}:${i18n.language}:${pageInfo.fiscalYear}`}>{page.render({ info: pageInfo, nativeDialogs, onInfoChanged: setInfo })}</div>}
        </main>
      </div>
    </>
  );
}
