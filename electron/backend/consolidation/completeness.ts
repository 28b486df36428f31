import { DELIVERY_STATUSES, type CentralPackage, type Completeness, type CompletenessCell, type DeliveryStatus, type Review } from '../../../shared/exchange/central.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { centralPackageKind, listPeriods, requireCentral } from './registry.ts';

export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

type ReviewRow = { id: number; package_id: number; status: 'reviewed' | 'question'; note: string; at: string; actor: string };

function toReview(r: ReviewRow): Review {
  return { id: r.id, packageId: r.package_id, status: r.status, note: r.note, at: r.at, actor: r.actor };
}

/** The latest review of each package. */
export function latestReviews(wb: Workbook, packageIds: number[]): Map<number, Review> {
  const map = new Map<number, Review>();
  if (packageIds.length === 0) return map;
  const rows = wb.all(wb.db.selectFrom('central_review').selectAll().where('package_id', 'in', packageIds).orderBy('id')) as ReviewRow[];
  for (const row of rows) map.set(row.package_id, toReview(row));
  return map;
}

export function reviewsOf(wb: Workbook, packageId: number): Review[] {
  return (wb.all(wb.db.selectFrom('central_review').selectAll().where('package_id', '=', packageId).orderBy('id', 'desc')) as ReviewRow[]).map(toReview);
}

/** Lateness is judged by the department's own signed createdAt (its local date in UTC), not by when central imported. */
function deliveryStatus(dueDate: string | null, asOf: string, current: { sequence: number } | undefined, versions: number, firstCreatedAt: string | null): DeliveryStatus {
  if (!current) return dueDate !== null && asOf > dueDate ? 'missing' : 'pending';
  if (dueDate !== null && firstCreatedAt !== null && firstCreatedAt.slice(0, 10) > dueDate) return 'late';
  return versions > 1 ? 'superseded' : 'delivered';
}

/**
 * The completeness matrix: every expected department × period, plus any pair that has packages
 * though it is no longer expected. `asOf` (default today) decides whether an open period is pending
 * or missing.
 */
export function completeness(wb: Workbook, options: { asOf?: string; period?: string } = {}): Completeness {
  requireCentral(wb);
  const kind = centralPackageKind(wb);
  const asOf = options.asOf ?? todayIso();
  let periods = listPeriods(wb);
  if (options.period) periods = periods.filter((p) => p.period === options.period);
  const dueDates = new Map(periods.map((p) => [p.period, p.dueDate]));
  const departments = wb.all(wb.db.selectFrom('central_department').select(['code', 'name']).orderBy('code'));
  let expected = wb.all(wb.db.selectFrom('central_expected').select(['department_code', 'period']));
  let packages = wb.all(wb.db.selectFrom('central_package').select(['id', 'department_code', 'period', 'sequence', 'status', 'created_at', 'imported_at']).where('kind', '=', kind));
  if (options.period) {
    expected = expected.filter((e) => e.period === options.period);
    packages = packages.filter((p) => p.period === options.period);
    if (!dueDates.has(options.period)) periods = [...periods, { period: options.period, dueDate: '' }];
  }
  const pairs = new Set([...expected.map((e) => `${e.department_code}|${e.period}`), ...packages.map((p) => `${p.department_code}|${p.period}`)]);
  const reviews = latestReviews(
    wb,
    packages.filter((p) => p.status === 'current').map((p) => p.id),
  );
  const cells: CompletenessCell[] = [];
  for (const pair of [...pairs].sort()) {
    const [department, period] = pair.split('|');
    const versions = packages.filter((p) => p.department_code === department && p.period === period).sort((a, b) => a.sequence - b.sequence);
    const current = versions.find((v) => v.status === 'current');
    const dueDate = dueDates.get(period) || null;
    const firstCreatedAt = versions[0]?.created_at ?? null;
    cells.push({
      department,
      period,
      status: deliveryStatus(dueDate, asOf, current, versions.length, firstCreatedAt),
      dueDate,
      packageId: current?.id ?? null,
      sequence: current?.sequence ?? null,
      versions: versions.length,
      createdAt: current?.created_at ?? null,
      firstCreatedAt,
      importedAt: current?.imported_at ?? null,
      review: current ? (reviews.get(current.id) ?? null) : null,
    });
  }
  const counts: Completeness['counts'] = {};
  for (const p of periods) {
    const inPeriod = cells.filter((c) => c.period === p.period);
    const tally = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, inPeriod.filter((c) => c.status === s).length])) as Record<DeliveryStatus, number>;
    counts[p.period] = { ...tally, expected: inPeriod.length };
  }
  return { kind, asOf, periods: periods.filter((p) => p.dueDate !== '' || cells.some((c) => c.period === p.period)), departments, cells, counts };
}

export function listPackages(wb: Workbook, filter: { department?: string; period?: string; includeSuperseded: boolean }): CentralPackage[] {
  requireCentral(wb);
  let query = wb.db.selectFrom('central_package').select(['id', 'department_code', 'kind', 'period', 'sequence', 'status', 'created_at', 'imported_at', 'imported_by', 'file_name', 'key_fingerprint', 'payload_sha256', 'superseded_by']);
  if (filter.department) query = query.where('department_code', '=', filter.department);
  if (filter.period) query = query.where('period', '=', filter.period);
  if (!filter.includeSuperseded) query = query.where('status', '=', 'current');
  const rows = wb.all(query.orderBy('period').orderBy('department_code').orderBy('sequence', 'desc'));
  const reviews = latestReviews(
    wb,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    department: r.department_code,
    kind: r.kind,
    period: r.period,
    sequence: r.sequence,
    status: r.status,
    createdAt: r.created_at,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    fileName: r.file_name,
    keyFingerprint: r.key_fingerprint,
    payloadSha256: r.payload_sha256,
    supersededBy: r.superseded_by,
    review: reviews.get(r.id) ?? null,
  }));
}
