import type { importApi } from '../../../shared/api/imports.ts';
import type { Handlers } from '../router.ts';
import { runImport } from './pipeline.ts';
import { getImporter } from './registry.ts';

export const importHandlers: Handlers<typeof importApi> = {
  'import.preview': (input, ctx) =>
    runImport(ctx.wb(), getImporter(input.kind), { source: input.source, mapping: input.mapping, dialect: input.dialect, options: input.options, dryRun: true, previewRows: input.previewRows, progress: ctx.progress }),
  'import.commit': async (input, ctx) => {
    const { rows: _rows, columns: _columns, fields: _fields, missingFields: _missing, totalRows: _total, ...result } = await runImport(ctx.wb(), getImporter(input.kind), {
      source: input.source,
      mapping: input.mapping,
      dialect: input.dialect,
      options: input.options,
      dryRun: false,
      strict: input.strict,
      progress: ctx.progress,
    });
    return result;
  },
  'import.history': (_input, ctx) => {
    const wb = ctx.wb();
    return wb
      .all(wb.db.selectFrom('import_batch').select(['id', 'kind', 'file_name', 'imported_at', 'actor', 'result_json']).orderBy('id', 'desc').limit(200))
      .map((b) => ({ id: b.id, kind: b.kind, fileName: b.file_name, importedAt: b.imported_at, actor: b.actor, result: JSON.parse(b.result_json) as Record<string, number> }));
  },
};
