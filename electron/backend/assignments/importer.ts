import { ApiError } from '../../../shared/api/errors.ts';
import { KIND_LABELS, parseKind, parseStatus, STATUS_LABELS } from '../../../shared/domain/assignments/rules.ts';
import type { AssignmentFields, AssignmentKind, AssignmentStatus } from '../../../shared/domain/assignments/types.ts';
import type { FieldSpec } from '../../../shared/import/types.ts';
import { normaliseCode } from '../budget/budget-lines.ts';
import { amountOrZero, DepartmentScope } from '../import/department-scope.ts';
import type { ImporterDefinition, ImportRun, ImportRunContext, RowOutcome } from '../import/importer.ts';
import { RowRejection, type RowReader } from '../import/row-reader.ts';
import { AssignmentRules, insertAssignment } from './service.ts';

/** Column names as heads write them in their Excel lists of assignments (Dutch first, English second). */
export const ASSIGNMENT_FIELDS: FieldSpec[] = [
  { key: 'code', label: 'Opdracht', type: 'text', required: true, synonyms: ['Opdracht', 'Opdrachtnummer', 'Opdrachtcode', 'Code', 'Kenmerk', 'Nummer', 'Contractnummer', 'Assignment', 'Reference'] },
  { key: 'kind', label: 'Soort', type: 'text', required: true, synonyms: ['Soort', 'Soort opdracht', 'Type', 'Categorie', 'Kind'] },
  { key: 'title', label: 'Omschrijving', type: 'text', required: false, synonyms: ['Omschrijving', 'Titel', 'Onderwerp', 'Naam opdracht', 'Title', 'Description'] },
  { key: 'contractor', label: 'Opdrachtnemer', type: 'text', required: true, synonyms: ['Opdrachtnemer', 'Uitvoerder', 'Contractant', 'Leverancier', 'Contractor', 'Supplier'] },
  { key: 'counterparty', label: 'Relatie', type: 'text', required: false, synonyms: ['Relatie', 'Relatienaam', 'Crediteur', 'Crediteurnaam', 'Counterparty', 'Creditor'] },
  { key: 'costCentre', label: 'Kostenplaats', type: 'text', required: true, synonyms: ['Kostenplaats', 'Kpl', 'Kostenplaatscode', 'Cost centre', 'Cost center'] },
  { key: 'account', label: 'Grootboekrekening', type: 'text', required: true, synonyms: ['Grootboekrekening', 'Grootboek', 'Rekening', 'GB-rekening', 'Account', 'Ledger account'] },
  { key: 'ceiling', label: 'Plafond', type: 'amount', required: true, synonyms: ['Plafond', 'Plafondbedrag', 'Opdrachtwaarde', 'Maximum', 'Budget', 'Ceiling', 'Maximum amount'] },
  { key: 'startDate', label: 'Begindatum', type: 'date', required: true, synonyms: ['Begindatum', 'Startdatum', 'Ingangsdatum', 'Van', 'Start date', 'Start'] },
  { key: 'endDate', label: 'Einddatum', type: 'date', required: true, synonyms: ['Einddatum', 'Tot', 'Tot en met', 'End date', 'End'] },
  { key: 'officialCommissioner', label: 'Ambtelijk opdrachtgever', type: 'text', required: false, synonyms: ['Ambtelijk opdrachtgever', 'Opdrachtgever', 'Official commissioner', 'Commissioner'] },
  { key: 'administrativeCommissioner', label: 'Bestuurlijk opdrachtgever', type: 'text', required: false, synonyms: ['Bestuurlijk opdrachtgever', 'Portefeuillehouder', 'Wethouder', 'Administrative commissioner'] },
  { key: 'agreedResult', label: 'Beoogd resultaat', type: 'text', required: false, synonyms: ['Beoogd resultaat', 'Afgesproken resultaat', 'Resultaat', 'Opdrachtomschrijving', 'Agreed result', 'Result'] },
  { key: 'acceptanceCriteria', label: 'Acceptatiecriteria', type: 'text', required: false, synonyms: ['Acceptatiecriteria', 'Acceptatie', 'Acceptance criteria'] },
  { key: 'status', label: 'Status', type: 'text', required: false, synonyms: ['Status', 'Stand', 'State'] },
  { key: 'hourlyRate', label: 'Uurtarief', type: 'amount', required: false, synonyms: ['Uurtarief', 'Tarief', 'Tarief per uur', 'Hourly rate', 'Rate'] },
  { key: 'hoursPerWeek', label: 'Uren per week', type: 'decimal', required: false, synonyms: ['Uren per week', 'Uren', 'Uren p/w', 'Hours per week', 'Hours'] },
  { key: 'note', label: 'Opmerking', type: 'text', required: false, synonyms: ['Opmerking', 'Opmerkingen', 'Notitie', 'Note', 'Remarks'] },
];

function choices(labels: Record<string, string>): string {
  return Object.values(labels).join(', ');
}

const CODE = /^[A-Za-z0-9._-]{1,20}$/;

function ceiling(reader: RowReader): number {
  return reader.amount('ceiling');
}

