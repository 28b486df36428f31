import type { LinkRelation } from './types.ts';

/**
 * Links across departments (domain.md §8): a department's open bottlenecks and assignments that name
 * other departments travel in its packages (section `links`: codes and titles, no personal data), and
 * the central workbooks bring them together, so that one problem signalled by three departments
 * surfaces once instead of three times on three islands.
 */

/** One item as a department sends it (the package's `links` section). */
export interface CrossDepartmentItem {
  source: 'bottleneck' | 'assignment';
  /** Bottleneck identifier (KNP-2027-0007) or assignment code. */
  id: string;
  title: string;
  /** Category of a bottleneck or kind of an assignment, in Dutch. */
  type: string;
  status: string;
  departments: Array<{ code: string; relation: LinkRelation }>;
}

export interface SharedLinkItem extends Omit<CrossDepartmentItem, 'departments'> {
  /** The department that sent it. */
  fromDepartment: string;
  fromName: string;
  /** How the sender relates to the group's department. */
  relation: LinkRelation;
  /** Every department the item names. */
  names: string[];
  period: string;
}

/** All items that name one department: the problem that department shares with the others. */
export interface SharedLinkGroup {
  department: string;
  /** Its name where the central workbook knows it. */
  name: string | null;
  /** The departments that name it, sorted. */
  namedBy: string[];
  items: SharedLinkItem[];
}

export interface SharedLinks {
  kind: 'finance-summary' | 'hr-summary';
  /** The period asked for; null: each department's latest package. */
  period: string | null;
  /** Packages read, per department with the period used. */
  packages: Array<{ department: string; period: string; sequence: number; items: number }>;
  groups: SharedLinkGroup[];
}

export interface SenderPackage {
  department: string;
  name: string;
  period: string;
  items: CrossDepartmentItem[];
}

/**
 * Groups the items by each department they name. A group's size is the number of departments naming it,
 * so the department three others depend on comes first. Items the sender names itself in are ignored.
 */
export function groupSharedLinks(packages: SenderPackage[], names: ReadonlyMap<string, string>): SharedLinkGroup[] {
  const groups = new Map<string, SharedLinkGroup>();
  for (const pkg of packages) {
    for (const item of pkg.items) {
      const named = item.departments.filter((d) => d.code !== pkg.department);
      for (const target of named) {
        const group = groups.get(target.code) ?? { department: target.code, name: names.get(target.code) ?? null, namedBy: [], items: [] };
        groups.set(target.code, group);
        if (!group.namedBy.includes(pkg.department)) group.namedBy.push(pkg.department);
        group.items.push({
          source: item.source,
          id: item.id,
          title: item.title,
          type: item.type,
          status: item.status,
          fromDepartment: pkg.department,
          fromName: pkg.name,
          relation: target.relation,
          names: named.map((d) => d.code),
          period: pkg.period,
        });
      }
    }
  }
  for (const group of groups.values()) {
    group.namedBy.sort();
    group.items.sort((a, b) => a.fromDepartment.localeCompare(b.fromDepartment) || a.source.localeCompare(b.source) || a.id.localeCompare(b.id));
  }
  return [...groups.values()].sort((a, b) => b.namedBy.length - a.namedBy.length || b.items.length - a.items.length || a.department.localeCompare(b.department));
}
