import { formatPeriod } from '../../../shared/format/nl.ts';
import { CATEGORY_LABELS, ESCALATION_LABELS, isReportable, LEVEL_LABELS, STATUS_LABELS } from '../../../shared/domain/bottlenecks/rules.ts';
import type { BottleneckStatus, EscalationTarget } from '../../../shared/domain/bottlenecks/types.ts';
import type { ReportColumn, ReportValue } from '../management-report/model.ts';
import type { ManagementReportSectionProvider } from '../management-report/registry.ts';

interface StateAtEnd {
  status: BottleneckStatus;
  escalatedTo: EscalationTarget | null;
  escalatedDepartment: string | null;
}

/**
 * Bottlenecks that ran during the quarter, each with its status at the quarter's end taken from the
 * status history, and decisions taken by then. Cases above "intern" confidentiality are listed
 * without title and decision.
 * Owners are persons: only with names included.
 */
export const bottleneckReportSection: ManagementReportSectionProvider = {
  key: 'bottlenecks',
  order: 50,
  build(wb, { period, includeNames }) {
    const cases = wb.all(
      wb.db
        .selectFrom('bottleneck')
        .selectAll()
        .where('signalled_on', '<=', period.end)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', period.start)]))
        .orderBy('identifier'),
    );
    const history = wb.all(wb.db.selectFrom('bottleneck_status_change').selectAll().orderBy('id'));
    const stateAtEnd = new Map<number, StateAtEnd>();
    for (const change of history) {
      const known = stateAtEnd.has(change.bottleneck_id);
      // In recording order, the last change that took effect by the quarter's end; the first entry always
      // counts, so a case imported with its status (and only that) shows that status.
      if (known && change.effective_date > period.end) continue;
      stateAtEnd.set(change.bottleneck_id, { status: change.to_status, escalatedTo: change.escalated_to, escalatedDepartment: change.escalated_department });
    }
    // Fallback for a case without history; every case has one, but a report must never fail on it.
    const stateOf = (c: (typeof cases)[number]): StateAtEnd => stateAtEnd.get(c.id) ?? { status: c.status, escalatedTo: c.escalated_to, escalatedDepartment: c.escalated_department };

    const signalledInQuarter = cases.filter((c) => c.signalled_on >= period.start).length;
    const counts: Record<BottleneckStatus, number> = { open: 0, in_behandeling: 0, geescaleerd: 0, opgelost: 0, vervallen: 0 };
    for (const c of cases) counts[stateOf(c).status] += 1;

    const columns: ReportColumn[] = [
      { title: 'Kenmerk', type: 'text', width: 1.05 },
      { title: 'Titel', type: 'text', width: 2.4 },
      { title: 'Categorie', type: 'text', width: 1.1 },
      { title: 'Impact / urgentie', type: 'text', width: 0.9 },
      { title: 'Gesignaleerd', type: 'date', width: 0.85 },
      { title: `Status op ${period.end.split('-').reverse().join('-')}`, type: 'text', width: 1 },
      { title: 'Geëscaleerd naar', type: 'text', width: 1 },
      { title: 'Besluit', type: 'text', width: 2.2 },
    ];
    if (includeNames) columns.push({ title: 'Eigenaar', type: 'text', width: 1 });
    const rows = cases.map((c): ReportValue[] => {
      const state = stateOf(c);
      const open = isReportable(c.confidentiality);
      const escalation = state.escalatedTo ? `${ESCALATION_LABELS[state.escalatedTo]}${state.escalatedDepartment ? ` ${state.escalatedDepartment}` : ''}` : '';
      const row: ReportValue[] = [
        c.identifier,
        open ? c.title : '(vertrouwelijk)',
        CATEGORY_LABELS[c.category],
        `${LEVEL_LABELS[c.impact]} / ${LEVEL_LABELS[c.urgency]}`,
        c.signalled_on,
        STATUS_LABELS[state.status],
        state.status === 'geescaleerd' ? escalation : '',
        // A decision taken after the quarter was not known at its end.
        open && (c.decision_date === null || c.decision_date <= period.end) ? c.decision : '',
      ];
      if (includeNames) row.push(c.owner);
      return row;
    });
    return {
      key: 'bottlenecks',
      title: 'Knelpunten',
      blocks: [
        {
          kind: 'keyFigures',
          title: `Knelpunten in ${formatPeriod(period.code)}`,
          items: [
            { label: 'Nieuw gesignaleerd', value: signalledInQuarter, type: 'integer' },
            { label: 'Open', value: counts.open, type: 'integer' },
            { label: 'In behandeling', value: counts.in_behandeling, type: 'integer' },
            { label: 'Geëscaleerd', value: counts.geescaleerd, type: 'integer' },
            { label: 'Opgelost', value: counts.opgelost, type: 'integer' },
            { label: 'Vervallen', value: counts.vervallen, type: 'integer' },
          ],
        },
        { kind: 'table', title: 'Knelpunten met status', columns, rows, emptyText: 'Geen knelpunten in dit kwartaal.' },
      ],
    };
  },
};