/**
 * One row, one assignment, written whole or not at all: every check (kind, status, dates, amounts, the
 * budget line belonging to the department) comes before the insert. A code already in the register is
 * "al aanwezig" and left alone, as the bottleneck import does: the register, not the Excel list, is
 * where an assignment is kept up to date once it is in Werkboek.
 */
class AssignmentImportRun implements ImportRun {
  private readonly rules: AssignmentRules;
  private readonly seen = new Map<string, number>();
  private readonly scope: DepartmentScope;

  constructor(private readonly context: ImportRunContext) {
    this.rules = new AssignmentRules(context.wb);
    this.scope = new DepartmentScope(context.wb);
  }

  private kind(reader: RowReader): AssignmentKind {
    const kind = parseKind(reader.required('kind'));
    if (!kind) throw new RowRejection(`onbekende soort "${reader.text('kind')}"; mogelijk: ${choices(KIND_LABELS)}`, 'kind');
    return kind;
  }

  private status(reader: RowReader): AssignmentStatus {
    if (!reader.has('status')) return 'lopend';
    const status = parseStatus(reader.text('status'));
    if (!status) throw new RowRejection(`onbekende status "${reader.text('status')}"; mogelijk: ${choices(STATUS_LABELS)}`, 'status');
    return status;
  }

  row(reader: RowReader): RowOutcome {
    // Another department's assignment (an organisation-wide list) is counted with its ceiling, not checked.
    const costCentre = normaliseCode(reader.required('costCentre'));
    const scope = this.scope.costCentre(costCentre);
    if (scope !== 'ours') return this.scope.outcome(scope, amountOrZero(ceiling, reader), costCentre);
    const code = reader.required('code').toUpperCase();
    if (!CODE.test(code)) throw new RowRejection(`code "${reader.text('code')}" mag alleen letters, cijfers, punt en streep bevatten (max. 20 tekens)`, 'code');
    const earlier = this.seen.get(code);
    if (earlier !== undefined) throw new RowRejection(`opdracht ${code} staat al op regel ${earlier}`, 'code');
    this.seen.set(code, reader.line);

    const kind = this.kind(reader);
    const status = this.status(reader);
    const contractor = reader.required('contractor');
    const account = normaliseCode(reader.required('account'));
    const ceilingCents = reader.amount('ceiling');
    if (ceilingCents < 0) throw new RowRejection('plafond kan niet negatief zijn', 'ceiling');
    const startDate = reader.date('startDate');
    const endDate = reader.date('endDate');
    const hourlyRateCents = reader.optionalAmount('hourlyRate');
    if (hourlyRateCents !== null && hourlyRateCents < 0) throw new RowRejection('uurtarief kan niet negatief zijn', 'hourlyRate');
    const hoursPerWeek = reader.optionalDecimal('hoursPerWeek');
    if (hoursPerWeek !== null && (hoursPerWeek <= 0 || hoursPerWeek > 60)) throw new RowRejection('uren per week moeten tussen 0 en 60 liggen', 'hoursPerWeek');

    const budgetProblem = this.rules.budgetLine({ costCentre, account });
    if (budgetProblem) throw new RowRejection(budgetProblem, 'costCentre');
    const agreedResult = reader.text('agreedResult');
    const fields: AssignmentFields = {
      code,
      // Excel lists rarely have a separate title: the agreed result says what the assignment is. Never the
      // contractor: for a ZZP'er that is a person's name.
      title: (reader.text('title') || agreedResult || `${KIND_LABELS[kind]} ${code}`).slice(0, 200),
      kind,
      contractor,
      counterparty: reader.text('counterparty'),
      personName: '',
      officialCommissioner: reader.text('officialCommissioner'),
      administrativeCommissioner: reader.text('administrativeCommissioner'),
      agreedResult,
      acceptanceCriteria: reader.text('acceptanceCriteria'),
      ceilingCents,
      startDate,
      endDate,
      status,
      hourlyRateCents,
      hoursPerWeek,
      formationPositionId: null,
      note: reader.text('note'),
    };
    const problem = this.rules.fields(fields);
    if (problem) throw new RowRejection(problem.reason, problem.field === 'hourlyRateCents' ? 'hourlyRate' : problem.field);
    if (this.rules.codeTaken(code)) return { status: 'duplicate', cents: ceilingCents };

    try {
      insertAssignment(
        this.context.wb,
        { ...fields, budgetLines: [{ costCentre, account }], standardMoments: false },
        { batchId: this.context.batchId, logText: `Geïmporteerd uit ${this.context.fileName}, regel ${reader.line}.` },
      );
    } catch (error) {
      // The checks above mirror the service's; should one still refuse, the row is rejected, not the file.
      if (error instanceof ApiError) throw new RowRejection(error.message);
      throw error;
    }
    return { status: 'new', cents: ceilingCents };
  }

  finish(): Record<string, number> {
    return {};
  }
}

export const assignmentImporter: ImporterDefinition = {
  kind: 'assignments',
  title: 'Opdrachten',
  fields: ASSIGNMENT_FIELDS,
  amountFields: ['ceiling', 'hourlyRate'],
  table: 'assignment',
  workbookKinds: ['department'],
  begin: (context) => new AssignmentImportRun(context),
};
