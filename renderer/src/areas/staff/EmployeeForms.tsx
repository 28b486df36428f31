import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmployeeDetail, PositionView, TermsView } from '../../../../shared/domain/staff/types.ts';
import type { CostCentre } from '../../../../shared/domain/workbook/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage } from '../../components/useApi.ts';
import { checkDate, checkInteger, checkNumber } from '../../components/form-values.ts';
import { formatHours } from './common.tsx';

/** The terms fields as the forms hold them: text, as typed. */
export interface TermsText {
  functionTitle: string;
  salaryScale: string;
  salaryStep: string;
  hoursPerWeek: string;
  costCentre: string;
  contractType: string;
  formationPositionId: string;
}

export function termsText(terms: TermsView | null, fallbackCostCentre: string): TermsText {
  return {
    functionTitle: terms?.functionTitle ?? '',
    salaryScale: terms?.salaryScale === null || terms?.salaryScale === undefined ? '' : String(terms.salaryScale),
    salaryStep: terms?.salaryStep === null || terms?.salaryStep === undefined ? '' : String(terms.salaryStep),
    hoursPerWeek: terms ? formatHours(terms.hoursPerWeek) : '',
    costCentre: terms?.costCentre ?? fallbackCostCentre,
    contractType: terms?.contractType ?? '',
    formationPositionId: terms?.formationPositionId === null || terms?.formationPositionId === undefined ? '' : String(terms.formationPositionId),
  };
}

type TermsValues = { functionTitle: string; salaryScale: number | null; salaryStep: number | null; hoursPerWeek: number; costCentre: string; contractType: string; formationPositionId: number | null };

function readTerms(t: (key: string) => string, form: TermsText): { ok: true; value: TermsValues } | { ok: false; reason: string } {
  const hours = checkNumber(t('staff.hoursPerWeek'), form.hoursPerWeek);
  if (!hours.ok) return hours;
  const scale = checkInteger(t('staff.scale'), form.salaryScale);
  if (!scale.ok) return scale;
  const step = checkInteger(t('staff.step'), form.salaryStep);
  if (!step.ok) return step;
  return {
    ok: true,
    value: {
      functionTitle: form.functionTitle.trim(),
      salaryScale: scale.value,
      salaryStep: step.value,
      hoursPerWeek: hours.value as number,
      costCentre: form.costCentre,
      contractType: form.contractType.trim(),
      formationPositionId: form.formationPositionId ? Number(form.formationPositionId) : null,
    },
  };
}

