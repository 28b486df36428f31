import crypto from 'node:crypto';
import { ApiError } from '../../../shared/api/errors.ts';
import { formatDateTime } from '../../../shared/format/nl.ts';
import {
  MAX_REPORTED_REJECTIONS,
  type Dialect,
  type DialectOverrides,
  type FieldSpec,
  type ImportPreview,
  type ImportResult,
  type PreviewRow,
  type RowIssue,
  type TextEncodingName,
  type UnregisteredCostCentre,
} from '../../../shared/import/types.ts';
import { decideDecimalMark, parseAmountCents, type DateOrder, type DecimalMark } from '../../../shared/import/values.ts';
import type { ProgressReporter } from '../progress.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import Papa from 'papaparse';
import { forEachCsvRecord, RUN_ON_LIMIT, UndecodableText, type RunOnField } from './csv-records.ts';
import { findInvalidUtf8Line } from './invalid-utf8.ts';
import type { AcceptedStatus, ImporterDefinition, RowOutcome } from './importer.ts';
import { columnIndexes, headerSignature, rememberedChoices, resolveMapping, type Mapping } from './mapping.ts';
import { RowReader, RowRejection } from './row-reader.ts';
import { sniff, normaliseHeader, type HeadRecord } from './sniff.ts';
import { openImportSource, type ImportSourceInput } from './source.ts';
import { forEachXlsxRow } from './xlsx-records.ts';
import { closedYearRejection } from '../workbook/year-close.ts';

export interface ImportRequest {
  source: ImportSourceInput;
  mapping?: Mapping;
  dialect?: DialectOverrides;
  options?: Record<string, string>;
  dryRun: boolean;
  /** Refuse the whole file when any row is rejected. */
  strict?: boolean;
  previewRows?: number;
  progress?: ProgressReporter;
}

interface RememberedProfile {
  mapping: Mapping;
  decimalMark?: DecimalMark;
  dateOrder?: DateOrder;
  /** When it was saved (ISO), not part of the stored JSON. */
  savedAt?: string;
}

const TOTAL_LINE = /^(sub|eind)?tota(a)?l\b|^totals?\b|^saldo\b|^aantal (regels|records)/i;

function missingFields(importer: ImporterDefinition, mapping: Mapping): string[] {
  const missing = importer.fields.filter((f) => f.required && !mapping[f.key]).map((f) => f.key);
  const alternatives = importer.requiredAlternatives;
  // e.g. [["amount"], ["debit"], ["credit"]]: one full set must be mapped
  if (alternatives && !alternatives.some((set) => set.every((key) => mapping[key]))) {
    missing.push(alternatives.map((set) => set.join('+')).join(' of '));
  }
  return missing;
}

function fieldLabel(fields: FieldSpec[], key: string): string {
  return key
    .split(' of ')
    .map((alt) => alt.split('+').map((k) => fields.find((f) => f.key === k)?.label ?? k).join(' + '))
    .join(' of ');
}

/** Says that the columns were mapped as the user chose for a file with the same columns before, and which. */
function rememberedNote(importer: ImporterDefinition, columns: string[], remembered: RememberedProfile | null, mapping: Mapping): string[] {
  // In the file's order, as the user reads its header; fields left unused last.
  const position = (column: string | null) => (column === null ? columns.length : columns.indexOf(column));
  const choices = rememberedChoices(importer.fields, columns, remembered?.mapping ?? null, mapping).sort((a, b) => position(a.column) - position(b.column));
  if (choices.length === 0) return [];
  const when = remembered?.savedAt ? ` van ${formatDateTime(remembered.savedAt)}` : '';
  const list = choices.map(({ field, column }) => (column === null ? `${field.label}: niet gebruikt` : `${column} → ${field.label}`)).join(', ');
  return [`Kolommen toegewezen zoals bij de import${when} van een bestand met dezelfde kolommen: ${list}.`];
}

