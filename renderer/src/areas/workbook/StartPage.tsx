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
import { chooseFilesToOpen, saveOrDownload } from '../../components/files.ts';
import { EMPTY_LOCATION, LocationField, locationInput, type WorkbookLocation } from './LocationField.tsx';

/** How the start page names a workbook to open: a dialog's token, a recent workbook, or a name in the data folder. */
type OpenRef = { path: { token: string } } | { recent: string } | { name: string };

interface LockIdentity {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** A workbook that could not be opened for writing, and the ways on: read-only, taking over its lock, a copy. */
interface Blocked {
  ref: OpenRef;
  name: string;
  message: string;
  takeOver?: LockIdentity;
  canSaveCopy?: boolean;
}

/** The file name of a workbook chosen in the open dialog, for the name of a copy. */
const chosenNames = new WeakMap<OpenRef, string>();

function blockedBy(ref: OpenRef, error: ApiError): Blocked | null {
  const details = (error.details ?? {}) as { lock?: LockIdentity; canTakeOver?: boolean; canSaveCopy?: boolean };
  const name = 'name' in ref ? ref.name : 'recent' in ref ? (ref.recent.split(/[\\/]/).pop() ?? '') : (chosenNames.get(ref) ?? 'werkboek');
  if (error.code === 'workbook_locked') return { ref, name, message: error.message, takeOver: details.canTakeOver && details.lock ? details.lock : undefined };
  if (error.code === 'read_only' && details.canSaveCopy) return { ref, name, message: error.message, canSaveCopy: true };
  return null;
}

const WORKBOOK_FILTER = [{ name: 'Werkboek', extensions: ['werkboek'] }];

export function StartPage({ onOpened, nativeDialogs }: { onOpened: (info: WorkbookInfo) => void; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const recent = useApi(() => api.workbook.recent({}), []);
  const folder = useApi(() => api.workbook.defaultFolder({}), []);
  const available = useApi(() => api.workbook.available({}), []);
  const [form, setForm] = useState({ organisation: '', departmentCode: '', departmentName: '', fiscalYear: String(new Date().getFullYear() + 1), costCentres: '', owner: '' });
  const [location, setLocation] = useState<WorkbookLocation>(EMPTY_LOCATION);
  const [openName, setOpenName] = useState('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  /** A workbook another window or program has open: it can still be opened read-only. */
  const [locked, setLocked] = useState<Blocked | null>(null);
  const chosenName = openName || available.data?.[0]?.name || '';

  const update = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: event.target.value });

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      const info = await api.workbook.create({
        ...locationInput(location),
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

  async function open(ref: OpenRef, readOnly = false, takeOver?: LockIdentity) {
    setBusy(true);
    setLocked(null);
    try {
      const info = await api.workbook.open({ ...ref, readOnly, ...(takeOver ? { takeOver } : {}) });
      onOpened(info);
    } catch (error) {
      const blocked = !readOnly && error instanceof ApiError ? blockedBy(ref, error) : null;
      if (blocked) setLocked(blocked);
      else status.error(errorMessage(error));
      recent.reload();
      available.reload();
    } finally {
      setBusy(false);
    }
  }

  /** A workbook in a folder the user may not write: a copy where they choose (desktop) or a download (browser). */
  async function saveCopy(blocked: Blocked) {
    setBusy(true);
    try {
      const saved = await saveOrDownload({
        nativeDialogs,
        title: t('start.saveCopy'),
        defaultName: t('start.copyName', { name: blocked.name.replace(/\.werkboek$/i, '') }),
        filters: WORKBOOK_FILTER,
        mime: 'application/vnd.sqlite3',
        make: async (target) => {
          const copy = await api.workbook.saveCopy({ from: blocked.ref, ...(target ? { path: target } : {}) });
          if (copy.info) onOpened(copy.info);
          return copy;
        },
      });
      if (saved && 'downloaded' in saved) status.info(t('start.copyDownloaded', { file: saved.downloaded }));
    } catch (error) {
      status.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function browseOpen(readOnly: boolean) {
    const [chosen] = await chooseFilesToOpen(t('start.openTitle'), WORKBOOK_FILTER);
    if (!chosen) return;
    const ref = { path: { token: chosen.token } };
    chosenNames.set(ref, chosen.name);
    await open(ref, readOnly);
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
            <LocationField
              id="path"
              value={location}
              onChange={setLocation}
              folder={folder.data?.folder ?? ''}
              nativeDialogs={nativeDialogs}
              defaultName={`${form.departmentCode || 'afdeling'}-${form.fiscalYear}.werkboek`}
            />
            <FormError message={formError} />
            <button type="submit" className="primary" disabled={busy}>
              {t('start.create')}
            </button>
          </form>
          <CreateCentralForm onOpened={onOpened} nativeDialogs={nativeDialogs} folder={folder.data?.folder ?? ''} />
        </section>

        <section aria-labelledby="open-title" className="card">
          <h2 id="open-title">{t('start.openTitle')}</h2>
          {nativeDialogs && (
            <div className="button-row">
              <button type="button" className="primary" disabled={busy} onClick={() => void browseOpen(false)}>
                {t('start.browseOpen')}
              </button>
              <button type="button" disabled={busy} onClick={() => void browseOpen(true)}>
                {t('start.browseOpenReadOnly')}
              </button>
            </div>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (chosenName) void open({ name: chosenName });
            }}
          >
            <div className="field">
              <label htmlFor="openName">{t('start.inDataFolder')}</label>
              {available.data && available.data.length > 0 ? (
                <select id="openName" value={chosenName} onChange={(e) => setOpenName(e.target.value)} aria-describedby="openName-hint">
                  {available.data.map((w) => (
                    <option key={w.name} value={w.name}>
                      {w.name} · {formatDateTime(w.modifiedAt)}
                    </option>
                  ))}
                </select>
              ) : (
                <select id="openName" disabled aria-describedby="openName-hint">
                  <option>{t('start.noneInDataFolder')}</option>
                </select>
              )}
              <p id="openName-hint" className="hint">
                {t('start.dataFolderHint', { folder: folder.data?.folder ?? '' })}
              </p>
            </div>
            <div className="button-row">
              <button type="submit" className={nativeDialogs ? undefined : 'primary'} disabled={busy || !chosenName}>
                {t('start.open')}
              </button>
              <button type="button" disabled={busy || !chosenName} onClick={() => void open({ name: chosenName }, true)}>
                {t('start.openReadOnly')}
              </button>
            </div>
          </form>
          {locked && (
            <div role="alert" className="warning locked-notice">
              <p>{locked.message}</p>
              <div className="button-row">
                <button type="button" onClick={() => void open(locked.ref, true)} disabled={busy}>
                  {t('start.openReadOnly')}
                </button>
                {locked.takeOver && (
                  <button type="button" onClick={() => void open(locked.ref, false, locked.takeOver)} disabled={busy}>
                    {t('start.takeOver')}
                  </button>
                )}
                {locked.canSaveCopy && (
                  <button type="button" onClick={() => void saveCopy(locked)} disabled={busy}>
                    {t('start.saveCopy')}
                  </button>
                )}
              </div>
            </div>
          )}
          <h3>{t('start.recent')}</h3>
          {recent.data && recent.data.length === 0 && <p>{t('start.noRecent')}</p>}
          <ul className="recent-list">
            {recent.data?.map((r) => (
              <li key={r.path}>
                <button type="button" className="link-button" disabled={!r.exists || busy} onClick={() => void open({ recent: r.path })}>
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
