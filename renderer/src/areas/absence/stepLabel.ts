import type { TFunction } from 'i18next';
import type { ScheduledStep } from '../../../../shared/domain/absence/poortwachter.ts';

/** The step's name in the user's language. */
export function stepLabel(t: TFunction, step: Pick<ScheduledStep, 'milestone' | 'sequence'> | { key: string }): string {
  const key = 'key' in step ? step.key : step.milestone === 'evaluation' ? `evaluation-${step.sequence}` : step.milestone;
  const evaluation = /^evaluation-(\d+)$/.exec(key);
  if (evaluation) return t('poortwachter.evaluation', { n: evaluation[1] });
  return t(`poortwachter.milestones.${key}`);
}

export function daysText(t: TFunction, daysLeft: number): string {
  if (daysLeft < 0) return t('poortwachter.daysLate', { count: -daysLeft });
  if (daysLeft === 0) return t('poortwachter.today');
  return t('poortwachter.daysLeft', { count: daysLeft });
}
