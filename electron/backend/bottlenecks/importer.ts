import type { FieldSpec } from '../../../shared/import/types.ts';
import {
  CATEGORY_LABELS,
  CONFIDENTIALITY_LABELS,
  ESCALATION_LABELS,
  IDENTIFIER_PATTERN,
  parseCategory,
  parseConfidentiality,
  parseEscalationTarget,
  parseLevel,
  parseStatus,
  STATUS_LABELS,
} from '../../../shared/domain/bottlenecks/rules.ts';
import type { EscalationTarget, Level } from '../../../shared/domain/bottlenecks/types.ts';
import { DepartmentScope, SCOPE_COST_CENTRE_FIELD, SCOPE_DEPARTMENT_FIELD } from '../import/department-scope.ts';
import type { ImporterDefinition, ImportRun, ImportRunContext, RowOutcome } from '../import/importer.ts';
import { RowRejection, type RowReader } from '../import/row-reader.ts';
import { contentHash, findByHash, findByIdentifier, insertBottleneck } from './service.ts';

/** Column names as heads write them in their own Excel lists (Dutch first, English second). */
export const BOTTLENECK_FIELDS: FieldSpec[] = [
  { key: 'identifier', label: 'Kenmerk', type: 'text', required: false, synonyms: ['Kenmerk', 'Zaaknummer', 'Knelpuntnummer', 'Nummer', 'Nr', 'Identificatie', 'ID', 'Identifier', 'Reference'] },
  { key: 'title', label: 'Titel', type: 'text', required: true, synonyms: ['Titel', 'Knelpunt', 'Onderwerp', 'Naam', 'Title', 'Subject'] },
  { key: 'description', label: 'Omschrijving', type: 'text', required: false, synonyms: ['Omschrijving', 'Beschrijving', 'Toelichting', 'Description'] },
  { key: 'category', label: 'Categorie', type: 'text', required: true, synonyms: ['Categorie', 'Soort', 'Type', 'Thema', 'Category'] },
  { key: 'impact', label: 'Impact', type: 'text', required: false, synonyms: ['Impact', 'Ernst', 'Gevolg', 'Effect'] },
  { key: 'urgency', label: 'Urgentie', type: 'text', required: false, synonyms: ['Urgentie', 'Spoed', 'Prioriteit', 'Urgency', 'Priority'] },
  { key: 'signalledOn', label: 'Datum gesignaleerd', type: 'date', required: true, synonyms: ['Datum gesignaleerd', 'Gesignaleerd', 'Gesignaleerd op', 'Signaleringsdatum', 'Datum', 'Startdatum', 'Date signalled', 'Date', 'Reported'] },
  { key: 'owner', label: 'Eigenaar', type: 'text', required: false, synonyms: ['Eigenaar', 'Verantwoordelijke', 'Trekker', 'Behandelaar', 'Owner'] },
  { key: 'status', label: 'Status', type: 'text', required: false, synonyms: ['Status', 'Stand', 'State'] },
  { key: 'proposedSolution', label: 'Voorgestelde oplossing', type: 'text', required: false, synonyms: ['Voorgestelde oplossing', 'Oplossing', 'Voorstel', 'Oplossingsrichting', 'Proposed solution', 'Solution'] },
  { key: 'decision', label: 'Besluit', type: 'text', required: false, synonyms: ['Besluit', 'Beslissing', 'Resultaat', 'Decision'] },
  { key: 'decisionDate', label: 'Datum besluit', type: 'date', required: false, synonyms: ['Datum besluit', 'Besluitdatum', 'Beslisdatum', 'Decision date'] },
  { key: 'escalatedTo', label: 'Geëscaleerd naar', type: 'text', required: false, synonyms: ['Geëscaleerd naar', 'Escalatie', 'Escalatie naar', 'Opgeschaald naar', 'Escalated to'] },
  { key: 'escalatedDepartment', label: 'Afdeling (escalatie)', type: 'text', required: false, synonyms: ['Afdeling escalatie', 'Escalatie afdeling', 'Andere afdeling', 'Escalated department', 'Escalation department'] },
  { key: 'endDate', label: 'Einddatum', type: 'date', required: false, synonyms: ['Einddatum', 'Datum afgerond', 'Datum opgelost', 'Afgerond op', 'End date', 'Closed'] },
  { key: 'confidentiality', label: 'Vertrouwelijkheid', type: 'text', required: false, synonyms: ['Vertrouwelijkheid', 'Vertrouwelijkheidaanduiding', 'Rubricering', 'Confidentiality'] },
  // An organisation-wide list says whose bottleneck it is; a department's own list need not.
  SCOPE_DEPARTMENT_FIELD,
  SCOPE_COST_CENTRE_FIELD,
];

function choices(labels: Record<string, string>): string {
  return Object.values(labels).join(', ');
}

class BottleneckImportRun implements ImportRun {
  private readonly seenIdentifiers = new Map<string, number>();
  private readonly seenHashes = new Map<string, number>();

  private readonly scope: DepartmentScope;