function loadProfile(wb: Workbook, signature: string): RememberedProfile | null {
  const row = wb.first(wb.db.selectFrom('import_profile').select(['profile_json', 'updated_at']).where('source_key', '=', signature));
  return row ? { ...(JSON.parse(row.profile_json) as RememberedProfile), savedAt: row.updated_at } : null;
}

function saveProfile(wb: Workbook, signature: string, kind: string, profile: RememberedProfile): void {
  const json = JSON.stringify(profile);
  wb.run(
    wb.db
      .insertInto('import_profile')
      .values({ source_key: signature, kind, profile_json: json, updated_at: nowIso() })
      .onConflict((oc) => oc.column('source_key').doUpdateSet({ profile_json: json, updated_at: nowIso() })),
  );
}

/** A CSV file turned out, after its head, not to be text in the encoding it was read in; the run was rolled back. */
class NotInEncoding extends Error {
  constructor(
    readonly encoding: TextEncodingName,
    readonly chosen: boolean,
    readonly columns: string[],
    readonly delimiter: string,
  ) {
    super(`not valid ${encoding}`);
  }
}

const ENCODING_NAMES: Record<TextEncodingName, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16' };

/**
 * Parse → classify → (dry run: roll back | commit), in one transaction. The preview is the same run
 * rolled back, so what the preview promises is exactly what the import does.
 *
 * The encoding is sniffed from the head of the file. When a later part is not UTF-8 after all, the run
 * is rolled back and the file read again as Windows-1252 (what Dutch finance systems write), unless
 * the user chose UTF-8 or the file already showed UTF-8 characters: then it is refused, never guessed.
 */
export async function runImport(wb: Workbook, importer: ImporterDefinition, request: ImportRequest): Promise<ImportPreview> {
  try {
    return await importOnce(wb, importer, request);
  } catch (error) {
    if (!(error instanceof NotInEncoding)) throw error;
    const source = openImportSource(request.source);
    if (error.encoding !== 'utf-8') {
      throw new ApiError('file_unreadable', `${source.fileName} bevat tekens die geen geldige ${ENCODING_NAMES[error.encoding]} zijn. Sla het bestand opnieuw op als CSV (UTF-8) en importeer opnieuw; er is niets geïmporteerd.`);
    }
    const found = await findInvalidUtf8Line(source);
    if (found && !found.utf8Before && !error.chosen) {
      return importOnce(wb, importer, { ...request, dialect: { ...request.dialect, encoding: 'windows-1252' } });
    }
    const where = found ? `regel ${found.line}${columnOfReplacement(found.text, error.delimiter, error.columns)}` : 'het einde van het bestand';
    const why = found?.utf8Before
      ? 'terwijl eerdere regels UTF-8-tekens bevatten: het bestand mengt twee coderingen, zodat niet vast te stellen is welke letters bedoeld zijn. Sla het bestand opnieuw op als CSV UTF-8 en importeer opnieuw'
      : 'terwijl als codering UTF-8 is gekozen. Kies de codering Windows-1252 (of laat Werkboek de codering bepalen), of sla het bestand opnieuw op als CSV UTF-8';
    throw new ApiError(
      'file_unreadable',
      `${source.fileName}, ${where}: tekens die geen UTF-8 zijn, ${why}. Er is niets geïmporteerd.`,
      found ? { line: found.line } : undefined,
    );
  }
}

/** ", kolom X" for the cell of a line that holds a replacement character, or '' when the line does not say. */
function columnOfReplacement(lineText: string, delimiter: string, columns: string[]): string {
  const cells = Papa.parse<string[]>(lineText.replace(/\r?\n$/, ''), { delimiter }).data[0] ?? [];
  const index = cells.findIndex((cell) => cell.includes('\uFFFD'));
  return index >= 0 && columns[index] ? `, kolom ${columns[index]}` : '';
}

