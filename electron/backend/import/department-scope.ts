import type { FieldSpec } from '../../../shared/import/types.ts';
import type { Workbook } from '../workbook/workbook.ts';
import type { RowOutcome } from './importer.ts';
import { RowRejection, type RowReader } from './row-reader.ts';

/**
 * Which rows of an organisation-wide file are the department's. A department head gets the ledger,
 * the roster or the absence list of the whole organisation; the rows of other departments are not
 * wrong, they are not hers: counted as "niet van deze afdeling", never rejected. A cost centre that
 * starts with her department code but is not in her list is probably hers and not yet registered: it
 * is counted apart, so she can add it (workbook.saveCostCentre takes exactly such codes) and import again.
 */
export type Scope = 'ours' | 'outside' | 'unregistered';

/** The cost centre column of a file whose rows need not have one (absence, bottlenecks, salary table). */
export const SCOPE_COST_CENTRE_FIELD: FieldSpec = {
  key: 'costCentre',
  label: 'Kostenplaats',
  type: 'text',
  required: false,
  synonyms: ['Kostenplaats', 'Kpl', 'Kostenplaatscode', 'Kostenplaats code', 'KPL-code', 'Kostenplaatsnummer', 'Cost centre', 'Cost center', 'Costcenter'],
};

/** The department column of an organisation-wide list: a code ("OR"), a name ("Openbare Ruimte") or both. */
export const SCOPE_DEPARTMENT_FIELD: FieldSpec = {
  key: 'department',
  label: 'Afdeling',
  type: 'text',
  required: false,
  synonyms: ['Afdeling', 'Afdelingscode', 'Afdelingsnaam', 'Afd', 'Organisatieonderdeel', 'Organisatie-eenheid', 'Department', 'Department code'],
};

/** Codes that workbook.saveCostCentre accepts. */
const CODE = /^[A-Z0-9._-]{1,20}$/;

export class DepartmentScope {
  private readonly active: Set<string>;
  private readonly code: string | null;
  private readonly name: string;
  /** The code at the start of a longer value: "OR - Openbare Ruimte", "OR Openbare Ruimte". */
  private readonly codeFirst: RegExp | null;

  constructor(wb: Workbook) {
    this.active = new Set(wb.departmentCostCentres());
    this.code = wb.meta.kind === 'department' && wb.meta.department_code ? wb.meta.department_code.toUpperCase() : null;
    this.name = (wb.meta.department_name ?? '').trim().toLowerCase();
    this.codeFirst = this.code === null ? null : new RegExp(`^${escape(this.code)}(?![A-Za-z0-9])`, 'i');
  }

  /** Whether the workbook has a department at all (central workbooks take every row). */
  get isDepartment(): boolean {
    return this.code !== null;
  }

  /** `code` upper case and trimmed, as the importers store codes. */
  costCentre(code: string): Scope {
    if (this.active.has(code)) return 'ours';
    if (this.code !== null && code.length > this.code.length && code.startsWith(this.code) && CODE.test(code)) return 'unregistered';
    return this.code === null ? 'ours' : 'outside';
  }

  /** "OR", "or", "Openbare Ruimte", "OR - Openbare Ruimte", "Afdeling Openbare Ruimte (OR)". */
  department(value: string): boolean {
    if (this.code === null) return true;
    const text = value.trim();
    const lower = text.toLowerCase();
    if (text.toUpperCase() === this.code) return true;
    if (this.codeFirst!.test(text) || text.toUpperCase().includes(`(${this.code})`)) return true;
    return this.name.length >= 3 && (lower === this.name || lower.includes(this.name));
  }

  /**
   * What the row's own cost centre or department column says; null when the file has neither (or the
   * row leaves it empty), so the importer decides from what else it knows.
   */
  ofRow(reader: RowReader): Scope | null {
    if (this.code === null) return null;
    if (reader.isMapped('costCentre') && reader.has('costCentre')) return this.costCentre(reader.text('costCentre').toUpperCase());
    if (reader.isMapped('department') && reader.has('department')) return this.department(reader.text('department')) ? 'ours' : 'outside';
    return null;
  }

  /** The outcome of a row that is not the department's. */
  outcome(scope: 'outside' | 'unregistered', cents: number, costCentre: string, costCentreName?: string): RowOutcome {
    return scope === 'outside' ? { status: 'outside', cents } : { status: 'unregistered', cents, costCentre, costCentreName: costCentreName || undefined };
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The amount of a row that is not the department's, for the total of such rows; 0 when it cannot be
 * read. Such a row is not checked further: a wrong value in another department's row is not hers to fix.
 */
export function amountOrZero(read: (reader: RowReader) => number, reader: RowReader): number {
  try {
    return read(reader);
  } catch (error) {
    if (error instanceof RowRejection) return 0;
    throw error;
  }
}
