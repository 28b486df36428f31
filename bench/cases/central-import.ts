import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonicalBytes } from '../../shared/exchange/canonical.ts';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { ORGANISATION, PERIOD, writePackages } from '../packages.ts';
import { peakRssMb, report, time } from '../measure.ts';

/**
 * Central import and consolidation of N department packages (finance: 3 cost centres × 10 accounts;
 * HR: 80 staff and a year of absence cases) through the API, against the floor: read each file, JSON
 * parse, check the Ed25519 signature, and insert the same rows with raw prepared statements, one
 * transaction per package, into a fresh central workbook of the same kind. The same rows means all of
 * them: the package and its lines, and also what registering a department on its first package writes
 * (department, key, expected periods) and the audit rows. After each round the case counts the rows
 * each side added, table by table, and stops if they differ.
 *
 * Floor and figure take turns, ROUNDS times, each round into fresh workbooks, and the best of each
 * counts: a run of a second or two on a shared machine is easily disturbed, and taking turns means a
 * disturbed stretch does not fall on one side only.
 */
const [kindArg, countArg, workDir] = process.argv.slice(2);
const kind = kindArg === 'hr' ? 'hr-summary' : 'finance-summary';
const count = Number(countArg);
fs.rmSync(workDir, { recursive: true, force: true });
const folder = path.join(workDir, 'pakketten');
const { rows } = writePackages(folder, kind, count);
const ROUNDS = 3;

async function centralWorkbook(name: string): Promise<string> {
  const { client, session } = createLocalClient({ dataDir: path.join(workDir, `data-${name}`), rememberRecent: false });
  const file = path.join(workDir, `${name}.werkboek`);
  await client.workbook.create({ path: file, kind: kind === 'hr-summary' ? 'central-hr' : 'central-finance', organisation: ORGANISATION, fiscalYear: 2027, owner: 'bench' });
  session.close();
  return file;
}

