import { addDays } from '../../../shared/domain/absence/days.ts';
import { CaseProblem, checkCaseShape, checkNoOverlap, type CaseDraft, type CaseField } from '../../../shared/domain/absence/rules.ts';
import type { AbsenceKind } from '../../../shared/domain/absence/types.ts';
import type { FieldSpec } from '../../../shared/import/types.ts';
import { formatDate } from '../../../shared/format/nl.ts';
import { parseDecimal } from '../../../shared/import/values.ts';
import { DepartmentScope, SCOPE_COST_CENTRE_FIELD, SCOPE_DEPARTMENT_FIELD } from '../import/department-scope.ts';
import type { ImporterDefinition, ImportRun, ImportRunContext, RowOutcome, SettledRow } from '../import/importer.ts';
import { RowRejection, type RowReader } from '../import/row-reader.ts';
import { nowIso } from '../workbook/workbook.ts';
import { checkEmployment, otherCasesOf } from './cases.ts';
import type { EmployeeRow } from './employees.ts';

export const ABSENCE_FIELDS: FieldSpec[] = [
  {
    key: 'personnelNumber',
    label: 'Personeelsnummer',
    type: 'text',
    required: true,
    synonyms: ['Personeelsnummer', 'Personeelsnr', 'Pers.nr.', 'Persnr', 'Medewerkernummer', 'Registratienummer', 'Employee number', 'Employee ID', 'Personnel number'],
  },
  {
    key: 'caseNumber',
    label: 'Verzuimgeval',
    type: 'text',
    required: true,
    synonyms: ['Verzuimgeval', 'Verzuimgevalnummer', 'Verzuimnummer', 'Nummer verzuimgeval', 'Verzuimmelding', 'Meldingnummer', 'Case', 'Case number', 'Absence case'],
  },
  {
    key: 'startDate',
    label: 'Ingangsdatum',
    type: 'date',
    required: true,
    synonyms: ['Ingangsdatum', 'Begindatum', 'Datum vanaf', 'Vanaf', 'Van', 'Eerste ziektedag', 'Datum ziekmelding', 'Ziekmeldingsdatum', 'Start date', 'From', 'Start'],
  },
  { key: 'endDate', label: 'Einddatum (laatste ziektedag)', type: 'date', required: false, synonyms: ['Einddatum', 'Datum tot en met', 'Tot en met', 'T/m', 'Laatste ziektedag', 'End date', 'To', 'Until'] },
  { key: 'recoveredOn', label: 'Hersteldatum (eerste dag hersteld)', type: 'date', required: false, synonyms: ['Hersteldatum', 'Datum hersteld', 'Hersteld per', 'Datum herstel', 'Recovery date', 'Recovered on'] },
  {
    key: 'percentage',
    label: 'Arbeidsongeschikt %',
    type: 'percent',
    required: false,
    synonyms: ['Arbeidsongeschikt %', 'Arbeidsongeschikt', 'Arbeidsongeschiktheid', 'Arbeidsongeschiktheidspercentage', 'Percentage arbeidsongeschikt', 'AO %', 'AO-percentage', 'AO', 'Percentage', 'Incapacity %', 'Incapacity'],
  },
  { key: 'kind', label: 'Soort verzuim', type: 'text', required: false, synonyms: ['Soort verzuim', 'Verzuimsoort', 'Soort', 'Type verzuim', 'Absence type'] },
  { key: 'safetyNet', label: 'Vangnetregeling', type: 'text', required: false, synonyms: ['Vangnet', 'Vangnetregeling', 'Vangnetter', 'Safety net'] },
  { key: 'occupationalAccident', label: 'Arbeidsongeval', type: 'text', required: false, synonyms: ['Arbeidsongeval', 'Bedrijfsongeval', 'Ongeval op het werk', 'Occupational accident'] },
  { key: 'liableThirdParty', label: 'Aansprakelijke derde', type: 'text', required: false, synonyms: ['Aansprakelijke derde', 'Derde aansprakelijk', 'Regres', 'Verhaal', 'Liable third party'] },
  // An organisation-wide list says whose case it is; a department's own list need not.
  SCOPE_COST_CENTRE_FIELD,
  SCOPE_DEPARTMENT_FIELD,
];

