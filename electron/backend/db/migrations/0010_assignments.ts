import type { Migration } from './types.ts';

/**
 * The assignments register (opdrachten) and the reference figures (benchmarks).
 *
 * - assignment: one concept for ZZP'ers, agency staff, secondments, advisory firms, projects, programmes,
 *   joint arrangements (gemeenschappelijke regelingen) and agencies. The hire kinds (zzp, inhuurbureau,
 *   detachering) may carry an hourly rate, hours per week and a formation position. Soft-deleted.
 * - assignment_budget_line: the budget lines (cost centre × ledger account, any year) that pay it; the
 *   first (position 0) is its main line, where its ceiling counts as committed on the budget page.
 * - assignment_moment: decision moments (start, go/no-go, interim report, acceptance, discharge) with a
 *   due date and, once decided, an outcome and the date of the decision.
 * - assignment_log: the dated progress log; entries are never changed (a correction is a new entry).
 * - assignment_ledger_link / assignment_commitment_link: ledger lines and commitments linked by hand; a
 *   line or commitment can be linked to one assignment only (it then counts there and nowhere else).
 * - assignment_department_link: other departments the assignment depends on or affects; removed by
 *   dating the removal, as bottleneck links are.
 * - benchmark: reference figures (indicator, group, value, year, source), seeded with the public
 *   municipal figures of A&O fonds Gemeenten and editable.
 *
 * The external hires of migration 0004 move into assignment with their ids, so links made to them
 * (bottleneck_link type external_hire with the id as key) keep pointing at the same record. Their code
 * becomes INH-<id>, the old kind uitzendkracht (and overig) becomes inhuurbureau, the contractor is
 * taken as the ledger counterparty, and the ceiling is the expected total cost (hourly rate × hours per
 * week × working days / 5, as the forecast computed it). A hire whose end date has passed is afgerond.
 * Each gets a first log entry saying so. Then external_hire is dropped: one table, not two.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'assignments',
  sql: `
    CREATE TABLE assignment (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('zzp', 'inhuurbureau', 'detachering', 'adviesbureau', 'project', 'programma', 'gemeenschappelijke_regeling', 'agentschap', 'overig')),
      contractor TEXT NOT NULL,
      counterparty TEXT NOT NULL DEFAULT '',
      person_name TEXT NOT NULL DEFAULT '',
      official_commissioner TEXT NOT NULL DEFAULT '',
      administrative_commissioner TEXT NOT NULL DEFAULT '',
      agreed_result TEXT NOT NULL DEFAULT '',
      acceptance_criteria TEXT NOT NULL DEFAULT '',
      ceiling_cents INTEGER NOT NULL CHECK (ceiling_cents >= 0),
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'in_voorbereiding' CHECK (status IN ('in_voorbereiding', 'lopend', 'afgerond', 'vervallen')),
      hourly_rate_cents INTEGER CHECK (hourly_rate_cents IS NULL OR hourly_rate_cents >= 0),
      hours_per_week REAL CHECK (hours_per_week IS NULL OR (hours_per_week > 0 AND hours_per_week <= 60)),
      formation_position_id INTEGER REFERENCES formation_position (id),
      note TEXT NOT NULL DEFAULT '',
      import_batch_id INTEGER REFERENCES import_batch (id),
      deleted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (end_date >= start_date),
      CHECK (kind IN ('zzp', 'inhuurbureau', 'detachering') OR (hourly_rate_cents IS NULL AND hours_per_week IS NULL AND formation_position_id IS NULL))
    );
    CREATE INDEX assignment_period ON assignment (start_date, end_date);

    CREATE TABLE assignment_budget_line (
      id INTEGER PRIMARY KEY,
      assignment_id INTEGER NOT NULL REFERENCES assignment (id),
      cost_centre TEXT NOT NULL REFERENCES cost_centre (code),
      account TEXT NOT NULL,
      position INTEGER NOT NULL,
      UNIQUE (assignment_id, cost_centre, account),
      UNIQUE (assignment_id, position)
    );
    CREATE INDEX assignment_budget_line_target ON assignment_budget_line (cost_centre, account);

    CREATE TABLE assignment_moment (
      id INTEGER PRIMARY KEY,
      assignment_id INTEGER NOT NULL REFERENCES assignment (id),
      kind TEXT NOT NULL CHECK (kind IN ('start', 'go_no_go', 'tussenrapportage', 'acceptatie', 'decharge')),
      due_date TEXT NOT NULL,
      outcome TEXT CHECK (outcome IS NULL OR outcome IN ('akkoord', 'bijsturen', 'niet_akkoord')),
      decided_on TEXT,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((outcome IS NULL) = (decided_on IS NULL))
    );
    CREATE INDEX assignment_moment_due ON assignment_moment (assignment_id, due_date);

    CREATE TABLE assignment_log (
      id INTEGER PRIMARY KEY,
      assignment_id INTEGER NOT NULL REFERENCES assignment (id),
      date TEXT NOT NULL,
      text TEXT NOT NULL,
      actor TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX assignment_log_assignment ON assignment_log (assignment_id, date);

    CREATE TABLE assignment_ledger_link (
      id INTEGER PRIMARY KEY,
      assignment_id INTEGER NOT NULL REFERENCES assignment (id),
      ledger_line_id INTEGER NOT NULL UNIQUE REFERENCES ledger_line (id),
      actor TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX assignment_ledger_link_assignment ON assignment_ledger_link (assignment_id);

    CREATE TABLE assignment_commitment_link (
      id INTEGER PRIMARY KEY,
      assignment_id INTEGER NOT NULL REFERENCES assignment (id),
      commitment_id INTEGER NOT NULL UNIQUE REFERENCES commitment (id),
      actor TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX assignment_commitment_link_assignment ON assignment_commitment_link (assignment_id);

    CREATE TABLE assignment_department_link (
      id INTEGER PRIMARY KEY,
      assignment_id INTEGER NOT NULL REFERENCES assignment (id),
      department_code TEXT NOT NULL,
      relation TEXT NOT NULL CHECK (relation IN ('hangt_af_van', 'raakt')),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      removed_at TEXT
    );
    CREATE INDEX assignment_department_link_assignment ON assignment_department_link (assignment_id);

    CREATE TABLE benchmark (
      id INTEGER PRIMARY KEY,
      indicator TEXT NOT NULL CHECK (indicator IN ('verzuimpercentage', 'bezettingsgraad', 'inhuurpercentage')),
      reference_group TEXT NOT NULL,
      value REAL NOT NULL CHECK (value >= 0 AND value <= 100),
      year INTEGER NOT NULL,
      source TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    INSERT INTO benchmark (indicator, reference_group, value, year, source, created_at, updated_at) VALUES
      ('verzuimpercentage', 'Gemeenten', 5.8, 2021, 'A&O fonds Gemeenten, Personeelsmonitor', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('verzuimpercentage', 'Gemeenten', 6.7, 2022, 'A&O fonds Gemeenten, Personeelsmonitor', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('verzuimpercentage', 'Gemeenten', 6.5, 2023, 'A&O fonds Gemeenten, Personeelsmonitor', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('verzuimpercentage', 'Openbaar bestuur', 6.1, 2022, 'A&O fonds Gemeenten, Personeelsmonitor', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('inhuurpercentage', 'Gemeenten', 16.5, 2021, 'A&O fonds Gemeenten', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('inhuurpercentage', 'Gemeenten', 18.1, 2023, 'A&O fonds Gemeenten', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

    -- Working days (Monday–Friday) of each external hire, for its expected total cost.
    CREATE TEMP TABLE migration_hire_days AS
      WITH RECURSIVE day (hire_id, d, last) AS (
        SELECT id, start_date, end_date FROM external_hire
        UNION ALL
        SELECT hire_id, date(d, '+1 day'), last FROM day WHERE d < last
      )
      SELECT hire_id, SUM(CASE WHEN strftime('%w', d) IN ('0', '6') THEN 0 ELSE 1 END) AS working_days FROM day GROUP BY hire_id;

    INSERT INTO assignment (id, code, title, kind, contractor, counterparty, person_name, official_commissioner, agreed_result, ceiling_cents,
                            start_date, end_date, status, hourly_rate_cents, hours_per_week, formation_position_id, note, deleted_at, created_at, updated_at)
      SELECT h.id, 'INH-' || printf('%04d', h.id), h.assignment,
             CASE h.kind WHEN 'zzp' THEN 'zzp' WHEN 'detachering' THEN 'detachering' ELSE 'inhuurbureau' END,
             h.contractor, h.contractor, h.person_name, h.commissioner, h.agreed_result,
             CAST(round(h.hours_per_week * COALESCE(d.working_days, 0) / 5.0 * h.hourly_rate_cents) AS INTEGER),
             h.start_date, h.end_date,
             CASE WHEN h.end_date < date('now') THEN 'afgerond' ELSE 'lopend' END,
             h.hourly_rate_cents, h.hours_per_week, h.formation_position_id, h.note, h.deleted_at, h.created_at, h.updated_at
      FROM external_hire h LEFT JOIN temp.migration_hire_days d ON d.hire_id = h.id;

    INSERT INTO assignment_budget_line (assignment_id, cost_centre, account, position)
      SELECT id, cost_centre, upper(trim(account)), 0 FROM external_hire;

    INSERT INTO assignment_log (assignment_id, date, text, actor, created_at)
      SELECT id, date('now'),
             'Overgenomen uit de inhuurregistratie (soort ' || kind || '); relatie gelijk aan de opdrachtnemer; plafond = verwachte kosten (uurtarief × uren per week × werkdagen).',
             'migratie', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      FROM external_hire;

    DROP TABLE temp.migration_hire_days;
    DROP INDEX external_hire_period;
    DROP TABLE external_hire;
  `,
};