// ── Floor ────────────────────────────────────────────────────────────────
/** Rows per table: what a round added is the difference between two counts. */
function rowCounts(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const counts = new Map(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  db.close();
  return counts;
}

function added(file: string, before: Map<string, number>): Record<string, number> {
  const after = rowCounts(file);
  return Object.fromEntries([...after].filter(([t, n]) => n !== before.get(t)).map(([t, n]) => [t, n - (before.get(t) ?? 0)]));
}

async function floorRun(round: number): Promise<{ seconds: number; added: Record<string, number> }> {
  const floorFile = await centralWorkbook(`floor-${round}`);
  const before = rowCounts(floorFile);
  const db = new Database(floorFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  const now = new Date().toISOString();
  const insertDepartment = db.prepare('INSERT INTO central_department (code, name, active, created_at, updated_at) VALUES (?, ?, 1, ?, ?)');
  const insertKey = db.prepare(
    "INSERT INTO central_department_key (department_code, public_key, fingerprint, source, registered_at, registered_by, retired_at) VALUES (?, ?, ?, 'first-import', ?, 'bench', NULL)",
  );
  const insertExpected = db.prepare('INSERT INTO central_expected (department_code, period, created_at) VALUES (?, ?, ?)');
  const insertAudit = db.prepare('INSERT INTO audit_log (at, actor, action, table_name, row_id, old_json, new_json, note) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)');
  const calendar = db.prepare('SELECT period FROM central_period ORDER BY period').pluck().all() as string[];
  const insertPackage = db.prepare(
    `INSERT INTO central_package (department_code, kind, period, sequence, status, package_sha256, payload_sha256, key_fingerprint, created_at, app_version, format_version, file_name, imported_at, imported_by, envelope_json)
     VALUES (?, ?, ?, ?, 'current', ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO central_finance_line (package_id, cost_centre, account, account_name, kind, taakveld, primitive_cents, revisions_cents, current_cents, actual_cents, commitments_cents, forecast_cents, variance_cents, explanation, explanation_required, forecast_note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBasis = db.prepare(
    'INSERT INTO central_hr_basis (package_id, period_start, period_end, reference_date, normal_week_hours, has_formation, has_absence, has_poortwachter, reported_metrics_json) VALUES (?, ?, ?, ?, ?, 0, 1, 1, ?)',
  );
  const insertStaff = db.prepare('INSERT INTO central_hr_staff (package_id, personnel_number, employment_start, employment_end) VALUES (?, ?, ?, ?)');
  const insertTerms = db.prepare(
    'INSERT INTO central_hr_terms (staff_id, valid_from, cost_centre, function_title, salary_scale, salary_step, hours_per_week, fte, contract_type, position_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertCase = db.prepare('INSERT INTO central_hr_case (package_id, case_id, personnel_number, first_day, last_sick_day, continues_case_id) VALUES (?, ?, ?, ?, ?, ?)');
  const insertEpisode = db.prepare('INSERT INTO central_hr_episode (case_row_id, from_date, percentage) VALUES (?, ?, ?)');
  const floor = await time(() => {
    for (const name of fs.readdirSync(folder).sort()) {
      const text = fs.readFileSync(path.join(folder, name), 'utf8');
      const env = JSON.parse(text);
      const { signature, ...unsigned } = env;
      const key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(env.publicKey, 'base64').toString('base64url') }, format: 'jwk' });
      if (!crypto.verify(null, canonicalBytes(unsigned), key, Buffer.from(signature, 'base64'))) throw new Error(`${name}: signature`);
      const fingerprint = crypto.createHash('sha256').update(Buffer.from(env.publicKey, 'base64')).digest('hex');
      db.transaction(() => {
        const code = env.department.code;
        insertDepartment.run(code, env.department.name, now, now);
        insertAudit.run(now, 'bench', 'insert', 'central_department', code, JSON.stringify({ code, name: env.department.name, active: 1, created_at: now, updated_at: now }), null);
        for (const period of calendar) insertExpected.run(code, period, now);
        const keyId = insertKey.run(code, env.publicKey, fingerprint, now).lastInsertRowid;
        insertAudit.run(now, 'bench', 'insert', 'central_department_key', String(keyId), JSON.stringify({ department_code: code, public_key: env.publicKey, fingerprint, source: 'first-import' }), `Sleutel van afdeling ${code} vertrouwd`);
        const id = Number(insertPackage.run(code, env.kind, env.period, env.sequence, 'x', env.payloadSha256, fingerprint, env.createdAt, env.appVersion, env.formatVersion, name, now, text).lastInsertRowid);
        insertAudit.run(now, 'bench', 'import', 'central_package', String(id), JSON.stringify({ department_code: code, kind: env.kind, period: env.period, sequence: env.sequence, payload_sha256: env.payloadSha256, key_fingerprint: fingerprint, file_name: name }), `Pakket ${name}: imported`);
        const p = env.payload;
        if (env.kind === 'finance-summary') {
          for (const l of p.lines) insertLine.run(id, l.costCentre, l.account, l.accountName, l.kind, l.taakveld, l.primitiveCents, l.revisionsCents, l.currentCents, l.actualCents, l.commitmentsCents, l.forecastCents, l.varianceCents, l.explanation, l.explanationRequired ? 1 : 0, l.forecastNote);
        } else {
          insertBasis.run(id, p.basis.periodStart, p.basis.periodEnd, p.basis.referenceDate, p.basis.normalWeekHours, JSON.stringify(p.absenceMetrics));
          for (const m of p.staff) {
            const staffId = Number(insertStaff.run(id, m.personnelNumber, m.employmentStart, m.employmentEnd).lastInsertRowid);
            for (const t of m.terms) insertTerms.run(staffId, t.validFrom, t.costCentre, t.functionTitle, t.salaryScale, t.salaryStep, t.hoursPerWeek, t.fte, t.contractType, t.positionId);
          }
          for (const c of p.absenceCases) {
            const caseId = Number(insertCase.run(id, c.caseId, c.personnelNumber, c.firstDay, c.lastSickDay, c.continuesCaseId).lastInsertRowid);
            for (const e of c.incapacity) insertEpisode.run(caseId, e.from, e.percentage);
          }
        }
      }).immediate();
    }
  });
  db.close();
  return { seconds: floor.seconds, added: added(floorFile, before) };
}

// ── The figure: import the folder and consolidate the period through the API ──
async function measuredRun(round: number) {
  const measuredFile = await centralWorkbook(`central-${round}`);
  const before = rowCounts(measuredFile);
  const { client, session } = createLocalClient({ dataDir: path.join(workDir, `data-measured-${round}`), rememberRecent: false });
  await client.workbook.open({ path: measuredFile });
  const run = await time(async () => {
    const imported = await client.central.import({ sources: [{ folder }], trustNew: true, trust: [] });
    const consolidated = kind === 'hr-summary' ? await client.central.hr({ period: PERIOD, asOf: '2027-07-15' }) : await client.central.finance({ period: PERIOD });
    return { imported, consolidated };
  });
  session.close();
  const outcomes = run.value.imported.counts;
  if (outcomes.imported !== count) throw new Error(`expected ${count} imported, got ${JSON.stringify(outcomes)}`);
  return { seconds: run.seconds, added: added(measuredFile, before) };
}

const floors: number[] = [];
const runs: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const floor = await floorRun(round);
  const measured = await measuredRun(round);
  if (JSON.stringify(floor.added) !== JSON.stringify(measured.added)) {
    throw new Error(`the floor does not write the same rows as the import: floor ${JSON.stringify(floor.added)}, import ${JSON.stringify(measured.added)}`);
  }
  floors.push(floor.seconds);
  runs.push(measured.seconds);
}
report({
  seconds: Math.min(...runs),
  floorSeconds: Math.min(...floors),
  peakRssMb: peakRssMb(),
  packages: count,
  rows,
  bytes: fs.readdirSync(folder).reduce((s, f) => s + fs.statSync(path.join(folder, f)).size, 0),
  rounds: { seconds: runs, floorSeconds: floors },
});