const FLAG_FIELDS = ['safetyNet', 'occupationalAccident', 'liableThirdParty'] as const;
type FlagField = (typeof FLAG_FIELDS)[number];
const FLAG_COLUMNS: Record<FlagField, 'safety_net' | 'occupational_accident' | 'liable_third_party'> = {
  safetyNet: 'safety_net',
  occupationalAccident: 'occupational_accident',
  liableThirdParty: 'liable_third_party',
};

/** The file's field for each case rule, so a broken rule names the file's column. */
const FIELD_OF: Record<CaseField, string> = {
  employee: 'personnelNumber',
  caseNumber: 'caseNumber',
  firstDay: 'startDate',
  lastDay: 'endDate',
  percentage: 'percentage',
  from: 'startDate',
};

interface ParsedRow {
  line: number;
  employee: EmployeeRow;
  caseNumber: string;
  start: string;
  end: string | null;
  percentage: number;
  kind: AbsenceKind;
  flags: Partial<Record<FlagField, boolean>>;
}

function parsePercentage(reader: RowReader): number {
  if (!reader.isMapped('percentage')) return 100;
  const text = reader.required('percentage').replace(/%/g, '').trim();
  const parsed = parseDecimal(text, text.includes(',') ? ',' : '.');
  if (!parsed.ok) throw new RowRejection(`${reader.label('percentage')}: ${parsed.reason}`, 'percentage');
  if (parsed.value < 1 || parsed.value > 100) {
    throw new RowRejection(`arbeidsongeschiktheid ${text} % ligt niet tussen 1 en 100 % (een volledig herstel is een einddatum)`, 'percentage');
  }
  return parsed.value;
}

function parseKind(reader: RowReader): AbsenceKind {
  const text = reader.text('kind').toLowerCase();
  if (text === '' || /^(ziek|ziekte|ziekteverzuim|verzuim|sick|sickness|illness)/.test(text)) return 'sickness';
  if (/zwanger|bevalling|wazo|pregnan|maternity/.test(text)) return 'pregnancy_leave';
  throw new RowRejection(`soort verzuim "${reader.text('kind')}" is onbekend (verwacht ziekte of zwangerschaps-/bevallingsverlof)`, 'kind');
}

function parseFlag(reader: RowReader, field: FlagField): boolean | undefined {
  if (!reader.isMapped(field)) return undefined;
  const text = reader.text(field).toLowerCase();
  if (/^(ja|j|yes|y|x|1|waar|true)$/.test(text)) return true;
  if (/^(nee|n|no|0|onwaar|false|)$/.test(text)) return false;
  throw new RowRejection(`${reader.label(field)} "${reader.text(field)}" is geen ja of nee`, field);
}

class AbsenceImportRun implements ImportRun {
  private readonly employees = new Map<string, EmployeeRow>();
  /** Rows per case number, in the order the cases first appear in the file. */
  private readonly cases = new Map<string, ParsedRow[]>();
  /** Case numbers with a row the reader already rejected, and that row's line. */
  private readonly brokenCases = new Map<string, number>();
  /**
   * Rows of people who are not the department's, per case number: decided in settle() with the case, so a
   * case whose other rows are hers (a personnel number mistyped on one row) is never half hers.
   */
  private readonly strangers = new Map<string, Array<{ line: number; personnelNumber: string; outcome: RowOutcome }>>();
  private readonly counts = { casesNew: 0, casesUpdated: 0, casesUnchanged: 0, casesRejected: 0 };

  private readonly scope: DepartmentScope;

  constructor(private readonly context: ImportRunContext) {
    const { wb } = context;
    for (const e of wb.all(wb.db.selectFrom('employee').select(['id', 'personnel_number', 'first_name', 'infix', 'last_name', 'start_date', 'end_date']))) {
      this.employees.set(e.personnel_number, e);
    }
    this.scope = new DepartmentScope(wb);
  }

