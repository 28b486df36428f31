import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BottleneckCategory, BottleneckDetail, Level } from '../../../../shared/domain/bottlenecks/types.ts';
import { api } from '../../api/client.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { binder, DateTextField, Form, FormError, TextAreaField, TextField, useFormAction } from '../../components/forms.tsx';
import { checkDate, todayIso, valid } from '../../components/form-values.ts';
import { useStatus } from '../../components/Status.tsx';
import { ClassificationFields } from './ClassificationFields.tsx';

export function CreateForm({ onCreated }: { onCreated: (created: BottleneckDetail) => void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const empty = { title: '', description: '', category: 'werkproces' as BottleneckCategory, impact: 'middel' as Level, urgency: 'middel' as Level, signalledOn: formatDate(todayIso()), owner: '', proposedSolution: '' };
  const [form, setForm] = useState(empty);
  const action = useFormAction();
  const bind = binder(form, setForm);

  const submit = () =>
    action.run(async () => {
      const signalledOn = valid(checkDate(t('bottlenecks.signalledOn'), form.signalledOn))!;
      const created = await api.bottlenecks.create({ ...form, signalledOn });
      status.info(t('bottlenecks.created', { identifier: created.identifier }));
      setForm(empty);
      onCreated(created);
    });

  return (
    <details className="card">
      <summary>{t('bottlenecks.add')}</summary>
      <Form submitAction={action} layout="stacked" onSubmit={submit} noValidate>
        <TextField id="bn-title" label={t('bottlenecks.titleField')} required {...bind('title')} maxLength={200} />
        <TextAreaField id="bn-description" label={t('bottlenecks.description')} rows={3} {...bind('description')} />
        <div className="field-row">
          <ClassificationFields idPrefix="bn" form={form} setForm={setForm} />
          <DateTextField id="bn-signalled" label={t('bottlenecks.signalledOn')} required {...bind('signalledOn')} />
          <TextField id="bn-owner" label={t('bottlenecks.owner')} className="grow" {...bind('owner')} />
        </div>
        <TextAreaField id="bn-solution" label={t('bottlenecks.proposedSolution')} rows={2} {...bind('proposedSolution')} />
        <FormError message={action.error} />
        <button type="submit" className="primary">
          {t('bottlenecks.create')}
        </button>
      </Form>
    </details>
  );
}
