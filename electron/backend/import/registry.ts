import { ApiError } from '../../../shared/api/errors.ts';
import type { ImporterDefinition } from './importer.ts';

const importers = new Map<string, ImporterDefinition>();

/** Each area registers its importers once, at start-up (see electron/backend/areas.ts). */
export function registerImporter(definition: ImporterDefinition): void {
  importers.set(definition.kind, definition);
}

export function getImporter(kind: string): ImporterDefinition {
  const importer = importers.get(kind);
  if (!importer) {
    throw new ApiError('invalid_input', `Onbekend soort import "${kind}". Mogelijk: ${[...importers.keys()].join(', ')}.`);
  }
  return importer;
}

export function importerKinds(): string[] {
  return [...importers.keys()];
}