  /**
   * Whose row this is. The department's people are the employees of the workbook. Someone else is
   * another department's (an organisation-wide list), unless the row's own cost centre or department
   * column says the department's: then the roster lacks them, and that is what the refusal says. With
   * no staff in the workbook at all there is nothing to tell the rows apart by, and the advice is to
   * import the roster first.
   */
  private stranger(reader: RowReader, personnelNumber: string): RowOutcome {
    const scope = this.scope.ofRow(reader);
    if (scope === 'outside' || scope === 'unregistered') return this.scope.outcome(scope, 0, reader.text('costCentre').toUpperCase());
    if (this.employees.size === 0) {
      throw new RowRejection(`personeelsnummer ${personnelNumber} is onbekend: dit werkboek heeft nog geen medewerkers (importeer eerst het personeelsbestand)`, 'personnelNumber');
    }
    if (scope === 'ours') {
      const where = reader.isMapped('costCentre') && reader.has('costCentre') ? `kostenplaats ${reader.text('costCentre').toUpperCase()}` : `afdeling ${reader.text('department')}`;
      throw new RowRejection(`personeelsnummer ${personnelNumber} staat volgens het bestand op ${where} van deze afdeling, maar niet in het personeelsbestand van dit werkboek (importeer het actuele personeelsbestand)`, 'personnelNumber');
    }
    return { status: 'outside' };
  }

  row(reader: RowReader): RowOutcome {
    const caseNumber = reader.text('caseNumber');
    try {
      const personnelNumber = reader.required('personnelNumber');
      const employee = this.employees.get(personnelNumber) ?? this.employees.get(personnelNumber.replace(/^0+/, ''));
      if (!employee) {
        const outcome = this.stranger(reader, personnelNumber);
        if (caseNumber === '') return outcome;
        const list = this.strangers.get(caseNumber) ?? [];
        list.push({ line: reader.line, personnelNumber, outcome });
        this.strangers.set(caseNumber, list);
        return { status: 'deferred' };
      }
      reader.required('caseNumber');
      const start = reader.date('startDate');
      let end = reader.optionalDate('endDate');
      const recoveredOn = reader.optionalDate('recoveredOn');
      if (recoveredOn !== null) {
        const lastDay = addDays(recoveredOn, -1);
        if (end !== null && end !== lastDay) throw new RowRejection(`einddatum ${formatDate(end)} past niet bij hersteld per ${formatDate(recoveredOn)}`, 'recoveredOn');
        end = lastDay;
      }
      if (end !== null && end < start) {
        throw new RowRejection(`${recoveredOn ? `hersteld per ${formatDate(recoveredOn)}` : `einddatum ${formatDate(end)}`} ligt vóór de ingangsdatum ${formatDate(start)}`, recoveredOn ? 'recoveredOn' : 'endDate');
      }
      const percentage = parsePercentage(reader);
      const kind = parseKind(reader);
      const flags: ParsedRow['flags'] = {};
      for (const field of FLAG_FIELDS) {
        const value = parseFlag(reader, field);
        if (value !== undefined) flags[field] = value;
      }
      const list = this.cases.get(caseNumber) ?? [];
      list.push({ line: reader.line, employee, caseNumber, start, end, percentage, kind, flags });
      this.cases.set(caseNumber, list);
      return { status: 'deferred' };
    } catch (error) {
      if (caseNumber !== '' && !this.brokenCases.has(caseNumber)) this.brokenCases.set(caseNumber, reader.line);
      throw error;
    }
  }

