import { ApiError } from '../../../shared/api/errors.ts';
import type { FieldSpec } from '../../../shared/import/types.ts';
import { HeaderMatcher, normaliseHeader } from '../../../shared/import/headers.ts';

export type Mapping = Record<string, string | null>;

/** Same columns in the same order = same source system: that is what a remembered profile is keyed on. */
export function headerSignature(kind: string, columns: string[]): string {
  return `${kind}:${columns.map(normaliseHeader).join('|')}`;
}

/** Each field to the column that names it best (see HeaderMatcher); null where no column does. */
export function autoMap(fields: FieldSpec[], columns: string[]): Mapping {
  const assigned = new HeaderMatcher(fields).assign(columns);
  const mapping: Mapping = {};
  fields.forEach((field, f) => {
    const index = assigned[f];
    mapping[field.key] = index === null ? null : columns[index];
  });
  return mapping;
}

/**
 * Applies a remembered profile, then what the user chose now. A column named in an override must
 * exist in the file: naming one that does not is the user's typo, and we say so.
 */
export function resolveMapping(fields: FieldSpec[], columns: string[], remembered: Mapping | null, overrides: Mapping | undefined, fileName: string): Mapping {
  const mapping = autoMap(fields, columns);
  const known = new Set(fields.map((f) => f.key));
  const columnByName = (name: string) => columns.find((c) => c === name) ?? columns.find((c) => normaliseHeader(c) === normaliseHeader(name));
  for (const source of [remembered ?? {}, overrides ?? {}]) {
    for (const [field, column] of Object.entries(source)) {
      if (!known.has(field)) {
        if (source === overrides) {
          throw new ApiError('invalid_input', `Onbekend veld "${field}" in de kolomtoewijzing. Bekende velden: ${[...known].join(', ')}.`);
        }
        continue;
      }
      if (column === null || column === '') {
        mapping[field] = null;
        continue;
      }
      const found = columnByName(column);
      if (!found) {
        if (source === overrides) {
          throw new ApiError('invalid_input', `Kolom "${column}" (voor veld ${field}) bestaat niet in ${fileName}. Kolommen in het bestand: ${columns.join(', ')}.`);
        }
        continue;
      }
      mapping[field] = found;
    }
  }
  return mapping;
}

/**
 * The fields whose column came from a remembered profile and not from the file's own header names: what
 * the user chose by hand for this source before. Empty when the header alone gives the same mapping.
 */
export function rememberedChoices(fields: FieldSpec[], columns: string[], remembered: Mapping | null, mapping: Mapping): Array<{ field: FieldSpec; column: string | null }> {
  if (!remembered) return [];
  const auto = autoMap(fields, columns);
  return fields
    .filter((field) => field.key in remembered && (mapping[field.key] ?? null) !== (auto[field.key] ?? null))
    .filter((field) => normaliseHeader(remembered[field.key] ?? '') === normaliseHeader(mapping[field.key] ?? ''))
    .map((field) => ({ field, column: mapping[field.key] ?? null }));
}

export function columnIndexes(mapping: Mapping, columns: string[]): Record<string, number> {
  const indexes: Record<string, number> = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (column !== null) indexes[field] = columns.indexOf(column);
  }
  return indexes;
}
