import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmployeeDetail, PositionView, TermsView } from '../../../../shared/domain/staff/types.ts';
import type { CostCentre } from '../../../../shared/domain/workbook/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { checkDate, checkInteger, checkNumber, FormProblem, valid, type Checked } from '../../components/form-values.ts';
import { binder, DateTextField, Form, FormError, SelectField, TextField, useFormAction } from '../../components/forms.tsx';
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

function readTerms(t: (key: string) => string, form: TermsText): Checked<TermsValues> {
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
  const bind = binder(form, setForm);
  const onCostCentre = positions.filter((p) => p.costCentre === form.costCentre);
  return (
    <>
      <TextField id={`${idPrefix}-function`} label={t('staff.functionTitle')} {...bind('functionTitle')} />
      <TextField id={`${idPrefix}-scale`} label={t('staff.scale')} inputMode="numeric" size={4} {...bind('salaryScale')} />
      <TextField id={`${idPrefix}-step`} label={t('staff.step')} inputMode="numeric" size={4} {...bind('salaryStep')} />
      <TextField id={`${idPrefix}-hours`} label={t('staff.hoursPerWeek')} inputMode="decimal" size={6} required {...bind('hoursPerWeek')} />
      <SelectField
        id={`${idPrefix}-cc`}
        label={t('staff.costCentre')}
        value={form.costCentre}
        onChange={(costCentre) => setForm({ ...form, costCentre, formationPositionId: '' })}
        options={costCentres.map((cc) => ({ value: cc.code, label: `${cc.code} ${cc.name}` }))}
      />
      <SelectField
        id={`${idPrefix}-position`}
        label={t('staff.position')}
        {...bind('formationPositionId')}
        emptyOption={t('staff.noPosition')}
        options={onCostCentre.map((p) => ({ value: String(p.id), label: `${p.code} ${p.functionTitle}` }))}
      />
      <TextField id={`${idPrefix}-contract`} label={t('staff.contractType')} size={10} {...bind('contractType')} list="contract-types" />
      <datalist id="contract-types">
        <option value="Vast" />
        <option value="Tijdelijk" />
      </datalist>
    </>
  );
}

interface PersonText {
  personnelNumber: string;
  firstName: string;
  infix: string;
  lastName: string;
  startDate: string;
}

/** Who the employee is and since when, shared by "add employee" and "employment". */
function PersonFields<F extends PersonText>({ form, setForm, idPrefix }: { form: F; setForm(next: NoInfer<F>): void; idPrefix: string }) {
  const { t } = useTranslation();
  const bind = binder<PersonText>(form, (next) => setForm({ ...form, ...next }));
  return (
    <>
      <TextField id={`${idPrefix}-pn`} label={t('staff.personnelNumber')} required size={10} {...bind('personnelNumber')} />
      <TextField id={`${idPrefix}-first`} label={t('staff.firstName')} {...bind('firstName')} />
      <TextField id={`${idPrefix}-infix`} label={t('staff.infix')} size={8} {...bind('infix')} />
      <TextField id={`${idPrefix}-last`} label={t('staff.lastName')} required {...bind('lastName')} />
      <DateTextField id={`${idPrefix}-start`} label={t('staff.startDate')} required {...bind('startDate')} />
    </>
  );
}

