import type { Period } from '../../../shared/domain/period.ts';
import { CATEGORY_LABELS, isReportable, STATUS_LABELS } from '../../../shared/domain/bottlenecks/rules.ts';
import type { EscalationTarget } from '../../../shared/domain/bottlenecks/types.ts';
import type { Bottleneck } from '../../../shared/exchange/schema.ts';
import type { PackageSection } from '../exchange/sections.ts';
import type { Workbook } from '../workbook/workbook.ts';

/**
 * Bottlenecks escalated to the receiver of a package: finance gets those escalated to financiën, HR
 * those escalated to HR. A case counts when it stands escalated to them at the period's end. Cases above
 * "intern" confidentiality travel without title text or summary, as in the management report.
 */
export function escalatedBottlenecks(wb: Workbook, period: Period, target: EscalationTarget): Bottleneck[] {
  const cases = wb.all(
    wb.db
      .selectFrom('bottleneck')
      .selectAll()
      .where('signalled_on', '<=', period.end)
      .where('archived_at', 'is', null)
      .orderBy('identifier'),
  );
  const result: Bottleneck[] = [];
  for (const c of cases) {
    const changes = wb.all(
      wb.db
        .selectFrom('bottleneck_status_change')
        .select(['to_status', 'effective_date', 'escalated_to'])
        .where('bottleneck_id', '=', c.id)
        .where('effective_date', '<=', period.end)
        .orderBy('effective_date')
        .orderBy('id'),
    );
    const last = changes[changes.length - 1];
    const status = last?.to_status ?? c.status;
    const escalatedTo = last ? last.escalated_to : c.escalated_to;
    if (status !== 'geescaleerd' || escalatedTo !== target) continue;
    const reportable = isReportable(c.confidentiality);
    const departments = wb.all(
      wb.db.selectFrom('bottleneck_link').select('link_key').where('bottleneck_id', '=', c.id).where('link_type', '=', 'department').where('removed_at', 'is', null),
    );
    result.push({
      id: c.identifier,
      title: reportable ? c.title : `(${c.confidentiality.replace('_', ' ')})`,
      type: CATEGORY_LABELS[c.category],
      status: STATUS_LABELS[status],
      startDate: c.signalled_on,
      escalatedOn: last?.effective_date ?? null,
      summary: reportable ? (c.proposed_solution || c.description).slice(0, 4000) : '',
      financialImpactCents: null,
      otherDepartments: [...new Set(departments.map((d) => d.link_key.toUpperCase()))],
    });
  }
  return result;
}

/** Nothing escalated: the section is left out, as every optional section is when there is nothing to report. */
function section(target: EscalationTarget) {
  return (wb: Workbook, period: Period) => {
    const cases = escalatedBottlenecks(wb, period, target);
    return cases.length > 0 ? cases : undefined;
  };
}

export const bottleneckPackageSections: PackageSection[] = [
  { kind: 'finance-summary', key: 'bottlenecks', area: 'knelpunten', build: section('financien') },
  { kind: 'hr-summary', key: 'bottlenecks', area: 'knelpunten', build: section('hr') },
];
