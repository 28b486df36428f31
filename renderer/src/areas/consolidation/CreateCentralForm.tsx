import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo } from '../../../../shared/domain/workbook/types.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../components/useApi.ts';
import { FormError } from '../../components/forms.tsx';
import { EMPTY_LOCATION, LocationField, locationInput, type WorkbookLocation } from '../workbook/LocationField.tsx';

/** P&O or control make the central workbook of their organisation from the start page. */
export function CreateCentralForm({ onOpened, nativeDialogs, folder }: { onOpened: (info: WorkbookInfo) => void; nativeDialogs: boolean; folder: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ kind: 'central-finance' as 'central-finance' | 'central-hr', organisation: '', fiscalYear: String(new Date().getFullYear() + 1), owner: '' });
  const [location, setLocation] = useState<WorkbookLocation>(EMPTY_LOCATION);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The form is rendered only while open, so its fields never share labels with the department form beside it.
  const [open, setOpen] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onOpened(await api.workbook.create({ ...locationInput(location), kind: form.kind, organisation: form.organisation, fiscalYear: Number(form.fiscalYear), owner: form.owner }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="card" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('central.createTitle')}</summary>
      {open && (
        <form onSubmit={create} noValidate>
          <div className="field">
            <label htmlFor="central-kind">{t('central.kind')}</label>
            <select id="central-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as typeof form.kind })}>
              <option value="central-finance">{t('central.kindFinance')}</option>
              <option value="central-hr">{t('central.kindHr')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="central-organisation">{t('start.organisation')}</label>
            <input id="central-organisation" required value={form.organisation} onChange={(e) => setForm({ ...form, organisation: e.target.value })} autoComplete="organization" />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="central-year">{t('start.fiscalYear')}</label>
              <input id="central-year" required inputMode="numeric" size={6} value={form.fiscalYear} onChange={(e) => setForm({ ...form, fiscalYear: e.target.value })} />
            </div>
            <div className="field grow">
              <label htmlFor="central-owner">{t('start.owner')}</label>
              <input id="central-owner" required value={form.owner} onChange={(e) => setForm({ ...form, owner: e.target.value })} autoComplete="name" />
            </div>
          </div>
          <LocationField
            id="central-path"
            value={location}
            onChange={setLocation}
            folder={folder}
            nativeDialogs={nativeDialogs}
            defaultName={`${form.kind}-${form.fiscalYear}.werkboek`}
          />
          <p className="hint">{t('central.createHint')}</p>
          <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('central.create')}
        </button>
      </form>
      )}
    </details>
  );
}