export function AddEmployeeForm({ costCentres, positions, onAdded }: { costCentres: CostCentre[]; positions: PositionView[]; onAdded(id: number): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const empty = { personnelNumber: '', firstName: '', infix: '', lastName: '', startDate: '' };
  const [person, setPerson] = useState(empty);
  const [terms, setTerms] = useState<TermsText>(termsText(null, costCentres[0]?.code ?? ''));
  const action = useFormAction();
  useEffect(() => {
    if (!terms.costCentre && costCentres[0]) setTerms((f) => ({ ...f, costCentre: costCentres[0].code }));
  }, [costCentres, terms.costCentre]);

  const submit = () =>
    action.run(async () => {
      const startDate = valid(checkDate(t('staff.startDate'), person.startDate)) as string;
      const values = valid(readTerms(t, terms));
      const created = await api.staff.createEmployee({ ...person, startDate, terms: values });
      status.info(t('staff.added', { name: created.displayName }));
      setPerson(empty);
      onAdded(created.id);
    });

  return (
    <details className="card">
      <summary>{t('staff.add')}</summary>
      <Form submitAction={action} layout="inline" onSubmit={submit} aria-label={t('staff.add')}>
        <PersonFields form={person} setForm={setPerson} idPrefix="add" />
        <TermsFields form={terms} setForm={setTerms} costCentres={costCentres} positions={positions} idPrefix="add" />
        <button type="submit" className="primary">
          {t('app.add')}
        </button>
        <FormError message={action.error} />
      </Form>
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
  const action = useFormAction();
  useEffect(() => setForm(initial), [initial]);

  const submit = () =>
    action.run(async () => {
      const date = valid(checkDate(t('staff.validFrom'), validFrom)) as string;
      const values = valid(readTerms(t, form));
      const before = readTerms(t, initial);
      const patch: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(values)) {
        if (!before.ok || before.value[key as keyof TermsValues] !== value) patch[key] = value;
      }
      if (Object.keys(patch).length === 0) throw new FormProblem(t('staff.nothingChanged'));
      await api.staff.changeTerms({ employeeId: employee.id, validFrom: date, patch });
      status.info(t('staff.termsChanged', { name: employee.displayName, date: formatDate(date) }));
      setValidFrom('');
      onChanged();
    });

  if (readOnly) return null;
  return (
    <Form submitAction={action} layout="inline" onSubmit={submit} aria-labelledby="change-terms-title">
      <h3 id="change-terms-title" className="form-title">
        {t('staff.changeTitle')}
      </h3>
      <p className="hint form-title">{t('staff.changeHint')}</p>
      <DateTextField id="change-from" label={t('staff.validFrom')} required value={validFrom} onChange={setValidFrom} />
      <TermsFields form={form} setForm={setForm} costCentres={costCentres} positions={positions} idPrefix="change" />
      <button type="submit" className="primary">
        {t('staff.saveChange')}
      </button>
      <FormError message={action.error} />
    </Form>
  );
}

export function EmploymentForm({ employee, readOnly, onChanged }: { employee: EmployeeDetail; readOnly: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [person, setPerson] = useState({ personnelNumber: '', firstName: '', infix: '', lastName: '', startDate: '', endDate: '' });
  const action = useFormAction();
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

  const submit = () =>
    action.run(async () => {
      const startDate = valid(checkDate(t('staff.startDate'), person.startDate)) as string;
      const endDate = valid(checkDate(t('staff.endDate'), person.endDate, false));
      const updated = await api.staff.updateEmployee({
        id: employee.id,
        patch: { personnelNumber: person.personnelNumber, firstName: person.firstName, infix: person.infix, lastName: person.lastName, startDate, endDate },
      });
      status.info(updated.endDate ? t('staff.endSaved', { name: updated.displayName, date: formatDate(updated.endDate) }) : t('app.saved'));
      onChanged();
    });

  if (readOnly) return null;
  return (
    <Form submitAction={action} layout="inline" onSubmit={submit} aria-labelledby="employment-title">
      <h3 id="employment-title" className="form-title">
        {t('staff.employmentTitle')}
      </h3>
      <PersonFields form={person} setForm={setPerson} idPrefix="emp" />
      <DateTextField id="emp-end" label={t('staff.endDate')} value={person.endDate} onChange={(endDate) => setPerson({ ...person, endDate })} aria-describedby="emp-end-hint" />
      <button type="submit">{t('app.save')}</button>
      <p id="emp-end-hint" className="hint form-title">
        {t('staff.endHint')}
      </p>
      <FormError message={action.error} />
    </Form>
  );
}