  settle(): SettledRow[] {
    const outcomes: SettledRow[] = [];
    for (const [caseNumber, rows] of this.strangers) {
      const brokenLine = this.brokenCases.get(caseNumber);
      const own = this.cases.get(caseNumber);
      if (brokenLine !== undefined) {
        for (const row of rows) outcomes.push({ line: row.line, rejection: new RowRejection(`hoort bij verzuimgeval ${caseNumber}, waarvan regel ${brokenLine} is afgekeurd; het geval wordt niet half geïmporteerd`, 'caseNumber') });
      } else if (own !== undefined) {
        // One case, partly on a personnel number of hers and partly not: a typing error somewhere; the whole case waits.
        const first = own[0];
        for (const row of rows) {
          outcomes.push({
            line: row.line,
            rejection: new RowRejection(`verzuimgeval ${caseNumber} staat op regel ${first.line} op personeelsnummer ${first.employee.personnel_number} van deze afdeling, hier op ${row.personnelNumber}`, 'personnelNumber'),
          });
        }
        this.brokenCases.set(caseNumber, rows[0].line);
      } else {
        for (const row of rows) outcomes.push({ line: row.line, ...row.outcome, status: row.outcome.status as 'outside' | 'unregistered' });
      }
    }
    for (const [caseNumber, rows] of this.cases) {
      const brokenLine = this.brokenCases.get(caseNumber);
      if (brokenLine !== undefined) {
        this.counts.casesRejected += 1;
        for (const row of rows) outcomes.push({ line: row.line, rejection: new RowRejection(`hoort bij verzuimgeval ${caseNumber}, waarvan regel ${brokenLine} is afgekeurd; het geval wordt niet half geïmporteerd`, 'caseNumber') });
        continue;
      }
      // Each case is its own savepoint: a case that breaks a rule leaves nothing behind.
      try {
        const status = this.context.wb.tx(() => this.writeCase(caseNumber, rows));
        this.counts[status === 'new' ? 'casesNew' : status === 'updated' ? 'casesUpdated' : 'casesUnchanged'] += 1;
        for (const row of rows) outcomes.push({ line: row.line, status });
      } catch (error) {
        const failure = error instanceof CaseFailure ? error : null;
        if (!failure) throw error;
        this.counts.casesRejected += 1;
        for (const row of rows) {
          outcomes.push({
            line: row.line,
            rejection: row.line === failure.line ? failure.rejection : new RowRejection(`hoort bij verzuimgeval ${caseNumber}, dat op regel ${failure.line} is afgekeurd; het geval wordt niet half geïmporteerd`, 'caseNumber'),
          });
        }
      }
    }
    return outcomes;
  }

