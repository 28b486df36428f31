import { ApiError } from '../../../shared/api/errors.ts';
import type { Period } from '../../../shared/domain/period.ts';
import { PAYLOAD_SCHEMAS, type PackageKind } from '../../../shared/exchange/schema.ts';
import type { Workbook } from '../workbook/workbook.ts';

/**
 * A payload section of a package, provided by the area that owns the data (as report sections are).
 * The finance summary's budget lines come from the budget area; personnel costs from staff; external
 * hire from assignments; escalated bottlenecks from bottlenecks; the HR summary's staff list,
 * formation, absence cases, Poortwachter milestones and metrics from staff and absence.
 *
 * `build` returns the section's value exactly as the schema in shared/exchange/schema.ts describes
 * it, or undefined when the department has nothing to report (the key is then left out).
 */
export interface PackageSection {
  kind: PackageKind;
  /** The payload key it fills, e.g. "personnelCosts". */
  key: string;
  /** The area that provides it, named in error messages. */
  area: string;
  build(wb: Workbook, period: Period): unknown;
}

/** Sections without which a package of that kind says nothing useful: export is refused until they exist. */
export const REQUIRED_SECTIONS: Record<PackageKind, string[]> = {
  'finance-summary': ['basis', 'costCentres', 'lines'],
  'hr-summary': ['basis', 'staff'],
};

const registry: PackageSection[] = [];

/** Registers a section; returns a function that removes it again (tests). */
export function registerPackageSection(section: PackageSection): () => void {
  const schema = PAYLOAD_SCHEMAS[section.kind];
  if (!(section.key in schema.shape)) throw new Error(`Package section "${section.key}" is not part of the ${section.kind} format`);
  if (registry.some((s) => s.kind === section.kind && s.key === section.key)) throw new Error(`Package section ${section.kind}.${section.key} is registered twice`);
  registry.push(section);
  return () => {
    const index = registry.indexOf(section);
    if (index >= 0) registry.splice(index, 1);
  };
}

export function registeredSections(kind: PackageKind): string[] {
  return registry.filter((s) => s.kind === kind).map((s) => s.key);
}

const KIND_NAMES: Record<PackageKind, string> = { 'finance-summary': 'financiële samenvatting', 'hr-summary': 'HR-samenvatting' };

/** Required sections as a user knows them, for the message when one is empty. */
const SECTION_NAMES: Record<string, string> = {
  basis: 'de grondslag',
  costCentres: 'de kostenplaatsen',
  lines: 'de begrotingsregels',
  staff: 'medewerkers (niemand is in dienst in de periode: importeer het personeelsbestand of voer medewerkers in)',
};

/** Builds and validates the payload; a section that does not fit the format is a programming error, caught here rather than at central. */
export function buildPayload(wb: Workbook, kind: PackageKind, period: Period): { payload: Record<string, unknown>; sections: string[] } {
  const available = registeredSections(kind);
  const missing = REQUIRED_SECTIONS[kind].filter((key) => !available.includes(key));
  if (missing.length > 0) {
    throw new ApiError(
      'forbidden',
      `De ${KIND_NAMES[kind]} kan in deze versie van Werkboek nog niet worden gemaakt: de onderdelen ${missing.join(', ')} zijn nog niet beschikbaar.`,
      { missingSections: missing },
    );
  }
  const payload: Record<string, unknown> = {};
  for (const section of registry.filter((s) => s.kind === kind)) {
    const value = section.build(wb, period);
    if (value === undefined) continue;
    const check = PAYLOAD_SCHEMAS[kind].shape[section.key as never] as { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } };
    const result = check.safeParse(value);
    if (!result.success) {
      const issue = result.error!.issues[0];
      throw new ApiError('internal', `Onderdeel "${section.key}" (gebied ${section.area}) past niet in het pakketformaat: ${issue.path.join('.')}: ${issue.message}`);
    }
    payload[section.key] = value;
  }
  const missingNow = REQUIRED_SECTIONS[kind].filter((key) => !(key in payload));
  if (missingNow.length > 0) {
    throw new ApiError('conflict', `De ${KIND_NAMES[kind]} mist ${missingNow.map((key) => SECTION_NAMES[key] ?? key).join(', ')} voor ${period.code}; vul die eerst in het werkboek in.`, { missingSections: missingNow });
  }
  const full = PAYLOAD_SCHEMAS[kind].safeParse(payload);
  if (!full.success) throw new ApiError('internal', `De ${KIND_NAMES[kind]} past niet in het pakketformaat: ${full.error.issues[0].path.join('.')}: ${full.error.issues[0].message}`);
  return { payload, sections: Object.keys(payload) };
}