  constructor(private readonly context: ImportRunContext) {
    this.scope = new DepartmentScope(context.wb);
  }

  private level(reader: RowReader, field: 'impact' | 'urgency'): Level {
    if (!reader.has(field)) return 'middel';
    const level = parseLevel(reader.text(field));
    if (!level) throw new RowRejection(`onbekende waarde "${reader.text(field)}"; gebruik laag, middel of hoog`, field);
    return level;
  }

  row(reader: RowReader): RowOutcome {
    const { wb, batchId, fileName } = this.context;
    // Another department's bottleneck (an organisation-wide list) is counted, not checked.
    const scope = this.scope.ofRow(reader);
    if (scope === 'outside' || scope === 'unregistered') return this.scope.outcome(scope, 0, reader.text('costCentre').toUpperCase());
    const title = reader.required('title');
    const category = parseCategory(reader.required('category'));
    if (!category) throw new RowRejection(`onbekende categorie "${reader.text('category')}"; mogelijk: ${choices(CATEGORY_LABELS)}`, 'category');
    const status = reader.has('status') ? parseStatus(reader.text('status')) : 'open';
    if (!status) throw new RowRejection(`onbekende status "${reader.text('status')}"; mogelijk: ${choices(STATUS_LABELS)}`, 'status');
    const signalledOn = reader.date('signalledOn');
    const impact = this.level(reader, 'impact');
    const urgency = this.level(reader, 'urgency');
    const decisionDate = reader.optionalDate('decisionDate');
    const endDate = reader.optionalDate('endDate');
    const decision = reader.text('decision');

    let confidentiality = undefined;
    if (reader.has('confidentiality')) {
      confidentiality = parseConfidentiality(reader.text('confidentiality'));
      if (!confidentiality) throw new RowRejection(`onbekende vertrouwelijkheid "${reader.text('confidentiality')}"; mogelijk: ${choices(CONFIDENTIALITY_LABELS)}`, 'confidentiality');
    }
    let escalatedTo: EscalationTarget | null = null;
    if (reader.has('escalatedTo')) {
      escalatedTo = parseEscalationTarget(reader.text('escalatedTo'));
      if (!escalatedTo) throw new RowRejection(`onbekend escalatiedoel "${reader.text('escalatedTo')}"; mogelijk: ${choices(ESCALATION_LABELS)}`, 'escalatedTo');
    }
    const escalatedDepartment = reader.text('escalatedDepartment').toUpperCase() || null;
    if (status === 'geescaleerd' && !escalatedTo) throw new RowRejection('een geëscaleerd knelpunt noemt naar wie het is geëscaleerd', 'escalatedTo');
    if (escalatedTo === 'afdeling' && !escalatedDepartment) throw new RowRejection('escalatie naar een andere afdeling noemt de afdelingscode', 'escalatedDepartment');
    if (status === 'opgelost' && !decision) throw new RowRejection('een opgelost knelpunt noemt het besluit of de oplossing', 'decision');

    let identifier: string | undefined;
    if (reader.has('identifier')) {
      identifier = reader.text('identifier').toUpperCase();
      if (!IDENTIFIER_PATTERN.exec(identifier)) throw new RowRejection(`kenmerk "${reader.text('identifier')}" heeft niet de vorm KNP-jjjj-nnnn`, 'identifier');
      const earlier = this.seenIdentifiers.get(identifier);
      if (earlier !== undefined) throw new RowRejection(`kenmerk ${identifier} staat al op regel ${earlier}`, 'identifier');
      this.seenIdentifiers.set(identifier, reader.line);
      if (findByIdentifier(wb, identifier) !== undefined) return { status: 'duplicate' };
    } else {
      const hash = contentHash(title, category, signalledOn);
      const earlier = this.seenHashes.get(hash);
      if (earlier !== undefined) throw new RowRejection(`hetzelfde knelpunt (titel, categorie en datum) staat al op regel ${earlier}`, 'title');
      this.seenHashes.set(hash, reader.line);
      if (findByHash(wb, hash) !== undefined) return { status: 'duplicate' };
    }

    insertBottleneck(
      wb,
      {
        title,
        category,
        description: reader.text('description'),
        impact,
        urgency,
        signalledOn,
        owner: reader.text('owner'),
        proposedSolution: reader.text('proposedSolution'),
        decision,
        decisionDate,
        confidentiality,
      },
      {
        identifier,
        status,
        escalatedTo,
        escalatedDepartment: escalatedTo === 'afdeling' ? escalatedDepartment : null,
        endDate,
        batchId,
        reason: `Geïmporteerd uit ${fileName}, regel ${reader.line}`,
      },
    );
    return { status: 'new' };
  }

  finish(): Record<string, number> {
    return {};
  }
}

export const bottleneckImporter: ImporterDefinition = {
  kind: 'bottlenecks',
  title: 'Knelpunten',
  fields: BOTTLENECK_FIELDS,
  amountFields: [],
  table: 'bottleneck',
  workbookKinds: ['department'],
  begin: (context) => new BottleneckImportRun(context),
};