/** The terms inputs, shared by "add employee" and "change from a date". */
function TermsFields({ form, setForm, costCentres, positions, idPrefix }: { form: TermsText; setForm(next: TermsText): void; costCentres: CostCentre[]; positions: PositionView[]; idPrefix: string }) {
  const { t } = useTranslation();
  const onCostCentre = positions.filter((p) => p.costCentre === form.costCentre);
  return (
    <>
      <label htmlFor={`${idPrefix}-function`}>
        {t('staff.functionTitle')}
        <input id={`${idPrefix}-function`} value={form.functionTitle} onChange={(e) => setForm({ ...form, functionTitle: e.target.value })} />
      </label>
      <label htmlFor={`${idPrefix}-scale`}>
        {t('staff.scale')}
        <input id={`${idPrefix}-scale`} inputMode="numeric" size={4} value={form.salaryScale} onChange={(e) => setForm({ ...form, salaryScale: e.target.value })} />
      </label>
      <label htmlFor={`${idPrefix}-step`}>
        {t('staff.step')}
        <input id={`${idPrefix}-step`} inputMode="numeric" size={4} value={form.salaryStep} onChange={(e) => setForm({ ...form, salaryStep: e.target.value })} />
      </label>
      <label htmlFor={`${idPrefix}-hours`}>
        {t('staff.hoursPerWeek')}
        <input id={`${idPrefix}-hours`} inputMode="decimal" size={6} value={form.hoursPerWeek} required onChange={(e) => setForm({ ...form, hoursPerWeek: e.target.value })} />
      </label>
      <label htmlFor={`${idPrefix}-cc`}>
        {t('staff.costCentre')}
        <select id={`${idPrefix}-cc`} value={form.costCentre} onChange={(e) => setForm({ ...form, costCentre: e.target.value, formationPositionId: '' })}>
          {costCentres.map((cc) => (
            <option key={cc.code} value={cc.code}>
              {cc.code} {cc.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${idPrefix}-position`}>
        {t('staff.position')}
        <select id={`${idPrefix}-position`} value={form.formationPositionId} onChange={(e) => setForm({ ...form, formationPositionId: e.target.value })}>
          <option value="">{t('staff.noPosition')}</option>
          {onCostCentre.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.code} {p.functionTitle}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${idPrefix}-contract`}>
        {t('staff.contractType')}
        <input id={`${idPrefix}-contract`} size={10} value={form.contractType} onChange={(e) => setForm({ ...form, contractType: e.target.value })} list="contract-types" />
      </label>
      <datalist id="contract-types">
        <option value="Vast" />
        <option value="Tijdelijk" />
      </datalist>
    </>
  );
}

export function AddEmployeeForm({ costCentres, positions, onAdded }: { costCentres: CostCentre[]; positions: PositionView[]; onAdded(id: number): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const empty = { personnelNumber: '', firstName: '', infix: '', lastName: '', startDate: '' };
  const [person, setPerson] = useState(empty);
  const [terms, setTerms] = useState<TermsText>(termsText(null, costCentres[0]?.code ?? ''));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!terms.costCentre && costCentres[0]) setTerms((f) => ({ ...f, costCentre: costCentres[0].code }));
  }, [costCentres, terms.costCentre]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const start = checkDate(t('staff.startDate'), person.startDate);
    if (!start.ok) return setError(start.reason);
    const values = readTerms(t, terms);
    if (!values.ok) return setError(values.reason);
    try {
      const created = await api.staff.createEmployee({ ...person, startDate: start.value as string, terms: values.value });
      status.info(t('staff.added', { name: created.displayName }));
      setPerson(empty);
      onAdded(created.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <details className="card">
      <summary>{t('staff.add')}</summary>
      <form onSubmit={submit} className="inline-form" aria-label={t('staff.add')}>
        <label htmlFor="add-pn">
          {t('staff.personnelNumber')}
          <input id="add-pn" required size={10} value={person.personnelNumber} onChange={(e) => setPerson({ ...person, personnelNumber: e.target.value })} />
        </label>
        <label htmlFor="add-first">
          {t('staff.firstName')}
          <input id="add-first" value={person.firstName} onChange={(e) => setPerson({ ...person, firstName: e.target.value })} />
        </label>
        <label htmlFor="add-infix">
          {t('staff.infix')}
          <input id="add-infix" size={8} value={person.infix} onChange={(e) => setPerson({ ...person, infix: e.target.value })} />
        </label>
        <label htmlFor="add-last">
          {t('staff.lastName')}
          <input id="add-last" required value={person.lastName} onChange={(e) => setPerson({ ...person, lastName: e.target.value })} />
        </label>
        <label htmlFor="add-start">
          {t('staff.startDate')}
          <input id="add-start" required placeholder="dd-mm-jjjj" size={11} value={person.startDate} onChange={(e) => setPerson({ ...person, startDate: e.target.value })} />
        </label>
        <TermsFields form={terms} setForm={setTerms} costCentres={costCentres} positions={positions} idPrefix="add" />
        <button type="submit" className="primary">
          {t('app.add')}
        </button>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}

/** A change of terms from a date; only the fields the user changed are sent, so later changes keep theirs. */
export function ChangeTermsForm({ employee, costCentres, positions, readOnly, onChanged }: { employee: EmployeeDetail; costCentres: CostCentre[]; positions: PositionView[]; readOnly: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const initial = useMemo(() => termsText(employee.terms, costCentres[0]?.code ?? ''), [employee.terms, costCentres]);
  const [form, setForm] = useState<TermsText>(initial);
  const [validFrom, setValidFrom] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setForm(initial), [initial]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const date = checkDate(t('staff.validFrom'), validFrom);
    if (!date.ok) return setError(date.reason);
    const values = readTerms(t, form);
    if (!values.ok) return setError(values.reason);
    const before = readTerms(t, initial);
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values.value)) {
      if (!before.ok || before.value[key as keyof TermsValues] !== value) patch[key] = value;
    }
    if (Object.keys(patch).length === 0) return setError(t('staff.nothingChanged'));
    try {
      await api.staff.changeTerms({ employeeId: employee.id, validFrom: date.value as string, patch });
      status.info(t('staff.termsChanged', { name: employee.displayName, date: formatDate(date.value) }));
      setValidFrom('');
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (readOnly) return null;
  return (
    <form onSubmit={submit} className="inline-form" aria-labelledby="change-terms-title">
      <h3 id="change-terms-title" className="form-title">
        {t('staff.changeTitle')}
      </h3>
      <p className="hint form-title">{t('staff.changeHint')}</p>
      <label htmlFor="change-from">
        {t('staff.validFrom')}
        <input id="change-from" required placeholder="dd-mm-jjjj" size={11} value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
      </label>
      <TermsFields form={form} setForm={setForm} costCentres={costCentres} positions={positions} idPrefix="change" />
      <button type="submit" className="primary">
        {t('staff.saveChange')}
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function EmploymentForm({ employee, readOnly, onChanged }: { employee: EmployeeDetail; readOnly: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [person, setPerson] = useState({ personnelNumber: '', firstName: '', infix: '', lastName: '', startDate: '', endDate: '' });
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () =>
      setPerson({
        personnelNumber: employee.personnelNumber,
        firstName: employee.firstName,
        infix: employee.infix,
        lastName: employee.lastName,
        startDate: formatDate(employee.startDate),
        endDate: formatDate(employee.endDate),
      }),
    [employee],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const start = checkDate(t('staff.startDate'), person.startDate);
    if (!start.ok) return setError(start.reason);
    const end = checkDate(t('staff.endDate'), person.endDate, false);
    if (!end.ok) return setError(end.reason);
    try {
      const updated = await api.staff.updateEmployee({
        id: employee.id,
        patch: { personnelNumber: person.personnelNumber, firstName: person.firstName, infix: person.infix, lastName: person.lastName, startDate: start.value as string, endDate: end.value },
      });
      status.info(updated.endDate ? t('staff.endSaved', { name: updated.displayName, date: formatDate(updated.endDate) }) : t('app.saved'));
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (readOnly) return null;
  return (
    <form onSubmit={submit} className="inline-form" aria-labelledby="employment-title">
      <h3 id="employment-title" className="form-title">
        {t('staff.employmentTitle')}
      </h3>
      <label htmlFor="emp-pn">
        {t('staff.personnelNumber')}
        <input id="emp-pn" required size={10} value={person.personnelNumber} onChange={(e) => setPerson({ ...person, personnelNumber: e.target.value })} />
      </label>
      <label htmlFor="emp-first">
        {t('staff.firstName')}
        <input id="emp-first" value={person.firstName} onChange={(e) => setPerson({ ...person, firstName: e.target.value })} />
      </label>
      <label htmlFor="emp-infix">
        {t('staff.infix')}
        <input id="emp-infix" size={8} value={person.infix} onChange={(e) => setPerson({ ...person, infix: e.target.value })} />
      </label>
      <label htmlFor="emp-last">
        {t('staff.lastName')}
        <input id="emp-last" required value={person.lastName} onChange={(e) => setPerson({ ...person, lastName: e.target.value })} />
      </label>
      <label htmlFor="emp-start">
        {t('staff.startDate')}
        <input id="emp-start" required placeholder="dd-mm-jjjj" size={11} value={person.startDate} onChange={(e) => setPerson({ ...person, startDate: e.target.value })} />
      </label>
      <label htmlFor="emp-end">
        {t('staff.endDate')}
        <input id="emp-end" placeholder="dd-mm-jjjj" size={11} value={person.endDate} onChange={(e) => setPerson({ ...person, endDate: e.target.value })} aria-describedby="emp-end-hint" />
      </label>
      <button type="submit">{t('app.save')}</button>
      <p id="emp-end-hint" className="hint form-title">
        {t('staff.endHint')}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
