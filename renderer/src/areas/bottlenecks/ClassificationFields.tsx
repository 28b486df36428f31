import { useTranslation } from 'react-i18next';
import { CATEGORIES, LEVELS, type BottleneckCategory, type Level } from '../../../../shared/domain/bottlenecks/types.ts';
import { binder, choices, SelectField } from '../../components/forms.tsx';

export interface Classification {
  category: BottleneckCategory;
  impact: Level;
  urgency: Level;
}

/** Category, impact and urgency: how a bottleneck is classified when it is added and when it is edited. */
export function ClassificationFields<F extends Classification>({ idPrefix, form, setForm }: { idPrefix: string; form: F; setForm(next: NoInfer<F>): void }) {
  const { t } = useTranslation();
  const bind = binder<Classification>(form, (next) => setForm({ ...form, ...next }));
  const levels = choices(LEVELS, (l) => t(`bottlenecks.levels.${l}`));
  return (
    <>
      <SelectField id={`${idPrefix}-category`} label={t('bottlenecks.category')} options={choices(CATEGORIES, (c) => t(`bottlenecks.categories.${c}`))} {...bind('category')} />
      <SelectField id={`${idPrefix}-impact`} label={t('bottlenecks.impact')} options={levels} {...bind('impact')} />
      <SelectField id={`${idPrefix}-urgency`} label={t('bottlenecks.urgency')} options={levels} {...bind('urgency')} />
    </>
  );
}
