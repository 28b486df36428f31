import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccupationView, PositionView } from '../../../../shared/domain/staff/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { Form, FormError, SelectField, useFormAction } from '../../components/forms.tsx';
import { formatFte } from './common.tsx';

interface Person {
  employeeId: number;
  name: string;
  personnelNumber: string;
  costCentre: string;
  /** What the form shows as the current choice: a linked position's id, 'none' or 'auto'. */
  current: string;
}

/**
 * Who fills no position on the peildatum (and why), and the form that corrects a match: another
 * position on the employee's cost centre, none, or back to matching by function and cost centre.
 */
export function PositionMatchPanel({ date, occupation, positions, readOnly, onSaved }: { date: string; occupation: OccupationView; positions: Array<Pick<PositionView, 'id' | 'code' | 'functionTitle' | 'costCentre' | 'status'>>; readOnly: boolean; onSaved(): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const action = useFormAction();
  const people: Person[] = [
    ...occupation.positions.flatMap((p) =>
      p.occupants.map((o) => ({ employeeId: o.employeeId, name: o.name, personnelNumber: o.personnelNumber, costCentre: p.costCentre, current: o.match === 'linked' ? String(p.positionId) : 'auto' })),
    ),
    ...occupation.unplaced.map((u) => ({ employeeId: u.employeeId, name: u.name, personnelNumber: u.personnelNumber, costCentre: u.costCentre, current: u.kind === 'none' ? 'none' : 'auto' })),
  ].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const [employeeId, setEmployeeId] = useState('');
  const person = people.find((p) => String(p.employeeId) === employeeId) ?? people[0];
  const [chosen, setChoice] = useState<string | null>(null);
  const choice = chosen ?? person?.current ?? 'auto';
  const options = person ? positions.filter((p) => p.costCentre === person.costCentre && p.status !== 'notValid') : [];

  const submit = () =>
    action.run(async () => {
      if (!person) return;
      const match = choice === 'auto' ? ({ kind: 'auto' } as const) : choice === 'none' ? ({ kind: 'none' } as const) : ({ kind: 'position', positionId: Number(choice) } as const);
      await api.formation.setMatch({ employeeId: person.employeeId, date, match });
      status.info(t('formation.match.saved', { name: person.name }));
      setChoice(null);
      onSaved();
    });

  return (
    <section className="card" aria-labelledby="match-title" data-testid="formation-match">
      <h2 id="match-title">{t('formation.match.unplacedTitle', { date: formatDate(date) })}</h2>
      {occupation.unplaced.length === 0 ? (
        <p>{t('formation.match.unplacedNone', { date: formatDate(date) })}</p>
      ) : (
        <ul data-testid="formation-unplaced">
          {occupation.unplaced.map((u) => (
            <li key={u.employeeId}>
              {u.name} ({u.personnelNumber}), {u.functionTitle || '–'}, {u.costCentre}, {formatFte(u.fte)} fte: {u.kind === 'none' ? t('formation.match.chosenNone') : u.unknownCode ? t('formation.match.unknownCode', { code: u.unknownCode, costCentre: u.costCentre }) : t('formation.match.unmatched', { costCentre: u.costCentre })}
              {!readOnly && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('formation.match.change', { name: u.name })}
                    onClick={() => {
                      setEmployeeId(String(u.employeeId));
                      setChoice(null);
                      document.getElementById('match-employee')?.focus();
                    }}
                  >
                    {t('formation.match.title')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && people.length > 0 && (
        <>
          <h3>{t('formation.match.title')}</h3>
          <p className="hint">{t('formation.match.intro')}</p>
          <Form layout="inline" onSubmit={submit} aria-label={t('formation.match.title')}>
            <SelectField
              id="match-employee"
              label={t('formation.match.employee')}
              value={person ? String(person.employeeId) : ''}
              onChange={(v) => {
                setEmployeeId(v);
                setChoice(null);
              }}
              options={people.map((p) => ({ value: String(p.employeeId), label: `${p.name} (${p.personnelNumber}, ${p.costCentre})` }))}
            />
            <SelectField
              id="match-position"
              label={t('formation.match.position')}
              value={choice}
              onChange={setChoice}
              options={[
                { value: 'auto', label: t('formation.match.auto') },
                { value: 'none', label: t('formation.match.none') },
                ...options.map((p) => ({ value: String(p.id), label: `${p.code} ${p.functionTitle}` })),
              ]}
            />
            <button type="submit" className="primary">
              {t('formation.match.save')}
            </button>
            <FormError message={action.error} />
          </Form>
        </>
      )}
    </section>
  );
}
