import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../../shared/api/errors.ts';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo } from '../../../../shared/domain/workbook/types.ts';
import { formatDateTime } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { CreateCentralForm } from '../consolidation/CreateCentralForm.tsx';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { FormError } from '../../components/forms.tsx';

const WORKBOOK_FILTER = [{ name: 'Werkboek', extensions: ['werkboek'] }];

export function StartPage({ onOpened, nativeDialogs }: { onOpened: (info: WorkbookInfo) => void; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const recent = useApi(() => api.workbook.recent({}), []);
  const folder = useApi(() => api.workbook.defaultFolder({}), []);
  const [form, setForm] = useState({ organisation: '', departmentCode: '', departmentName: '', fiscalYear: String(new Date().getFullYear() + 1), costCentres: '', owner: '', path: '' });
  const [openPath, setOpenPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  /** A workbook another window or program has open: it can still be opened read-only. */
  const [locked, setLocked] = useState<{ path: string; message: string } | null>(null);

  const update = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: event.target.value });

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      const info = await api.workbook.create({
        path: form.path.trim() || undefined,
        kind: 'department',
        organisation: form.organisation,
        departmentCode: form.departmentCode,
        departmentName: form.departmentName,
        fiscalYear: Number(form.fiscalYear),
        owner: form.owner,
        costCentres: form.costCentres
          .split(/[,;\s]+/)
          .filter(Boolean)
          .map((code) => ({ code, name: '', taakveld: null })),
      });
      status.info(`Werkboek gemaakt: ${info.path}`);
      onOpened(info);
    } catch (error) {
      setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function open(filePath: string, readOnly = false) {
    setBusy(true);
    setLocked(null);
    try {
      const info = await api.workbook.open({ path: filePath, readOnly });
      onOpened(info);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'workbook_locked' && !readOnly) setLocked({ path: filePath, message: error.message });
      else status.error(errorMessage(error));
      recent.reload();
    } finally {
      setBusy(false);
    }
  }

  async function browseSave() {
    const result = await api.shell.saveFile({ title: t('start.createTitle'), defaultName: `${form.departmentCode || 'afdeling'}-${form.fiscalYear}.werkboek`, filters: WORKBOOK_FILTER });
    if (result.path) setForm({ ...form, path: result.path });
  }

  async function browseOpen() {
    const result = await api.shell.openFile({ title: t('start.openTitle'), filters: WORKBOOK_FILTER, multiple: false });
    if (result.paths[0]) await open(result.paths[0]);
  }

  return (
    <div className="start">
      <h1>{t('start.title')}</h1>
      <p className="lead">{t('start.intro')}</p>
      <div className="start-columns">
        <section aria-labelledby="create-title" className="card">
          <h2 id="create-title">{t('start.createTitle')}</h2>
          <form onSubmit={create} noValidate>
            <div className="field">
              <label htmlFor="organisation">{t('start.organisation')}</label>
              <input id="organisation" required value={form.organisation} onChange={update('organisation')} autoComplete="organization" />
            </div>
            <div className="field-row">
              <div className="field">
                <label htmlFor="departmentCode">{t('start.departmentCode')}</label>
                <input id="departmentCode" required value={form.departmentCode} onChange={update('departmentCode')} size={8} />
              </div>
              <div className="field grow">
                <label htmlFor="departmentName">{t('start.departmentName')}</label>
                <input id="departmentName" value={form.departmentName} onChange={update('departmentName')} />
              </div>
            </div>
            <div className="field-row">
              <div className="field">
                <label htmlFor="fiscalYear">{t('start.fiscalYear')}</label>
                <input id="fiscalYear" required inputMode="numeric" value={form.fiscalYear} onChange={update('fiscalYear')} size={6} />
              </div>
              <div className="field grow">
                <label htmlFor="owner">{t('start.owner')}</label>
                <input id="owner" required value={form.owner} onChange={update('owner')} autoComplete="name" />
              </div>
            </div>
            <div className="field">
              <label htmlFor="costCentres">{t('start.costCentres')}</label>
              <input id="costCentres" required value={form.costCentres} onChange={update('costCentres')} aria-describedby="costCentres-hint" />
              <p id="costCentres-hint" className="hint">
                {t('start.costCentresHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor="path">{t('start.location')}</label>
              <div className="input-with-button">
                <input id="path" value={form.path} onChange={update('path')} aria-describedby="path-hint" />
                {nativeDialogs && (
                  <button type="button" onClick={browseSave}>
                    {t('app.browse')}
                  </button>
                )}
              </div>
              <p id="path-hint" className="hint">
                {t('start.locationHint', { folder: folder.data?.folder ?? '' })}
              </p>
            </div>
            <FormError message={formError} />
            <button type="submit" className="primary" disabled={busy}>
              {t('start.create')}
            </button>
          </form>
          <CreateCentralForm onOpened={onOpened} />
        </section>

        <section aria-labelledby="open-title" className="card">
          <h2 id="open-title">{t('start.openTitle')}</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (openPath.trim()) void open(openPath.trim());
            }}
          >
            <div className="field">
              <label htmlFor="openPath">{t('start.path')}</label>
              <div className="input-with-button">
                <input id="openPath" value={openPath} onChange={(e) => setOpenPath(e.target.value)} />
                {nativeDialogs && (
                  <button type="button" onClick={browseOpen}>
                    {t('app.browse')}
                  </button>
                )}
              </div>
            </div>
            <div className="button-row">
              <button type="submit" className="primary" disabled={busy || !openPath.trim()}>
                {t('start.open')}
              </button>
              <button type="button" disabled={busy || !openPath.trim()} onClick={() => void open(openPath.trim(), true)}>
                {t('start.openReadOnly')}
              </button>
            </div>
          </form>
          {locked && (
            <div role="alert" className="warning locked-notice">
              <p>{locked.message}</p>
              <button type="button" onClick={() => void open(locked.path, true)} disabled={busy}>
                {t('start.openReadOnly')}
              </button>
            </div>
          )}
          <h3>{t('start.recent')}</h3>
          {recent.data && recent.data.length === 0 && <p>{t('start.noRecent')}</p>}
          <ul className="recent-list">
            {recent.data?.map((r) => (
              <li key={r.path}>
                <button type="button" className="link-button" disabled={!r.exists || busy} onClick={() => void open(r.path)}>
                  {r.title}
                </button>{' '}
                <span className="muted">
                  {r.path} · {formatDateTime(r.openedAt)} {!r.exists && t('start.missing')}
                </span>{' '}
                <button
                  type="button"
                  className="link-button small"
                  aria-label={`${t('start.forget')}: ${r.title}`}
                  onClick={() => void api.workbook.forgetRecent({ path: r.path }).then(recent.reload)}
                >
                  {t('start.forget')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
