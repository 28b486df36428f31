import { parsePeriod } from '../../../shared/domain/period.ts';
import { groupSharedLinks, type CrossDepartmentItem, type SenderPackage, type SharedLinks } from '../../../shared/domain/assignments/shared-links.ts';
import { centralPackageKind, requireCentral } from '../consolidation/registry.ts';
import type { Workbook } from '../workbook/workbook.ts';

/**
 * "Gedeelde knelpunten en opdrachten" in a central (HR or finance) workbook: the `links` sections of the
 * departments' current packages, grouped by the department they name. With a period, the current package
 * of exactly that period per department; without, each department's latest package (the one whose
 * period ends last; of two ending on the same day, the one made last).
 */
export function sharedLinks(wb: Workbook, period?: string): SharedLinks {
  requireCentral(wb);
  const kind = centralPackageKind(wb);
  let query = wb.db
    .selectFrom('central_package as p')
    .innerJoin('central_department as d', 'd.code', 'p.department_code')
    .select(['p.department_code', 'p.period', 'p.sequence', 'p.created_at', 'p.envelope_json', 'd.name'])
    .where('p.kind', '=', kind)
    .where('p.status', '=', 'current')
    .where('d.active', '=', 1);
  if (period) query = query.where('p.period', '=', period);
  const rows = wb.all(query.orderBy('p.department_code'));
  const latest = new Map<string, (typeof rows)[number]>();
  const endOf = (code: string) => parsePeriod(code)?.end ?? '';
  for (const row of rows) {
    const known = latest.get(row.department_code);
    if (!known || endOf(row.period) > endOf(known.period) || (endOf(row.period) === endOf(known.period) && row.created_at > known.created_at)) latest.set(row.department_code, row);
  }
  const packages: SenderPackage[] = [];
  const read: SharedLinks['packages'] = [];
  for (const row of latest.values()) {
    const envelope = JSON.parse(row.envelope_json) as { payload: { links?: CrossDepartmentItem[] } };
    const items = envelope.payload.links ?? [];
    packages.push({ department: row.department_code, name: row.name, period: row.period, items });
    read.push({ department: row.department_code, period: row.period, sequence: row.sequence, items: items.length });
  }
  const names = new Map(wb.all(wb.db.selectFrom('central_department').select(['code', 'name'])).map((d) => [d.code, d.name]));
  return { kind, period: period ?? null, packages: read, groups: groupSharedLinks(packages, names) };
}
