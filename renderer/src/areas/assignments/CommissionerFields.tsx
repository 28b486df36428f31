import { useTranslation } from 'react-i18next';
import { binder, TextField } from '../../components/forms.tsx';

interface Commissioners {
  officialCommissioner: string;
  administrativeCommissioner: string;
}

/** Who steers the assignment (ambtelijk and bestuurlijk opdrachtgever), as added and as edited. */
export function CommissionerFields<F extends Commissioners>({ idPrefix, form, setForm, children }: { idPrefix: string; form: F; setForm(next: NoInfer<F>): void; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const bind = binder<Commissioners>(form, (next) => setForm({ ...form, ...next }));
  return (
    <div className="field-row">
      <TextField id={`${idPrefix}-official`} label={t('assignments.officialCommissioner')} className="grow" {...bind('officialCommissioner')} />
      <TextField id={`${idPrefix}-administrative`} label={t('assignments.administrativeCommissioner')} className="grow" {...bind('administrativeCommissioner')} />
      {children}
    </div>
  );
}