  /** Checks the case as a whole and writes it; throws a CaseFailure naming the line at fault. */
  private writeCase(caseNumber: string, fileRows: ParsedRow[]): 'new' | 'updated' | 'duplicate' {
    const { wb } = this.context;
    const rows = [...fileRows].sort((a, b) => a.start.localeCompare(b.start) || a.line - b.line);
    const first = rows[0];
    const fail = (row: ParsedRow, reason: string, field: string): never => {
      throw new CaseFailure(row.line, new RowRejection(reason, field));
    };
    for (const row of rows) {
      if (row.employee.id !== first.employee.id) fail(row, `verzuimgeval ${caseNumber} staat op regel ${first.line} op personeelsnummer ${first.employee.personnel_number}, hier op ${row.employee.personnel_number}`, 'personnelNumber');
      if (row.kind !== first.kind) fail(row, `soort verzuim verschilt van regel ${first.line} van hetzelfde verzuimgeval`, 'kind');
    }
    for (let i = 1; i < rows.length; i++) {
      const previous = rows[i - 1];
      const row = rows[i];
      if (previous.end === null) fail(row, `verzuimgeval ${caseNumber} loopt volgens regel ${previous.line} vanaf ${formatDate(previous.start)} nog door; alleen het laatste deel van een geval mag zonder einddatum`, 'startDate');
      if (row.start <= previous.end!) fail(row, `ingangsdatum ${formatDate(row.start)} overlapt met regel ${previous.line} van hetzelfde verzuimgeval (t/m ${formatDate(previous.end!)})`, 'startDate');
      if (row.start !== addDays(previous.end!, 1)) {
        fail(row, `ingangsdatum ${formatDate(row.start)} sluit niet aan op regel ${previous.line} (t/m ${formatDate(previous.end!)}); een geval met een onderbreking zijn twee verzuimgevallen`, 'startDate');
      }
    }
    const episodes: CaseDraft['episodes'] = [];
    for (const row of rows) if (episodes[episodes.length - 1]?.percentage !== row.percentage) episodes.push({ from: row.start, percentage: row.percentage });
    const draft: CaseDraft = { firstDay: first.start, lastDay: rows[rows.length - 1].end, episodes };
    const flags: Partial<Record<FlagField, boolean>> = {};
    for (const field of FLAG_FIELDS) {
      const values = rows.map((r) => r.flags[field]).filter((v) => v !== undefined);
      if (values.length > 0) flags[field] = values.some(Boolean);
    }

    const existing = wb.all(wb.db.selectFrom('absence_case').selectAll().where('case_number', '=', caseNumber).orderBy('id'));
    const live = existing.find((c) => c.deleted_at === null);
    if (!live && existing.length > 0) fail(first, `verzuimgeval ${caseNumber} is in dit werkboek verwijderd; zet het eerst terug als het toch klopt`, 'caseNumber');
    if (live && live.employee_id !== first.employee.id) fail(first, `verzuimgeval ${caseNumber} hoort in dit werkboek bij een andere medewerker`, 'personnelNumber');

    try {
      checkEmployment(first.employee, draft.firstDay);
      checkCaseShape(draft);
      checkNoOverlap(draft, otherCasesOf(wb, first.employee.id, live?.id));
    } catch (error) {
      if (!(error instanceof CaseProblem)) throw error;
      const atFault = error.field === 'lastDay' ? rows[rows.length - 1] : first;
      fail(atFault, error.message, FIELD_OF[error.field]);
    }

    const now = nowIso();
    if (!live) {
      const values = {
        case_number: caseNumber,
        employee_id: first.employee.id,
        kind: first.kind,
        first_day: draft.firstDay,
        last_day: draft.lastDay,
        expected_recovery: null,
        safety_net: flags.safetyNet ? 1 : 0,
        occupational_accident: flags.occupationalAccident ? 1 : 0,
        liable_third_party: flags.liableThirdParty ? 1 : 0,
        note: null,
        import_batch_id: this.context.batchId,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      };
      const caseId = Number(wb.run(wb.db.insertInto('absence_case').values(values)).lastInsertRowid);
      for (const e of episodes) wb.run(wb.db.insertInto('absence_episode').values({ case_id: caseId, from_date: e.from, percentage: e.percentage, created_at: now, updated_at: now }));
      return 'new';
    }

    const stored = wb.all(wb.db.selectFrom('absence_episode').select(['id', 'from_date', 'percentage']).where('case_id', '=', live.id).orderBy('from_date'));
    const sameEpisodes = stored.length === episodes.length && stored.every((s, i) => s.from_date === episodes[i].from && s.percentage === episodes[i].percentage);
    const caseChanges: Record<string, unknown> = {};
    if (live.first_day !== draft.firstDay) caseChanges.first_day = draft.firstDay;
    if (live.last_day !== draft.lastDay) caseChanges.last_day = draft.lastDay;
    if (live.kind !== first.kind) caseChanges.kind = first.kind;
    for (const field of FLAG_FIELDS) {
      const value = flags[field];
      if (value !== undefined && live[FLAG_COLUMNS[field]] !== (value ? 1 : 0)) caseChanges[FLAG_COLUMNS[field]] = value ? 1 : 0;
    }
    if (sameEpisodes && Object.keys(caseChanges).length === 0) return 'duplicate';

    const old: Record<string, unknown> = {};
    for (const key of Object.keys(caseChanges)) old[key] = live[key as keyof typeof live];
    if (!sameEpisodes) {
      old.episodes = stored.map((s) => ({ from: s.from_date, percentage: s.percentage }));
      caseChanges.episodes = episodes;
      wb.run(wb.db.deleteFrom('absence_episode').where('case_id', '=', live.id));
      for (const e of episodes) wb.run(wb.db.insertInto('absence_episode').values({ case_id: live.id, from_date: e.from, percentage: e.percentage, created_at: now, updated_at: now }));
    }
    const { episodes: _episodes, ...columns } = caseChanges;
    wb.run(wb.db.updateTable('absence_case').set({ ...columns, updated_at: now }).where('id', '=', live.id));
    wb.audit({ action: 'update', table: 'absence_case', rowId: live.id, old, new: caseChanges, note: `Verzuimgeval ${caseNumber} bijgewerkt uit ${this.context.fileName}` });
    return 'updated';
  }

  finish(): Record<string, number> {
    return { ...this.counts };
  }
}

/** A case that breaks a rule, with the line to blame. */
class CaseFailure extends Error {
  constructor(
    readonly line: number,
    readonly rejection: RowRejection,
  ) {
    super(rejection.reason);
  }
}

export const absenceImporter: ImporterDefinition = {
  kind: 'absence',
  title: 'Verzuimlijst',
  fields: ABSENCE_FIELDS,
  amountFields: [],
  table: 'absence_case',
  workbookKinds: ['department'],
  begin: (context) => new AbsenceImportRun(context),
};