/** Rejecting only the broken row would silently drop the rows its field swallowed: the whole file is refused. */
function runOnRefusal(fileName: string, columns: string[], field: RunOnField): ApiError {
  const column = columns[field.cellIndex] ? `, kolom ${columns[field.cellIndex]}` : '';
  const lines = field.swallowedLines === 1 ? 'de regel' : `de ${field.swallowedLines} regels`;
  const swallowed = field.cutShort
    ? `wordt in de ${Math.round(RUN_ON_LIMIT / 1024 / 1024)} MB daarna niet gesloten, zodat de rest van het bestand vanaf die regel als één veld zou worden gelezen; het lezen is daar gestopt`
    : field.toEnd
      ? `wordt nergens gesloten, zodat ${lines} daarna (tot het einde van het bestand) als één veld zouden worden gelezen`
      : `wordt niet goed gesloten, zodat ${lines} daarna (tot regel ${field.lastLine}) als één veld zouden worden gelezen`;
  return new ApiError(
    'file_unreadable',
    `${fileName}, regel ${field.openLine}${column}: het aanhalingsteken (") vóór "${field.excerpt}" ${swallowed}. Er is niets geïmporteerd. Sluit of verwijder het aanhalingsteken en importeer opnieuw.`,
    { line: field.openLine, column: columns[field.cellIndex], swallowedLines: field.swallowedLines },
  );
}

function decimalMarkQuestion(fileName: string, value: string, samples: HeadRecord[], amountFields: string[], indexes: Record<string, number>, mapping: Mapping): string {
  let where = '';
  for (const record of samples) {
    const field = amountFields.find((f) => record.cells[indexes[f]] === value);
    if (field) {
      where = ` (regel ${record.line}, kolom ${mapping[field]})`;
      break;
    }
  }
  const readings = parseAmountCents(value, ',', { markUndecided: true });
  const question = !readings.ok && /is dit [^?]+\?/.exec(readings.reason)?.[0];
  return `${fileName}: het decimaalteken is niet te bepalen. Geen bedrag in het bestand beslist of de komma of de punt het decimaalteken is, en "${value.trim()}"${where} kan twee dingen betekenen${question ? `: ${question}` : ''} Kies het decimaalteken bij de kolomtoewijzing (Decimaalteken: komma of punt; in de CLI --decimal-mark , of --decimal-mark .) en importeer opnieuw. Er is niets geïmporteerd.`;
}

