import { bottleneckOverview } from '../../../shared/domain/overview/figures.ts';
import type { BottleneckOverviewData, Highlight } from '../../../shared/domain/overview/types.ts';
import type { OverviewSectionProvider } from '../overview/registry.ts';
import { listBottlenecks } from './service.ts';
import { tr } from '../words.ts';

export function bottleneckHighlights(data: BottleneckOverviewData): Highlight[] {
  const highlights: Highlight[] = [];
  if (data.escalatedCount > 0) highlights.push({ level: 'attention', text: tr('signals.escalated', { count: data.escalatedCount }), route: 'bottlenecks?status=geescaleerd' });
  const urgent = data.active.filter((b) => b.priority === 9);
  for (const b of urgent) highlights.push({ level: 'alert', text: tr('signals.urgentBottleneck', { identifier: b.identifier, title: b.title }), route: `bottlenecks?id=${b.id}` });
  return highlights;
}

export const bottleneckOverviewSection: OverviewSectionProvider = {
  key: 'bottlenecks',
  order: 50,
  workbookKinds: ['department'],
  build(wb, ctx) {
    const data = bottleneckOverview(listBottlenecks(wb), ctx.asOf);
    return { key: 'bottlenecks', title: tr('overviewSections.bottlenecks'), route: 'bottlenecks', highlights: bottleneckHighlights(data), data };
  },
};
