import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, LEVELS, type BottleneckCategory, type BottleneckDetail, type Level } from '../../../../shared/domain/bottlenecks/types.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage } from '../../components/useApi.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function CreateForm({ onCreated }: { onCreated: (created: BottleneckDetail) => void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const empty = { title: '', description: '', category: 'werkproces' as BottleneckCategory, impact: 'middel' as Level, urgency: 'middel' as Level, signalledOn: today(), owner: '', proposedSolution: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const created = await api.bottlenecks.create(form);
      status.info(t('bottlenecks.created', { identifier: created.identifier }));
      setForm(empty);
      onCreated(created);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <details className="card">
      <summary>{t('bottlenecks.add')}</summary>
      <form onSubmit={submit} className="stacked-form" noValidate>
        <div className="field">
          <label htmlFor="bn-title">{t('bottlenecks.titleField')}</label>
          <input id="bn-title" required value={form.title} onChange={set('title')} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="bn-description">{t('bottlenecks.description')}</label>
          <textarea id="bn-description" rows={3} value={form.description} onChange={set('description')} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="bn-category">{t('bottlenecks.category')}</label>
            <select id="bn-category" value={form.category} onChange={set('category')}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`bottlenecks.categories.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="bn-impact">{t('bottlenecks.impact')}</label>
            <select id="bn-impact" value={form.impact} onChange={set('impact')}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`bottlenecks.levels.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="bn-urgency">{t('bottlenecks.urgency')}</label>
            <select id="bn-urgency" value={form.urgency} onChange={set('urgency')}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`bottlenecks.levels.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="bn-signalled">{t('bottlenecks.signalledOn')}</label>
            <input id="bn-signalled" type="date" required value={form.signalledOn} onChange={set('signalledOn')} />
          </div>
          <div className="field grow">
            <label htmlFor="bn-owner">{t('bottlenecks.owner')}</label>
            <input id="bn-owner" value={form.owner} onChange={set('owner')} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="bn-solution">{t('bottlenecks.proposedSolution')}</label>
          <textarea id="bn-solution" rows={2} value={form.proposedSolution} onChange={set('proposedSolution')} />
        </div>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          {t('bottlenecks.create')}
        </button>
      </form>
    </details>
  );
}