async function importOnce(wb: Workbook, importer: ImporterDefinition, request: ImportRequest): Promise<ImportPreview> {
  wb.requireKind(...importer.workbookKinds);
  if (!request.dryRun) wb.requireWritable();
  const options = request.options ?? {};
  const unknownOptions = Object.keys(options).filter((key) => !(importer.options ?? []).includes(key));
  if (unknownOptions.length > 0) {
    throw new ApiError('invalid_input', `Onbekende optie ${unknownOptions.join(', ')} voor import van ${importer.title.toLowerCase()}. Mogelijk: ${(importer.options ?? []).join(', ') || 'geen'}.`);
  }
  const source = openImportSource(request.source);
  const progress = request.progress;
  progress?.report('Bestand herkennen', 0, source.size);

  const firstSniff = await sniff(source, importer.fields, request.dialect, importer.wideLayouts);
  const signature = headerSignature(importer.kind, firstSniff.columns);
  const remembered = loadProfile(wb, signature);
  const mapping = resolveMapping(importer.fields, firstSniff.columns, remembered?.mapping ?? null, request.mapping, source.fileName);
  // A matrix (the cao's salary table): each filled cell of a value column is one record. The row's key is
  // its column; the column's key and the cell come after the file's columns, as two virtual cells.
  const wide = firstSniff.wide ? { layout: firstSniff.wide.layout, plan: firstSniff.wide } : null;
  const width = firstSniff.columns.length;
  if (wide) {
    if (!request.mapping?.[wide.layout.rowField]) mapping[wide.layout.rowField] = firstSniff.columns[wide.plan.keyColumn];
    mapping[wide.layout.columnField] = null;
    mapping[wide.layout.valueField] = null;
  }
  const indexes = columnIndexes(mapping, firstSniff.columns);
  if (wide) {
    indexes[wide.layout.columnField] = width;
    indexes[wide.layout.valueField] = width + 1;
  }
  const amountFields = importer.amountFields.filter((f) => f in indexes);
  // Numeric XLSX cells need no decimal mark; only amounts written as text decide it.
  const amountSamples = wide
    ? firstSniff.sampleRecords.flatMap((r) => wide.plan.valueColumns.filter((v) => r.numbers?.[v.index] === undefined).map((v) => r.cells[v.index] ?? ''))
    : firstSniff.sampleRecords.flatMap((r) => amountFields.filter((f) => r.numbers?.[indexes[f]] === undefined).map((f) => r.cells[indexes[f]] ?? ''));
  const decision = decideDecimalMark(amountSamples);
  // What the user chose wins; then what this file's own amounts show (a source can change its export);
  // the mark remembered for this header only decides a file whose amounts do not.
  const chosenMark = request.dialect?.decimalMark ?? (decision.decided ? decision.mark : remembered?.decimalMark);
  const decimalMarkUndecided = chosenMark === undefined && !decision.decided;
  const dialect: Dialect = {
    ...firstSniff.dialect,
    decimalMark: chosenMark ?? decision.mark,
    dateOrder: request.dialect?.dateOrder ?? remembered?.dateOrder ?? 'dmy',
  };
  const missing = missingFields(importer, mapping).filter((key) => !wide || (key !== wide.layout.columnField && key !== wide.layout.valueField));

  const result: ImportPreview = {
    kind: importer.kind,
    file: source.fileName,
    dryRun: request.dryRun,
    imported: 0,
    duplicates: 0,
    updated: 0,
    outsideDepartment: 0,
    unregistered: 0,
    unregisteredCostCentres: [],
    rejected: [],
    rejectedCount: 0,
    skipped: [],
    totalCents: 0,
    outsideDepartmentCents: 0,
    batchId: null,
    extra: {},
    dialect,
    mapping,
    columns: firstSniff.columns,
    fields: importer.fields,
    missingFields: missing,
    rows: [],
    totalRows: 0,
  };
  if (wide) {
    const keys = wide.plan.valueColumns.map((v) => v.key);
    result.layout = { rowField: wide.layout.rowField, columnField: wide.layout.columnField, valueField: wide.layout.valueField, description: wide.layout.describe(keys) };
  }
  const leadNotes = [...(result.layout ? [result.layout.description] : []), ...rememberedNote(importer, firstSniff.columns, remembered, mapping)];
  if (leadNotes.length > 0) result.notes = leadNotes;
  if (decimalMarkUndecided && decision.ambiguous !== null && missing.length === 0) {
    result.decimalMarkQuestion = decimalMarkQuestion(source.fileName, decision.ambiguous, firstSniff.sampleRecords, amountFields, indexes, mapping);
    // The preview runs on, so the user sees every row that reads two ways; the import itself waits for the choice.
    if (!request.dryRun) throw new ApiError('import_rejected', result.decimalMarkQuestion, { decimalMarkUndecided: true });
  }
  if (missing.length > 0) {
    if (request.dryRun) return result;
    throw new ApiError(
      'import_rejected',
      `${source.fileName}: geen kolom gevonden voor ${missing.map((m) => fieldLabel(importer.fields, m)).join(', ')}. Kolommen in het bestand: ${firstSniff.columns.join(', ')}. Wijs de kolommen toe (--map veld=kolom).`,
      { missingFields: missing, columns: firstSniff.columns },
    );
  }

  const fieldMap = new Map(importer.fields.map((f) => [f.key, f]));
  const columnNames: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping)) if (column) columnNames[field] = column;
  const valueColumns = wide ? wide.plan.valueColumns.map((v) => ({ ...v, header: firstSniff.columns[v.index] })) : [];
  const reader = new RowReader(indexes, columnNames, fieldMap, dialect.decimalMark, dialect.dateOrder, decimalMarkUndecided);
  const previewLimit = request.previewRows ?? 0;
  const headerKey = firstSniff.columns.map(normaliseHeader).join('|');
  const firstHeaderCell = firstSniff.columns[0] ?? '';
  const requiredIndexes = importer.fields.filter((f) => f.required && f.key in indexes).map((f) => indexes[f.key]);
  /**
   * A line starting with "Totaal", "Saldo"… is a total line only when it lacks what a data row needs: a
   * required column is empty or holds that word. "Totaal onderhoud contract Q1" as the description of a
   * complete booking is data, and the importer judges it.
   */
  const isTotalLine = (cells: string[], markerIndex: number) => requiredIndexes.some((index) => index === markerIndex || (cells[index] ?? '').trim() === '');
  /** Blank lines, total and footer lines, repeated headers: not data. Cheap checks first: this runs for every row. */
  const skipReason = (cells: string[]): string | 'blank' | null => {
    let nonEmpty = 0;
    let first = '';
    let firstIndex = -1;
    for (let i = 0; i < cells.length; i += 1) {
      if (cells[i] !== '' && cells[i].trim() !== '') {
        if (nonEmpty === 0) {
          first = cells[i].trim();
          firstIndex = i;
        }
        nonEmpty += 1;
      }
    }
    if (nonEmpty === 0) return 'blank';
    if (TOTAL_LINE.test(first) && isTotalLine(cells, firstIndex)) return 'totaal- of voetregel overgeslagen';
    // The header's width, not the row's: an XLSX row ends at its last filled cell, so a footnote is one cell long.
    if (nonEmpty === 1 && width !== 1) return 'regel met één waarde (titel- of voetregel) overgeslagen';
    if (cells[0]?.trim() === firstHeaderCell.trim() && cells.map(normaliseHeader).join('|') === headerKey) return 'herhaalde kopregel overgeslagen';
    return null;
  };
  const hash = crypto.createHash('sha256');
  const reject = (issue: RowIssue) => {
    result.rejectedCount += 1;
    if (result.rejected.length < MAX_REPORTED_REJECTIONS) result.rejected.push(issue);
  };
  const wantsPreview = () => result.rows.length < previewLimit;

  wb.sqlite.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    const batchId = Number(
      wb.run(
        wb.db.insertInto('import_batch').values({ kind: importer.kind, file_name: source.fileName, file_sha256: '', imported_at: nowIso(), actor: wb.actor, result_json: '{}' }),
      ).lastInsertRowid,
    );
    const run = importer.begin({ wb, batchId, fileName: source.fileName, options, titleLines: firstSniff.titleLines });
    let records = 0;
    const deferredValues = new Map<number, Record<string, string>>();
    const unregistered = new Map<string, UnregisteredCostCentre>();
    const count = (status: AcceptedStatus, cents: number, outcome?: { costCentre?: string; costCentreName?: string }) => {
      if (status === 'unregistered') {
        result.unregistered += 1;
        const code = outcome?.costCentre ?? '';
        const entry = unregistered.get(code) ?? { code, rows: 0, totalCents: 0 };
        entry.rows += 1;
        entry.totalCents += cents;
        if (entry.name === undefined && outcome?.costCentreName) entry.name = outcome.costCentreName;
        unregistered.set(code, entry);
      } else if (status === 'new') {
        result.imported += 1;
        result.totalCents += cents;
      } else if (status === 'updated') {
        result.updated += 1;
        result.totalCents += cents;
      } else if (status === 'duplicate') result.duplicates += 1;
      else {
        result.outsideDepartment += 1;
        result.outsideDepartmentCents += cents;
      }
    };
    let lastReport = Date.now();

    const onRecord = (line: number, cells: string[], numbers?: Array<number | undefined>) => {
      if (line <= dialect.headerLine) return;
      const skip = skipReason(cells);
      if (skip === 'blank') return;
      if (skip) {
        result.skipped.push({ line, reason: skip });
        return;
      }
      if (wide) onMatrixRow(line, cells, numbers);
      else onDataRecord(line, cells, numbers);
    };

    /** One row of a matrix: a record for each filled value cell, in the order of the columns. */
    const onMatrixRow = (line: number, cells: string[], numbers?: Array<number | undefined>) => {
      const { layout } = wide!;
      // The header again (a table copied page by page), with or without its corner.
      if (valueColumns.every((v) => layout.columnKey((cells[v.index] ?? '').trim(), true) === v.key)) {
        result.skipped.push({ line, reason: 'herhaalde kopregel overgeslagen' });
        return;
      }
      const rejectedBefore = result.rejectedCount;
      const listedBefore = result.rejected.length;
      for (const column of valueColumns) {
        const cell = cells[column.index] ?? '';
        if (cell.trim() === '') continue;
        const virtual = new Array<string>(width + 2).fill('');
        for (let i = 0; i < width && i < cells.length; i += 1) virtual[i] = cells[i];
        virtual[width] = column.key;
        virtual[width + 1] = cell;
        let virtualNumbers: Array<number | undefined> | undefined;
        if (numbers) {
          virtualNumbers = new Array<number | undefined>(width + 2);
          for (let i = 0; i < width; i += 1) virtualNumbers[i] = numbers[i];
          virtualNumbers[width + 1] = numbers[column.index];
        }
        reader.setColumn(layout.columnField, column.header);
        reader.setColumn(layout.valueField, column.header);
        onDataRecord(line, virtual, virtualNumbers);
      }
      // A line is refused once, as every importer refuses a row once: the cells' reasons (often the same
      // one, when the row's own key is wrong) are joined. The valid cells of the line stay imported.
      if (result.rejectedCount - rejectedBefore > 1) {
        const issues = result.rejected.splice(listedBefore);
        // The refused cells count as one refused row, so every row still has exactly one outcome.
        result.totalRows -= result.rejectedCount - rejectedBefore - 1;
        result.rejectedCount = rejectedBefore + 1;
        if (issues.length > 0) {
          const reasons = [...new Set(issues.map((issue) => (issue.column && issue.column !== issues[0].column ? `${issue.column}: ${issue.reason}` : issue.reason)))];
          result.rejected.push({ line, column: issues[0].column, reason: reasons.join('; ') });
        }
      }
    };

    const onDataRecord = (line: number, cells: string[], numbers?: Array<number | undefined>) => {
      result.totalRows += 1;
      reader.reset(line, cells, numbers);
      let status: RowOutcome['status'];
      let cents = 0;
      let outcome: RowOutcome;
      try {
        outcome = run.row(reader);
        status = outcome.status;
        cents = outcome.cents ?? 0;
      } catch (error) {
        // A row of a closed year is refused by the database (a trigger); that rejects the row, not the file.
        const rejection = error instanceof RowRejection ? error : closedYearRejection(error);
        if (!rejection) throw error;
        const column = rejection.field ? reader.column(rejection.field) : undefined;
        reject({ line, column, reason: rejection.reason });
        if (wantsPreview()) result.rows.push({ line, status: 'rejected', values: reader.values(), reason: column ? `${column}: ${rejection.reason}` : rejection.reason });
        return;
      }
      if (status === 'deferred') {
        if (deferredValues.size < previewLimit) deferredValues.set(line, reader.values());
      } else {
        count(status, cents, status === 'unregistered' ? outcome : undefined);
        if (wantsPreview()) result.rows.push({ line, status, values: reader.values() });
      }
      records += 1;
      if (progress && (records & 1023) === 0 && Date.now() - lastReport > 100) {
        lastReport = Date.now();
        progress.report('Regels verwerken', null, null, records);
      }
    };

    if (dialect.format === 'xlsx') {
      for await (const chunk of source.chunks()) hash.update(chunk);
      await forEachXlsxRow(source, (record) => {
        onRecord(record.line, record.cells, record.numbers);
      });
    } else {
      await forEachCsvRecord(source, dialect, {
        record: onRecord,
        malformed: (problem) => {
          if (problem.runsOn) throw runOnRefusal(source.fileName, firstSniff.columns, problem.runsOn);
          result.totalRows += 1;
          reject({ line: problem.line, reason: problem.reason });
        },
        chunk: (chunk, read) => {
          hash.update(chunk);
          progress?.report('Regels verwerken', read, source.size, records);
        },
      });
    }
    const settled = run.settle?.() ?? [];
    for (const outcome of settled) {
      // Only the rows kept for the preview have their values; the preview is cut back to its limit below.
      const values = deferredValues.get(outcome.line);
      if ('rejection' in outcome) {
        const column = outcome.rejection.field ? reader.column(outcome.rejection.field) : undefined;
        reject({ line: outcome.line, column, reason: outcome.rejection.reason });
        if (values) result.rows.push({ line: outcome.line, status: 'rejected', values, reason: column ? `${column}: ${outcome.rejection.reason}` : outcome.rejection.reason });
      } else {
        count(outcome.status, outcome.cents ?? 0, outcome);
        if (values) result.rows.push({ line: outcome.line, status: outcome.status, values });
      }
    }
    if (settled.length > 0) {
      result.rows.sort((a, b) => a.line - b.line);
      result.rows.length = Math.min(result.rows.length, previewLimit);
      result.rejected.sort((a, b) => a.line - b.line);
    }
    result.unregisteredCostCentres = [...unregistered.values()].sort((a, b) => a.code.localeCompare(b.code));
    result.extra = run.finish();
    const notes = [...leadNotes, ...(run.notes?.() ?? [])];
    if (notes.length > 0) result.notes = notes;
    const sha256 = hash.digest('hex');
    if (request.strict && result.rejectedCount > 0) {
      throw new ApiError('import_rejected', `${source.fileName}: ${result.rejectedCount} regel(s) afgekeurd; met --strict wordt dan niets geïmporteerd. Eerste: regel ${result.rejected[0].line}${result.rejected[0].column ? `, kolom ${result.rejected[0].column}` : ''}: ${result.rejected[0].reason}.`, { rejected: result.rejected });
    }
    const summary = {
      imported: result.imported,
      duplicates: result.duplicates,
      updated: result.updated,
      outsideDepartment: result.outsideDepartment,
      outsideDepartmentCents: result.outsideDepartmentCents,
      unregistered: result.unregistered,
      rejected: result.rejectedCount,
      totalCents: result.totalCents,
      ...result.extra,
    };
    wb.run(wb.db.updateTable('import_batch').set({ file_sha256: sha256, result_json: JSON.stringify(summary) }).where('id', '=', batchId));
    wb.audit({ action: 'import', table: importer.table, rowId: batchId, new: summary, note: `${importer.title} uit ${source.fileName} (sha256 ${sha256.slice(0, 12)}…)` });
    // A mark that was only assumed is not remembered: the next file of this source must decide (or ask) again.
    saveProfile(wb, signature, importer.kind, { mapping, decimalMark: decimalMarkUndecided ? undefined : dialect.decimalMark, dateOrder: dialect.dateOrder });
    if (request.dryRun) {
      wb.sqlite.exec('ROLLBACK');
    } else {
      result.batchId = batchId;
      wb.sqlite.exec('COMMIT');
      committed = true;
    }
    progress?.report('Klaar', source.size, source.size, records, true);
    return result;
  } catch (error) {
    if (!committed && wb.sqlite.inTransaction) wb.sqlite.exec('ROLLBACK');
    if (error instanceof UndecodableText) throw new NotInEncoding(error.encoding, request.dialect?.encoding !== undefined, firstSniff.columns, dialect.delimiter ?? ';');
    throw error;
  }
}

export type { ImportResult };
