import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import type { FinanceEnvelope } from '../../../shared/exchange/schema.ts';
import { IMPORT_OUTCOMES, type ImportBatchResult, type ImportFileResult, type ImportOutcome, type RejectCode } from '../../../shared/exchange/types.ts';
import { formatDateTime, formatPeriod } from '../../../shared/format/nl.ts';
import { verifyPackageBytes, type VerifiedPackage } from '../exchange/package.ts';
import { readSourceBytes } from '../exchange/verify.ts';
import type { ImportSourceInput } from '../import/source.ts';
import type { ProgressReporter } from '../progress.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import { storeHrPackage } from './hr-store.ts';
import { centralPackageKind, currentDepartmentKey, findDepartment, keyOwnerOtherThan, listPeriods, registerDepartment, requireCentral } from './registry.ts';
import type { CentralPackageTable } from './tables.ts';

export type PackageSource = ImportSourceInput | { folder: string };

interface PendingFile {
  index: number;
  label: string;
  read(): Promise<{ name: string; bytes: Buffer }>;
}

const KIND_NAMES = { 'finance-summary': 'een financiële samenvatting', 'hr-summary': 'een HR-samenvatting' } as const;
const CENTRAL_NAMES = { 'central-finance': 'het centrale financiële werkboek', 'central-hr': 'het centrale HR-werkboek', department: 'een afdelingswerkboek' } as const;

