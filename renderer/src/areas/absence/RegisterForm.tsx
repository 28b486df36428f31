import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsenceCaseView, AbsenceKind, EmployeeOption } from '../../../../shared/domain/absence/types.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../components/useApi.ts';
import { readDate, readPercentage, userToday } from './dates.ts';
import { NoteField } from './NoteField.tsx';
import { FormError } from '../../components/forms.tsx';

const EMPTY = { employeeId: '', firstDay: '', percentage: '100', caseNumber: '', kind: 'sickness' as AbsenceKind, expectedRecovery: '', safetyNet: false, occupationalAccident: false, liableThirdParty: false, note: '' };

/** Sick report (ziekmelding): who, since when, how much; never why. */
export function RegisterForm({ employees, onRegistered }: { employees: EmployeeOption[]; onRegistered: (registered: AbsenceCaseView) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const employeeId = Number(form.employeeId);
    if (!employeeId) return setError(`${t('absence.register.employee')}: kies een medewerker`);
    const firstDay = readDate(form.firstDay, t('absence.register.firstDay'));
    if (!firstDay.ok) return setError(firstDay.reason);
    const percentage = readPercentage(form.percentage, t('absence.register.percentage'));
    if (!percentage.ok) return setError(percentage.reason);
    const expected = form.expectedRecovery.trim() ? readDate(form.expectedRecovery, t('absence.register.expectedRecovery')) : null;
    if (expected && !expected.ok) return setError(expected.reason);
    setBusy(true);
    try {
      const registered = await api.absence.register({
        today: userToday(),
        employeeId,
        firstDay: firstDay.value,
        percentage: percentage.value,
        caseNumber: form.caseNumber.trim() || null,
        kind: form.kind,
        expectedRecovery: expected?.ok ? expected.value : null,
        safetyNet: form.safetyNet,
        occupationalAccident: form.occupationalAccident,
        liableThirdParty: form.liableThirdParty,
        note: form.note.trim() || null,
      });
      setForm(EMPTY);
      onRegistered(registered);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card no-print" aria-labelledby="register-title">
      <h2 id="register-title">{t('absence.register.title')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="inline-form">
          <label>
            {t('absence.register.employee')}
            <select value={form.employeeId} onChange={(e) => setForm({ ...form, employeeId: e.target.value })} required>
              <option value="">—</option>
              {employees.map((e) => (
                <option key={e.id} value={e.id} disabled={!e.employed}>
                  {e.name} ({e.personnelNumber}
                  {e.costCentre ? `, ${e.costCentre}` : ''})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('absence.register.firstDay')}
            <input required placeholder="dd-mm-jjjj" size={11} value={form.firstDay} onChange={(e) => setForm({ ...form, firstDay: e.target.value })} />
          </label>
          <label>
            {t('absence.register.percentage')}
            <input required inputMode="decimal" size={5} value={form.percentage} onChange={(e) => setForm({ ...form, percentage: e.target.value })} />
          </label>
          <label>
            {t('absence.register.kind')}
            <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as AbsenceKind })}>
              <option value="sickness">{t('absence.kinds.sickness')}</option>
              <option value="pregnancy_leave">{t('absence.kinds.pregnancy_leave')}</option>
            </select>
          </label>
          <label>
            {t('absence.register.caseNumber')}
            <input size={14} value={form.caseNumber} onChange={(e) => setForm({ ...form, caseNumber: e.target.value })} />
          </label>
          <label>
            {t('absence.register.expectedRecovery')}
            <input placeholder="dd-mm-jjjj" size={11} value={form.expectedRecovery} onChange={(e) => setForm({ ...form, expectedRecovery: e.target.value })} />
          </label>
        </div>
        <fieldset className="checks">
          <legend>{t('absence.register.flags')}</legend>
          {(['safetyNet', 'occupationalAccident', 'liableThirdParty'] as const).map((flag) => (
            <label key={flag} className="check">
              <input type="checkbox" checked={form[flag]} onChange={(e) => setForm({ ...form, [flag]: e.target.checked })} /> {t(`absence.register.${flag}`)}
            </label>
          ))}
        </fieldset>
        <NoteField label={t('absence.register.note')} value={form.note} onChange={(note) => setForm({ ...form, note })} />
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('absence.register.submit')}
        </button>
      </form>
    </section>
  );
}
