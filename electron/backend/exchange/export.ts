import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import { parsePeriod } from '../../../shared/domain/period.ts';
import { WBX_EXTENSION, WBX_FORMAT, WBX_FORMAT_VERSION, type PackageKind, type UnsignedEnvelope } from '../../../shared/exchange/schema.ts';
import type { ExportedFile, ExportLogEntry, ExportResult } from '../../../shared/exchange/types.ts';
import { APP_VERSION } from '../../../shared/version.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import type { KeyProtector } from './key-protector.ts';
import { ensureDepartmentKey, signingKey } from './keys.ts';
import { packageSha256, payloadSha256, serialisePackage, signEnvelope } from './package.ts';
import { packageXlsx } from './package-xlsx.ts';
import { assertNoPersonalData } from './privacy.ts';
import { buildPayload } from './sections.ts';

export interface ExportRequest {
  kind: PackageKind;
  period: string;
  /** Write the package here (desktop app, CLI); without it the bytes are returned (browser preview). */
  path?: string;
  /** Write the XLSX here; with `path` but without `xlsxPath` no XLSX is written unless `withXlsx`. */
  xlsxPath?: string;
  withXlsx?: boolean;
}

const KIND_FILE_PART: Record<PackageKind, string> = { 'finance-summary': 'financien', 'hr-summary': 'hr' };

export function defaultPackageName(wb: Workbook, kind: PackageKind, period: string, sequence: number): string {
  return `${wb.meta.department_code ?? 'afdeling'}-${KIND_FILE_PART[kind]}-${period}-v${sequence}${WBX_EXTENSION}`;
}

function nextSequence(wb: Workbook, kind: PackageKind, period: string): number {
  const row = wb.first(wb.db.selectFrom('exchange_export').select((eb) => eb.fn.max<number>('sequence').as('max')).where('kind', '=', kind).where('period', '=', period));
  return Number(row?.max ?? 0) + 1;
}

function writeAtomically(target: string, bytes: Buffer | string): string {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, bytes);
  return temp;
}

/**
 * Makes a signed package of the department's summary for a period: payload from the registered
 * sections, a privacy check for finance, the next sequence number for this kind and period, the
 * signature, the XLSX copy, and one export-log row with its audit entry. The log row and the files
 * succeed together: files are written to temporary names inside the transaction and renamed after it.
 */
export async function exportPackage(wb: Workbook, protectors: { primary: KeyProtector; all: KeyProtector[] }, request: ExportRequest): Promise<ExportResult> {
  wb.requireKind('department');
  wb.requireWritable();
  const period = parsePeriod(request.period);
  if (!period) throw new ApiError('invalid_input', `Periode "${request.period}" moet jjjj, jjjj-Qn of jjjj-mm zijn.`);
  ensureDepartmentKey(wb, protectors.primary);
  const { privateKey, info: key } = signingKey(wb, protectors.all);
  const { payload, sections } = buildPayload(wb, request.kind, period);
  if (request.kind === 'finance-summary') assertNoPersonalData(wb, payload);

  const sequence = nextSequence(wb, request.kind, period.code);
  const unsigned = {
    format: WBX_FORMAT,
    formatVersion: WBX_FORMAT_VERSION,
    kind: request.kind,
    organisation: wb.meta.organisation,
    department: { code: wb.meta.department_code ?? '', name: wb.meta.department_name ?? '' },
    period: period.code,
    sequence,
    createdAt: nowIso(),
    appVersion: APP_VERSION,
    publicKey: key.publicKey,
    payload,
    payloadSha256: payloadSha256(payload),
  } as UnsignedEnvelope;
  const envelope = signEnvelope(unsigned, privateKey);
  const text = serialisePackage(envelope);
  const wantXlsx = request.xlsxPath !== undefined || request.withXlsx === true || (request.path === undefined && request.withXlsx !== false);
  const xlsx = wantXlsx ? await packageXlsx(envelope) : null;

  const packageName = request.path ? path.basename(request.path) : defaultPackageName(wb, request.kind, period.code, sequence);
  const xlsxTarget = request.xlsxPath ?? (request.path && wantXlsx ? request.path.replace(/\.wbx$/i, '') + '.xlsx' : undefined);
  if (xlsxTarget && request.xlsxPath === undefined && fs.existsSync(xlsxTarget)) {
    // The user chose the package's file, not this one: never overwrite a file nobody chose.
    throw new ApiError('conflict', `Naast het pakket staat al een bestand ${path.basename(xlsxTarget)}. Kies een andere naam voor het pakket, of kies de plaats van de XLSX zelf; er is niets gemaakt.`);
  }
  const xlsxName = xlsx ? (xlsxTarget ? path.basename(xlsxTarget) : packageName.replace(/\.wbx$/i, '.xlsx')) : null;
  const hash = packageSha256(envelope);

  const temps: Array<[string, string]> = [];
  try {
    wb.tx(() => {
      const values = {
        kind: request.kind,
        period: period.code,
        sequence,
        created_at: envelope.createdAt,
        actor: wb.actor,
        file_name: packageName,
        xlsx_file_name: xlsxName,
        payload_sha256: envelope.payloadSha256,
        package_sha256: hash,
        key_fingerprint: key.fingerprint,
        sections_json: JSON.stringify(sections),
      };
      const id = Number(wb.run(wb.db.insertInto('exchange_export').values(values)).lastInsertRowid);
      wb.audit({ action: 'export', table: 'exchange_export', rowId: id, new: { ...values, path: request.path ?? null }, note: `Pakket ${packageName} gemaakt` });
      if (request.path) temps.push([writeAtomically(path.resolve(request.path), text), path.resolve(request.path)]);
      if (xlsx && xlsxTarget) temps.push([writeAtomically(path.resolve(xlsxTarget), xlsx), path.resolve(xlsxTarget)]);
    });
  } catch (error) {
    for (const [temp] of temps) fs.rmSync(temp, { force: true });
    throw error;
  }
  for (const [temp, target] of temps) fs.renameSync(temp, target);

  const file = (name: string, target: string | undefined, bytes: Buffer | string): ExportedFile =>
    target ? { name, path: path.resolve(target), contentBase64: null } : { name, path: null, contentBase64: Buffer.from(bytes).toString('base64') };
  return {
    kind: request.kind,
    period: period.code,
    sequence,
    keyFingerprint: key.fingerprint,
    payloadSha256: envelope.payloadSha256,
    packageSha256: hash,
    sections,
    package: file(packageName, request.path, text),
    xlsx: xlsx && xlsxName ? file(xlsxName, xlsxTarget, xlsx) : null,
  };
}

export function exportLog(wb: Workbook): ExportLogEntry[] {
  return wb.all(wb.db.selectFrom('exchange_export').selectAll().orderBy('id', 'desc').limit(500)).map((r) => ({
    id: r.id,
    kind: r.kind,
    period: r.period,
    sequence: r.sequence,
    createdAt: r.created_at,
    actor: r.actor,
    fileName: r.file_name,
    xlsxFileName: r.xlsx_file_name,
    keyFingerprint: r.key_fingerprint,
    payloadSha256: r.payload_sha256,
    sections: JSON.parse(r.sections_json) as string[],
  }));
}