function listPackageFiles(folder: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new ApiError('file_unreadable', `De map ${folder} bestaat niet of kan niet worden gelezen.`);
  }
  if (!stat.isDirectory()) throw new ApiError('file_unreadable', `${folder} is geen map.`);
  const files = (fs.readdirSync(folder, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.wbx'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  if (files.length === 0) throw new ApiError('file_unreadable', `In de map ${folder} staan geen pakketten (.wbx-bestanden).`);
  return files;
}

function expandSources(sources: PackageSource[]): PendingFile[] {
  const pending: PendingFile[] = [];
  for (const source of sources) {
    if ('folder' in source) {
      for (const file of listPackageFiles(source.folder)) pending.push({ index: pending.length, label: file, read: () => readSourceBytes({ path: file }) });
    } else {
      const label = 'path' in source ? source.path : source.name;
      pending.push({ index: pending.length, label, read: () => readSourceBytes(source) });
    }
  }
  return pending;
}

/** Package text kept in memory while verified packages wait; beyond it they wait on disk. */
const PENDING_IN_MEMORY_BYTES = 16 * 1024 * 1024;

/**
 * Verified packages of one import batch, waiting to be applied in order. The first 16 MB of them stay
 * in memory as verified; the rest waits in a temporary table (SQLite's temporary database, on disk):
 * the text exactly as verified and what verification found (hash, fingerprint, header), so applying one
 * costs a JSON.parse, not a second check of schema and signature. A folder of 1.000 department packages
 * (hundreds of megabytes once parsed) then takes no more memory than one of 100.
 */
function pendingPackages(wb: Workbook, inMemoryBytes: number) {
  const inMemory = new Map<number, { text: string; pkg: VerifiedPackage }>();
  let bytesInMemory = 0;
  let prepared: { put: Database.Statement; get: Database.Statement; remove: Database.Statement } | undefined;
  const onDisk = () => {
    if (!prepared) {
      wb.sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS central_import_pending (file_index INTEGER PRIMARY KEY, text TEXT NOT NULL, checked_json TEXT NOT NULL)');
      wb.sqlite.exec('DELETE FROM temp.central_import_pending');
      prepared = {
        put: wb.sqlite.prepare('INSERT INTO temp.central_import_pending (file_index, text, checked_json) VALUES (?, ?, ?)'),
        get: wb.sqlite.prepare('SELECT text, checked_json FROM temp.central_import_pending WHERE file_index = ?'),
        remove: wb.sqlite.prepare('DELETE FROM temp.central_import_pending WHERE file_index = ?'),
      };
    }
    return prepared;
  };
  return {
    put(index: number, text: string, pkg: VerifiedPackage): void {
      if (bytesInMemory + text.length <= inMemoryBytes) {
        inMemory.set(index, { text, pkg });
        bytesInMemory += text.length;
      } else {
        onDisk().put.run(index, text, JSON.stringify({ packageSha256: pkg.packageSha256, fingerprint: pkg.fingerprint, header: pkg.header }));
      }
    },
    take(index: number): { text: string; pkg: VerifiedPackage } {
      const kept = inMemory.get(index);
      if (kept) {
        inMemory.delete(index);
        return kept;
      }
      const disk = onDisk();
      const row = disk.get.get(index) as { text: string; checked_json: string };
      disk.remove.run(index);
      const checked = JSON.parse(row.checked_json) as Omit<VerifiedPackage, 'ok' | 'envelope'>;
      // The envelope as received: verifyPackageBytes checks the parsed text and returns it, not a copy.
      return { text: row.text, pkg: { ok: true, envelope: JSON.parse(row.text), ...checked } };
    },
  };
}

function sameOrganisation(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return norm(a) === norm(b);
}

type Decision =
  | { outcome: 'rejected' | 'stale'; code: RejectCode | 'stale'; reason: string; packageId?: number }
  | { outcome: 'duplicate'; reason: string; packageId: number }
  | { outcome: 'imported' | 'superseding'; reason: string; supersedes: { id: number; sequence: number } | null; registerNew: boolean };

/** The checks that need this central workbook: kind, organisation, department, key, period, sequence. Writes nothing. */
function decide(wb: Workbook, pkg: VerifiedPackage, trusted: (department: string, fingerprint: string) => boolean): Decision {
  const env = pkg.envelope;
  const dept = env.department.code;
  const label = `${dept} ${formatPeriod(env.period)}, volgnummer ${env.sequence}`;
  const reject = (code: RejectCode, reason: string): Decision => ({ outcome: 'rejected', code, reason });
  if (env.kind !== centralPackageKind(wb)) {
    return reject('wrong-kind', `Dit pakket is ${KIND_NAMES[env.kind]}; het hoort niet in ${CENTRAL_NAMES[wb.meta.kind]}.`);
  }
  if (!sameOrganisation(env.organisation, wb.meta.organisation)) {
    return reject('wrong-organisation', `Het pakket is van organisatie "${env.organisation}", dit werkboek is van "${wb.meta.organisation}".`);
  }
  const department = findDepartment(wb, dept);
  let registerNew = false;
  if (!department) {
    if (!trusted(dept, pkg.fingerprint)) {
      return reject(
        'unknown-department',
        `Afdeling ${dept} (${env.department.name}) is niet geregistreerd. Registreer haar met haar sleutelbestand, of vertrouw haar sleutel bij deze eerste import na controle van de vingerafdruk bij de afdeling: ${pkg.fingerprint}.`,
      );
    }
    const owner = keyOwnerOtherThan(wb, pkg.fingerprint, dept);
    if (owner) {
      return reject(
        'key-mismatch',
        `Het pakket noemt afdeling ${dept} (${env.department.name}), maar is ondertekend met de sleutel van afdeling ${owner} (vingerafdruk ${pkg.fingerprint}). Elke afdeling heeft haar eigen sleutel; afdeling ${dept} is niet geregistreerd.`,
      );
    }
    if (!listPeriods(wb).some((p) => p.period === env.period)) {
      return reject('period-not-expected', `Periode ${env.period} (${formatPeriod(env.period)}) staat niet in de leveringskalender van dit werkboek.`);
    }
    registerNew = true;
  } else {
    if (department.active !== 1) return reject('inactive-department', `Afdeling ${dept} is niet meer actief in dit werkboek.`);
    const key = currentDepartmentKey(wb, dept);
    if (!key || key.fingerprint !== pkg.fingerprint) {
      return reject(
        'key-mismatch',
        `Het pakket is ondertekend met een andere sleutel (vingerafdruk ${pkg.fingerprint}) dan de geregistreerde sleutel van afdeling ${dept} (${key?.fingerprint ?? 'geen'}). Heeft de afdeling een nieuwe sleutel, registreer dan haar nieuwe sleutelbestand.`,
      );
    }
    const expected = wb.statement('SELECT period FROM central_expected WHERE department_code = ? AND period = ?').get(dept, env.period);
    if (!expected) {
      const periods = wb.all(wb.db.selectFrom('central_expected').select('period').where('department_code', '=', dept).orderBy('period')).map((r) => r.period);
      return reject('period-not-expected', `Periode ${env.period} (${formatPeriod(env.period)}) wordt niet verwacht van afdeling ${dept} (verwacht: ${periods.join(', ') || 'geen'}). Voeg de periode toe bij de afdeling als dat klopt.`);
    }
  }
  const versions = registerNew
    ? []
    : (wb.statement('SELECT id, sequence, status, package_sha256, imported_at FROM central_package WHERE department_code = ? AND kind = ? AND period = ?').all(dept, env.kind, env.period) as Array<
        Pick<Selectable<CentralPackageTable>, 'id' | 'sequence' | 'status' | 'package_sha256' | 'imported_at'>
      >);
  const identical = versions.find((v) => v.package_sha256 === pkg.packageSha256);
  if (identical) {
    const state = identical.status === 'current' ? 'het is de huidige versie' : 'het is inmiddels vervangen door een nieuwere versie';
    return { outcome: 'duplicate', packageId: identical.id, reason: `Dit pakket (${label}) is al geïmporteerd op ${formatDateTime(identical.imported_at)}; ${state}. Er is niets gewijzigd.` };
  }
  const current = versions.find((v) => v.status === 'current');
  if (versions.some((v) => v.sequence === env.sequence)) {
    return reject('sequence-conflict', `Er is al een ander pakket met volgnummer ${env.sequence} van afdeling ${dept} voor ${formatPeriod(env.period)}. Vraag de afdeling een nieuw pakket te maken.`);
  }
  if (current && env.sequence < current.sequence) {
    return { outcome: 'stale', code: 'stale', packageId: current.id, reason: `Verouderd: volgnummer ${env.sequence} is lager dan het al ontvangen volgnummer ${current.sequence} (${dept}, ${formatPeriod(env.period)}). Het pakket is niet geïmporteerd.` };
  }
  if (current) return { outcome: 'superseding', supersedes: { id: current.id, sequence: current.sequence }, registerNew, reason: `Vervangt volgnummer ${current.sequence} (${dept}, ${formatPeriod(env.period)}); de oude versie blijft in de geschiedenis.` };
  const trustNote = registerNew ? ` De sleutel van afdeling ${dept} is bij deze eerste import vertrouwd (vingerafdruk ${pkg.fingerprint}).` : '';
  return { outcome: 'imported', supersedes: null, registerNew, reason: `Geïmporteerd: ${label}.${trustNote}` };
}

function storeFinanceLines(wb: Workbook, packageId: number, envelope: FinanceEnvelope): void {
  const insert = wb.statement(
    `INSERT INTO central_finance_line (package_id, cost_centre, account, account_name, kind, taakveld, primitive_cents, revisions_cents, current_cents, actual_cents,
       commitments_cents, forecast_cents, variance_cents, explanation, explanation_required, forecast_note, forecast_method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const l of envelope.payload.lines) {
    insert.run(
      packageId,
      l.costCentre,
      l.account,
      l.accountName,
      l.kind,
      l.taakveld,
      l.primitiveCents,
      l.revisionsCents,
      l.currentCents,
      l.actualCents,
      l.commitmentsCents,
      l.forecastCents,
      l.varianceCents,
      l.explanation,
      l.explanationRequired ? 1 : 0,
      l.forecastNote,
      l.forecastMethod ?? null,
    );
  }
}

/** Writes one accepted package in one transaction: the package, its finance lines or HR rows, the superseded flag on the old version, the audit row. */
function store(wb: Workbook, pkg: VerifiedPackage, fileName: string, text: string, decision: Extract<Decision, { outcome: 'imported' | 'superseding' }>): number {
  const env = pkg.envelope;
  return wb.tx(() => {
    if (decision.registerNew) {
      registerDepartment(wb, { code: env.department.code, name: env.department.name, publicKey: env.publicKey, fingerprint: pkg.fingerprint, source: 'first-import' });
    }
    // The old version first leaves 'current', so the one-current-per-period index holds.
    if (decision.supersedes) wb.run(wb.db.updateTable('central_package').set({ status: 'superseded' }).where('id', '=', decision.supersedes.id));
    const values = {
      department_code: env.department.code,
      kind: env.kind,
      period: env.period,
      sequence: env.sequence,
      status: 'current' as const,
      package_sha256: pkg.packageSha256,
      payload_sha256: env.payloadSha256,
      key_fingerprint: pkg.fingerprint,
      created_at: env.createdAt,
      app_version: env.appVersion,
      format_version: env.formatVersion,
      file_name: fileName,
      imported_at: nowIso(),
      imported_by: wb.actor,
      superseded_by: null,
      // The package as received (the signed original), not a re-serialisation of it.
      envelope_json: text,
      // The small parts of a finance payload the consolidation needs (migration 14), so it need not parse the envelope.
      extras_json:
        env.kind === 'finance-summary'
          ? JSON.stringify({
              personnelCosts: env.payload.personnelCosts ?? null,
              externalHire: env.payload.externalHire ?? null,
              bottlenecks: env.payload.bottlenecks?.length ?? null,
              year: env.payload.basis.year,
              monthsBooked: env.payload.basis.monthsBooked ?? null,
              rhythmYear: env.payload.basis.rhythmYear ?? null,
            })
          : null,
    };
    const id = Number(
      wb
        .statement(
          `INSERT INTO central_package (department_code, kind, period, sequence, status, package_sha256, payload_sha256, key_fingerprint, created_at, app_version, format_version, file_name, imported_at, imported_by, superseded_by, envelope_json, extras_json)
           VALUES (@department_code, @kind, @period, @sequence, @status, @package_sha256, @payload_sha256, @key_fingerprint, @created_at, @app_version, @format_version, @file_name, @imported_at, @imported_by, @superseded_by, @envelope_json, @extras_json)`,
        )
        .run(values).lastInsertRowid,
    );
    if (decision.supersedes) wb.run(wb.db.updateTable('central_package').set({ superseded_by: id }).where('id', '=', decision.supersedes.id));
    if (env.kind === 'finance-summary') storeFinanceLines(wb, id, env);
    else storeHrPackage(wb, id, env);
    const { envelope_json: _json, extras_json: _extras, ...logged } = values;
    wb.audit({ action: 'import', table: 'central_package', rowId: id, old: decision.supersedes ? { supersededPackageId: decision.supersedes.id, sequence: decision.supersedes.sequence } : undefined, new: logged, note: `Pakket ${fileName}: ${decision.outcome}` });
    return id;
  });
}

/**
 * Imports many packages. Each is verified before anything is written; each accepted package is
 * written in its own transaction, so one bad file never blocks the others and a crash leaves whole
 * packages only (running the batch again is safe: what was imported comes back as duplicate).
 * Valid packages are applied in order of department, period and sequence, so a folder holding
 * versions 1 and 2 ends with 2 as the current version; results keep the order of the files.
 */
export async function importPackages(
  wb: Workbook,
  request: { sources: PackageSource[]; trust: Array<{ department: string; fingerprint: string }>; trustNew: boolean },
  progress?: ProgressReporter,
  /** Tests lower it to make every package wait on disk. */
  limits: { pendingInMemoryBytes: number } = { pendingInMemoryBytes: PENDING_IN_MEMORY_BYTES },
): Promise<ImportBatchResult> {
  requireCentral(wb);
  const files = expandSources(request.sources);
  const results: ImportFileResult[] = new Array(files.length);
  // Verified packages wait until they are applied in order, most of them on disk (pendingPackages): only
  // what orders them stays in memory.
  const verified: Array<{ file: PendingFile; name: string; department: string; period: string; sequence: number }> = [];
  const waiting = pendingPackages(wb, limits.pendingInMemoryBytes);
  const total = files.length;
  for (const file of files) {
    progress?.report('Pakketten controleren', file.index, total * 2);
    let read: { name: string; bytes: Buffer };
    try {
      read = await file.read();
    } catch (error) {
      results[file.index] = blank(file.label, 'rejected', 'unreadable', `${file.label}: ${(error as Error).message}`);
      continue;
    }
    let checked: ReturnType<typeof verifyPackageBytes>;
    try {
      checked = verifyPackageBytes(read.bytes, read.name);
    } catch (error) {
      // Whatever one file does, the others are still checked and imported.
      results[file.index] = blank(file.label, 'rejected', 'unreadable', `${read.name}: ${unexpected(error, 'gecontroleerd')}`);
      continue;
    }
    if (!checked.ok) {
      results[file.index] = { ...blank(file.label, 'rejected', checked.code, checked.reason), detail: checked.detail, ...headerFields(checked.header) };
      continue;
    }
    waiting.put(file.index, read.bytes.toString('utf8').replace(/^\uFEFF/, ''), checked);
    const envelope = checked.envelope;
    verified.push({ file, name: read.name, department: envelope.department.code, period: envelope.period, sequence: envelope.sequence });
  }
  verified.sort((a, b) => a.department.localeCompare(b.department) || a.period.localeCompare(b.period) || a.sequence - b.sequence || a.file.index - b.file.index);
  const trusted = (department: string, fingerprint: string) => request.trustNew || request.trust.some((t) => t.department === department && t.fingerprint === fingerprint);
  let done = 0;
  for (const { file, name } of verified) {
    progress?.report('Pakketten importeren', total + done, total * 2);
    done += 1;
    const { text, pkg } = waiting.take(file.index);
    const header = headerFields(pkg.header);
    let decision: Decision;
    let id = 0;
    try {
      decision = decide(wb, pkg, trusted);
      // store() is one transaction: a package that fails half-way leaves nothing behind.
      if (decision.outcome === 'imported' || decision.outcome === 'superseding') id = store(wb, pkg, name, text, decision);
    } catch (error) {
      results[file.index] = { ...blank(file.label, 'rejected', 'unreadable', `${name}: ${unexpected(error, 'geïmporteerd')}`), ...header };
      continue;
    }
    if (decision.outcome === 'imported' || decision.outcome === 'superseding') {
      results[file.index] = { ...blank(file.label, decision.outcome, null, decision.reason), ...header, packageId: id };
    } else if (decision.outcome === 'duplicate') {
      results[file.index] = { ...blank(file.label, 'duplicate', null, decision.reason), ...header, packageId: decision.packageId };
    } else if ('code' in decision) {
      results[file.index] = { ...blank(file.label, decision.outcome, decision.code, `${name}: ${decision.reason}`), ...header };
    }
  }
  progress?.report('Klaar', total * 2, total * 2, undefined, true);
  const counts = Object.fromEntries(IMPORT_OUTCOMES.map((o) => [o, results.filter((r) => r.outcome === o).length])) as Record<ImportOutcome, number>;
  return { files: results, counts };
}

/** Why one file of a batch failed in a way no check foresaw, in Dutch; the batch goes on with the others. */
function unexpected(error: unknown, stage: 'gecontroleerd' | 'geïmporteerd'): string {
  if (error instanceof ApiError) return error.message;
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `dit bestand kon niet worden ${stage} door een onverwachte fout${detail}. Er is niets van dit bestand opgeslagen; de andere bestanden zijn wel verwerkt.`;
}

function blank(file: string, outcome: ImportOutcome, code: ImportFileResult['code'], reason: string): ImportFileResult {
  return { file, outcome, reason, detail: null, code, department: null, period: null, sequence: null, kind: null, keyFingerprint: null, packageId: null };
}

function headerFields(header: Partial<VerifiedPackage['header']>): Pick<ImportFileResult, 'department' | 'period' | 'sequence' | 'kind' | 'keyFingerprint'> {
  return { department: header.department ?? null, period: header.period ?? null, sequence: header.sequence ?? null, kind: header.kind ?? null, keyFingerprint: header.keyFingerprint ?? null };
}
