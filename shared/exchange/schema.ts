import { z } from 'zod';
import { parsePeriod } from '../domain/period.ts';

/**
 * The `.wbx` exchange format, version 1, as zod schemas. These are the source of truth: the verifier
 * validates with them, and `shared/exchange/wbx.schema.json` (JSON Schema 2020-12 for other systems)
 * is generated from them (`npm run exchange:schema`; a unit test keeps the two in step).
 *
 * Every object is strict: a field this version does not know makes the package invalid. That keeps
 * the contract explicit (a new field means a new format version) and means a finance package cannot
 * smuggle personal data in an unexpected field past the central workbook.
 */

export const WBX_FORMAT = 'werkboek-wbx';
/** The newest format version this app reads and writes. */
export const WBX_FORMAT_VERSION = 1;
export const WBX_EXTENSION = '.wbx';
export const PACKAGE_KINDS = ['finance-summary', 'hr-summary'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/).meta({ description: 'Calendar date, ISO 8601 (YYYY-MM-DD).' });
const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/)
  .meta({ description: 'Moment, ISO 8601 with time zone, e.g. 2027-07-03T09:15:00.000Z.' });
const cents = z
  .number()
  .int()
  .min(-(10 ** 15))
  .max(10 ** 15)
  .meta({ description: 'Amount in euro cents (integer). Ledger signs: costs (lasten) positive, income (baten) negative.' });
const code = z.string().min(1).max(20).regex(/^[A-Z0-9._-]+$/).meta({ description: 'Code in capitals: letters, digits, dot, hyphen, underscore.' });
const text = (max: number) => z.string().max(max);
const periodCode = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/).meta({ description: 'Period: a year (2027), quarter (2027-Q2) or month (2027-04).' });
const personnelNumber = z.string().min(1).max(30).meta({ description: 'Personnel number (personeelsnummer) as the HR system issues it. Files are matched on it, never on names.' });
const fte = z.number().min(0).max(100).meta({ description: 'Full-time equivalents (hours per week / normal week). At most 4 decimals.' });
const percentage = z.number().min(0).max(100);

// ── Sections shared by both kinds ──────────────────────────────────────────

export const bottleneckSchema = z
  .object({
    id: text(40).min(1).meta({ description: 'Case identifier, e.g. KNP-2027-0007.' }),
    title: text(200).min(1),
    type: text(60),
    status: text(60),
    startDate: isoDate,
    escalatedOn: isoDate.nullable(),
    summary: text(4000).meta({ description: 'What the department asks of the receiver. Free text without personal data.' }),
    financialImpactCents: cents.nullable(),
    otherDepartments: z.array(code).max(50).meta({ description: 'Departments the bottleneck depends on or affects.' }),
  })
  .strict()
  .meta({ title: 'Bottleneck (knelpunt) escalated to the receiver' });

export const crossDepartmentLinkSchema = z
  .object({
    source: z.enum(['bottleneck', 'assignment']),
    id: text(40).min(1).meta({ description: 'Bottleneck identifier (KNP-2027-0007) or assignment code.' }),
    title: text(200).meta({ description: 'Title; for a bottleneck above "intern" confidentiality only its confidentiality level in brackets.' }),
    type: text(60).meta({ description: 'Bottleneck category or assignment kind, in Dutch.' }),
    status: text(60),
    departments: z
      .array(z.object({ code, relation: z.enum(['hangt_af_van', 'raakt']).meta({ description: 'hangt_af_van: depends on that department; raakt: affects it.' }) }).strict())
      .min(1)
      .max(50),
  })
  .strict()
  .meta({ title: 'An open bottleneck or assignment that names other departments: codes and titles only, no personal data' });

// ── Finance summary ────────────────────────────────────────────────────────

export const financeBasisSchema = z
  .object({
    year: z.number().int().min(1990).max(2200).meta({ description: 'Budget year (boekjaar) of the figures.' }),
    periodStart: isoDate,
    periodEnd: isoDate,
    actualsUntil: isoDate.meta({ description: 'Actuals (realisatie) are bookings up to and including this date: the end of the period.' }),
    threshold: z
      .object({
        amountCents: cents.nullable(),
        percent: z.number().min(0).max(1000).nullable(),
        rule: z.enum(['either', 'both']),
      })
      .strict()
      .meta({ description: 'The reporting threshold (rapportagegrens) the department applied to decide which variances need an explanation.' }),
    monthsBooked: z
      .number()
      .int()
      .min(0)
      .max(12)
      .optional()
      .meta({ description: 'Optional. Months of the year the actuals cover (the ledger is booked through the end of this month, at most the period end): the months the linear and rhythm forecasts add a remainder for are the rest of the year.' }),
    rhythmYear: z
      .number()
      .int()
      .min(1990)
      .max(2200)
      .nullable()
      .optional()
      .meta({ description: 'Optional. The earlier year whose monthly pattern lines with forecastMethod "rhythm" follow; null when the department has no complete earlier year.' }),
  })
  .strict();

export const financeLineSchema = z
  .object({
    costCentre: code.meta({ description: 'Cost centre (kostenplaats).' }),
    account: code.meta({ description: 'Ledger account (grootboekrekening).' }),
    accountName: text(200),
    kind: z.enum(['lasten', 'baten']),
    taakveld: text(20).nullable(),
    primitiveCents: cents.meta({ description: 'Budget as adopted (primitieve begroting).' }),
    revisionsCents: cents.meta({ description: 'Sum of budget amendments (begrotingswijzigingen).' }),
    currentCents: cents.meta({ description: 'Current budget = primitive + revisions (actuele begroting).' }),
    actualCents: cents.meta({ description: 'Actuals to date (realisatie t/m actualsUntil).' }),
    commitmentsCents: cents.meta({ description: 'Open commitments (verplichtingen, obligo).' }),
    forecastCents: cents.meta({ description: 'Forecast of the year-end outcome (prognose).' }),
    varianceCents: cents.meta({ description: 'current − forecast; positive is favourable (V), negative unfavourable (N).' }),
    forecastOverridden: z.boolean().meta({ description: 'The head set the forecast by hand (forecastMethod "manual").' }),
    forecastMethod: z
      .enum(['manual', 'expected', 'rhythm', 'linear'])
      .optional()
      .meta({
        description:
          'Optional. How the forecast was made. manual: the head\'s own amount (forecastNote says why); expected: actuals + commitments + what the head still expects; rhythm: actuals + commitments + the part of the current budget that the line spent last year (basis.rhythmYear) after basis.monthsBooked, as far as not committed; linear: the same with the current budget pro rata for the months not yet booked.',
      }),
    forecastNote: text(2000).nullable(),
    explanation: text(4000).nullable().meta({ description: 'Explanation of the variance (toelichting).' }),
    explanationRequired: z.boolean().meta({ description: 'The variance passes the reporting threshold, so an explanation is required.' }),
  })
  .strict();

export const personnelCostsSchema = z
  .object({
    budgetCents: cents.meta({ description: 'Personnel cost budget of the year.' }),
    actualCents: cents.nullable().meta({ description: 'Personnel costs booked to date, where known.' }),
    forecastCents: cents.meta({ description: 'Forecast of the year’s personnel costs (salary, IKB, employer charges).' }),
    varianceCents: cents.meta({ description: 'budget − forecast.' }),
    byCostCentre: z.array(z.object({ costCentre: code, budgetCents: cents, forecastCents: cents, varianceCents: cents }).strict()).max(500),
    note: text(2000).nullable(),
  })
  .strict()
  .meta({ title: 'Personnel cost forecast against its budget (provided by the staff area)' });

export const externalHireSchema = z
  .object({
    assignments: z.number().int().min(0).meta({ description: 'Number of hire assignments running in the year.' }),
    actualCents: cents.meta({ description: 'External hire costs to date.' }),
    forecastCents: cents.meta({ description: 'Expected external hire costs for the year.' }),
    budgetCents: cents.nullable().meta({ description: 'Budget that pays for hire (e.g. vacancy budget), where designated.' }),
    byKind: z
      .array(
        z
          .object({
            kind: z.enum(['uitzendkracht', 'detachering', 'zzp', 'overig']).meta({ description: 'uitzendkracht: agency staff (kind inhuurbureau in the assignments register); overig is no longer produced.' }),
            assignments: z.number().int().min(0),
            actualCents: cents,
            forecastCents: cents,
          })
          .strict(),
      )
      .max(10),
    byCostCentre: z.array(z.object({ costCentre: code, actualCents: cents, forecastCents: cents }).strict()).max(500),
    flaggedAssignments: z.number().int().min(0).meta({ description: 'Assignments flagged for false self-employment risk (Wet DBA).' }),
  })
  .strict()
  .meta({ title: 'External hire totals (inhuur derden); no names of contractors' });

export const assignmentSummarySchema = z
  .object({
    code,
    kind: z.enum(['zzp', 'inhuurbureau', 'detachering', 'adviesbureau', 'project', 'programma', 'gemeenschappelijke_regeling', 'agentschap', 'overig']),
    status: z.enum(['in_voorbereiding', 'lopend', 'afgerond', 'vervallen']),
    title: text(200),
    contractor: text(200).nullable().meta({ description: 'The contractor (an organisation); always null for a ZZP assignment, whose contractor is a person.' }),
    startDate: isoDate,
    endDate: isoDate,
    budgetLines: z.array(z.object({ costCentre: code, account: code }).strict()).min(1).max(10).meta({ description: 'The budget lines that pay it; the first is its main line.' }),
    ceilingCents: cents.meta({ description: 'Ceiling (plafond) of the whole assignment.' }),
    actualCents: cents.meta({ description: 'Ledger lines counted for the assignment, booked up to the period end (all years of the assignment).' }),
    commitmentsCents: cents.meta({ description: 'Open commitments counted for the assignment.' }),
    signals: z
      .array(z.enum(['overCeiling', 'pastEnd', 'momentOverdue', 'dbaLong', 'dbaNoResult', 'dbaFillsPosition', 'ambiguousLedger']))
      .max(10)
      .meta({ description: 'As on the period end: over the ceiling, past its end date while open, a decision moment overdue, Wet DBA risks of a ZZP assignment, ledger lines that fit more than one assignment.' }),
  })
  .strict()
  .meta({ title: 'An assignment (opdracht) running in the period: kind, code, ceiling and amounts; never a person’s name' });

export const financePayloadSchema = z
  .object({
    basis: financeBasisSchema,
    costCentres: z.array(z.object({ code, name: text(100), taakveld: text(20).nullable() }).strict()).max(500),
    lines: z.array(financeLineSchema).max(100_000),
    personnelCosts: personnelCostsSchema.optional(),
    externalHire: externalHireSchema.optional(),
    bottlenecks: z.array(bottleneckSchema).max(1000).optional().meta({ description: 'Bottlenecks escalated to finance.' }),
    assignments: z.array(assignmentSummarySchema).max(5000).optional().meta({ description: 'Assignments (opdrachten) whose period overlaps the package period.' }),
    links: z.array(crossDepartmentLinkSchema).max(2000).optional().meta({ description: 'Open bottlenecks and assignments that name other departments.' }),
  })
  .strict()
  .meta({ title: 'Finance summary payload', description: 'No personal data at all: no names, personnel numbers or absence.' });

// ── HR summary ─────────────────────────────────────────────────────────────

export const hrBasisSchema = z
  .object({
    periodStart: isoDate,
    periodEnd: isoDate,
    referenceDate: isoDate.meta({ description: 'Formation and occupation are given as on this date (the period end).' }),
    normalWeekHours: z.number().positive().max(60).meta({ description: 'Hours of a full-time week (36 in the CAO Gemeenten).' }),
  })
  .strict();

export const formationSchema = z
  .object({
    positions: z
      .array(
        z
          .object({
            positionId: text(40).min(1),
            costCentre: code,
            functionTitle: text(200),
            salaryScale: z.number().int().min(1).max(18).nullable(),
            formationFte: fte,
            occupationFte: fte,
          })
          .strict(),
      )
      .max(20_000),
  })
  .strict()
  .meta({ title: 'Formation (formatie) and occupation (bezetting) per position on the reference date' });

export const staffMemberSchema = z
  .object({
    personnelNumber,
    employmentStart: isoDate,
    employmentEnd: isoDate.nullable().meta({ description: 'Last day of employment, inclusive; null while employed.' }),
    terms: z
      .array(
        z
          .object({
            validFrom: isoDate,
            costCentre: code,
            functionTitle: text(200),
            salaryScale: z.number().int().min(1).max(18).nullable(),
            salaryStep: z.number().int().min(0).max(30).nullable(),
            hoursPerWeek: z.number().positive().max(60),
            fte,
            contractType: text(60),
            positionId: text(40).nullable(),
          })
          .strict(),
      )
      .min(1)
      .max(1000)
      .meta({ description: 'Terms in force during the period: the one valid at the period start and every later change, ordered by validFrom.' }),
  })
  .strict()
  .meta({ title: 'Staff member: no names, only the personnel number' });

export const absenceCaseSchema = z
  .object({
    caseId: text(40).min(1),
    personnelNumber,
    firstDay: isoDate.meta({ description: 'First sick day (day 1 of the Poortwachter timeline).' }),
    lastSickDay: isoDate.nullable().meta({ description: 'Last sick day before full recovery, inclusive; null while the case is open.' }),
    incapacity: z
      .array(z.object({ from: isoDate, percentage: percentage.meta({ description: 'Incapacity (arbeidsongeschiktheid) in percent from this date on: 100 sick, 50 after a 50 % partial recovery.' }) }).strict())
      .min(1)
      .max(500),
    continuesCaseId: text(40).nullable().meta({ description: 'A relapse within 28 days continues this earlier case’s Poortwachter timeline.' }),
  })
  .strict()
  .meta({ title: 'Absence case (verzuimgeval): dates and percentages only; never a diagnosis or any medical detail' });

export const poortwachterMilestoneSchema = z
  .object({
    caseId: text(40).min(1),
    personnelNumber,
    milestone: code.meta({ description: 'Milestone code, e.g. PROBLEEMANALYSE, PLAN-VAN-AANPAK, 42E-WEEKSMELDING.' }),
    label: text(200),
    dueDate: isoDate,
    completedOn: isoDate.nullable(),
    status: z.enum(['open', 'done', 'overdue']).meta({
      description:
        "On the period's last day (the day the package was made while the period still ran): done by then; overdue (due before it, not done, the person still sick on it); open (not yet due). A step not done in a timeline that ended before that day is not sent.",
    }),
  })
  .strict();

export const absenceMetricsSchema = z
  .object({
    percentage: z.number().min(0).max(100).nullable().meta({ description: 'Verzuimpercentage (Nationale Verzuimstandaard) over the period.' }),
    reportFrequency: z.number().min(0).nullable().meta({ description: 'Meldingsfrequentie on a year basis.' }),
    reports: z.number().int().min(0).meta({ description: 'Number of new sick reports in the period (raw count).' }),
    averageDurationDays: z.number().min(0).nullable(),
    zeroAbsencePercent: z.number().min(0).max(100).nullable().meta({ description: 'Nulverzuim.' }),
    averageHeadcount: z.number().min(0).nullable(),
    durationBands: z.array(z.object({ label: text(40), fromDays: z.number().int().min(1), toDays: z.number().int().min(1), cases: z.number().int().min(0) }).strict()).max(10),
  })
  .strict()
  .meta({ title: 'The department’s own absence metrics (central HR recomputes organisation-wide figures from the cases)' });

type HrPayloadShape = {
  formation?: { positions: Array<{ positionId: string }> };
  staff?: Array<{ personnelNumber: string; employmentStart: string; employmentEnd: string | null; terms: Array<{ validFrom: string }> }>;
  absenceCases?: Array<{ caseId: string; personnelNumber: string; firstDay: string; lastSickDay: string | null; incapacity: Array<{ from: string }> }>;
  poortwachter?: Array<{ caseId: string; personnelNumber: string }>;
};

/**
 * What a schema of fields alone cannot say: the parts of an HR payload must fit together, or central
 * could not recompute the figures (each case belongs to someone on the staff list, one person's cases
 * do not overlap, a case's percentages start on its first day, …). Messages are Dutch: they are shown
 * in the central import's rejection with the path of the item.
 */
function checkHrConsistency(payload: HrPayloadShape, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const staff = new Map<string, number>();
  payload.staff?.forEach((member, i) => {
    if (staff.has(member.personnelNumber)) issue(['staff', i, 'personnelNumber'], `personeelsnummer ${member.personnelNumber} staat twee keer in de personeelslijst`);
    staff.set(member.personnelNumber, i);
    if (member.employmentEnd !== null && member.employmentEnd < member.employmentStart) issue(['staff', i, 'employmentEnd'], `het dienstverband van ${member.personnelNumber} eindigt vóór het begint`);
    member.terms.forEach((t, j) => {
      if (j > 0 && t.validFrom <= member.terms[j - 1].validFrom) issue(['staff', i, 'terms', j, 'validFrom'], `de arbeidsvoorwaarden van ${member.personnelNumber} staan niet op oplopende ingangsdatum`);
    });
  });
  const cases = new Map<string, { personnelNumber: string }>();
  const lastOfPerson = new Map<string, { caseId: string; lastSickDay: string | null; firstDay: string }>();
  if (payload.absenceCases && !payload.staff) issue(['absenceCases'], 'verzuimgevallen zonder personeelslijst kunnen niet worden verwerkt');
  const byPerson = [...(payload.absenceCases ?? []).entries()].sort(([, a], [, b]) => a.personnelNumber.localeCompare(b.personnelNumber) || a.firstDay.localeCompare(b.firstDay));
  for (const [i, c] of byPerson) {
    if (cases.has(c.caseId)) issue(['absenceCases', i, 'caseId'], `verzuimgeval ${c.caseId} komt twee keer voor`);
    cases.set(c.caseId, c);
    if (payload.staff && !staff.has(c.personnelNumber)) issue(['absenceCases', i, 'personnelNumber'], `verzuimgeval ${c.caseId} hoort bij personeelsnummer ${c.personnelNumber}, dat niet in de personeelslijst staat`);
    if (c.lastSickDay !== null && c.lastSickDay < c.firstDay) issue(['absenceCases', i, 'lastSickDay'], `verzuimgeval ${c.caseId} eindigt vóór de eerste ziektedag`);
    if (c.incapacity[0] && c.incapacity[0].from !== c.firstDay) issue(['absenceCases', i, 'incapacity', 0, 'from'], `het eerste percentage van verzuimgeval ${c.caseId} begint niet op de eerste ziektedag`);
    c.incapacity.forEach((e, j) => {
      if (j > 0 && e.from <= c.incapacity[j - 1].from) issue(['absenceCases', i, 'incapacity', j, 'from'], `de percentages van verzuimgeval ${c.caseId} staan niet op oplopende datum`);
      if (c.lastSickDay !== null && e.from > c.lastSickDay) issue(['absenceCases', i, 'incapacity', j, 'from'], `een percentage van verzuimgeval ${c.caseId} begint na de laatste ziektedag`);
    });
    const previous = lastOfPerson.get(c.personnelNumber);
    if (previous && (previous.lastSickDay === null || previous.lastSickDay >= c.firstDay)) {
      issue(['absenceCases', i, 'firstDay'], `verzuimgeval ${c.caseId} overlapt met verzuimgeval ${previous.caseId} van dezelfde medewerker`);
    }
    lastOfPerson.set(c.personnelNumber, c);
  }
  if (payload.poortwachter && !payload.absenceCases) issue(['poortwachter'], 'Poortwachter-stappen zonder verzuimgevallen kunnen niet worden verwerkt');
  payload.poortwachter?.forEach((m, i) => {
    const owner = cases.get(m.caseId);
    if (payload.absenceCases && !owner) issue(['poortwachter', i, 'caseId'], `Poortwachter-stap bij verzuimgeval ${m.caseId}, dat niet in de verzuimgevallen staat`);
    else if (owner && owner.personnelNumber !== m.personnelNumber) issue(['poortwachter', i, 'personnelNumber'], `Poortwachter-stap bij verzuimgeval ${m.caseId} noemt een ander personeelsnummer dan het geval`);
  });
  const positions = new Set<string>();
  payload.formation?.positions.forEach((p, i) => {
    if (positions.has(p.positionId)) issue(['formation', 'positions', i, 'positionId'], `formatieplaats ${p.positionId} komt twee keer voor`);
    positions.add(p.positionId);
  });
}

export const hrPayloadSchema = z
  .object({
    basis: hrBasisSchema,
    formation: formationSchema.optional(),
    staff: z.array(staffMemberSchema).max(20_000).optional(),
    absenceCases: z.array(absenceCaseSchema).max(100_000).optional(),
    poortwachter: z.array(poortwachterMilestoneSchema).max(200_000).optional(),
    absenceMetrics: absenceMetricsSchema.optional(),
    bottlenecks: z.array(bottleneckSchema).max(1000).optional().meta({ description: 'Bottlenecks escalated to HR.' }),
    links: z.array(crossDepartmentLinkSchema).max(2000).optional().meta({ description: 'Open bottlenecks and assignments that name other departments.' }),
  })
  .strict()
  .superRefine(checkHrConsistency)
  .meta({
    title: 'HR summary payload',
    description:
      'Personnel numbers and absence cases, because HR runs the absence registration; no names, no diagnosis. The parts must fit together (docs/exchange-format.md §5): unique personnel numbers and case ids, every case on the staff list, one person’s cases not overlapping, percentages from the first sick day in date order, every Poortwachter step on a listed case.',
  });

// ── Envelope ───────────────────────────────────────────────────────────────

const headerShape = {
  format: z.literal(WBX_FORMAT),
  formatVersion: z.literal(WBX_FORMAT_VERSION),
  organisation: z.string().min(1).max(200),
  department: z.object({ code, name: text(100) }).strict(),
  period: periodCode,
  sequence: z.number().int().min(1).max(1_000_000_000).meta({ description: 'Counts up per department, kind and period: a higher number supersedes a lower one.' }),
  createdAt: timestamp,
  appVersion: z.string().min(1).max(40),
  publicKey: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/)
    .meta({ description: 'The department’s Ed25519 public key: the raw 32 bytes, base64. Its fingerprint is the SHA-256 of those bytes, hex.' }),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'SHA-256 of the canonical JSON bytes of `payload`, lowercase hex.' }),
  signature: z
    .string()
    .regex(/^[A-Za-z0-9+/]{86}==$/)
    .meta({ description: 'Ed25519 signature (64 bytes, base64) over the canonical JSON bytes of the whole envelope without `signature`.' }),
};

/**
 * The envelope's `period` is what central files the package under (and what a higher sequence
 * supersedes); the payload's basis is what its figures are about. They must be the same period, or a
 * package labelled 2027-Q2 with the figures of Q1 would replace the real Q2.
 */
function checkPeriodMatches(envelope: { period: string; payload: { basis: Record<string, unknown> } }, ctx: z.RefinementCtx): void {
  const period = parsePeriod(envelope.period);
  if (!period) return; // the period's own pattern has already said so
  const basis = envelope.payload.basis;
  const expected: Record<string, string | number> = { periodStart: period.start, periodEnd: period.end };
  if ('year' in basis) expected.year = period.year;
  if ('actualsUntil' in basis) expected.actualsUntil = period.end;
  if ('referenceDate' in basis) expected.referenceDate = period.end;
  for (const [field, value] of Object.entries(expected)) {
    if (basis[field] !== value) {
      ctx.addIssue({ code: 'custom', path: ['payload', 'basis', field], message: `${JSON.stringify(basis[field])} past niet bij de periode van het pakket (${period.code}: ${period.start} t/m ${period.end}); verwacht ${JSON.stringify(value)}` });
    }
  }
}

export const financeEnvelopeSchema = z.object({ ...headerShape, kind: z.literal('finance-summary'), payload: financePayloadSchema }).strict().superRefine(checkPeriodMatches);
export const hrEnvelopeSchema = z.object({ ...headerShape, kind: z.literal('hr-summary'), payload: hrPayloadSchema }).strict().superRefine(checkPeriodMatches);

export const envelopeSchema = z.discriminatedUnion('kind', [financeEnvelopeSchema, hrEnvelopeSchema]).meta({
  title: 'Werkboek exchange package (.wbx), format version 1',
  description:
    'A signed summary from a department workbook to a central HR or finance workbook. See docs/exchange-format.md. The payload is about the envelope’s period: basis.periodStart and basis.periodEnd are its first and last day, basis.actualsUntil and basis.referenceDate its last day, and a finance basis.year its year.',
});

export type FinancePayload = z.infer<typeof financePayloadSchema>;
export type FinanceLine = z.infer<typeof financeLineSchema>;
export type HrPayload = z.infer<typeof hrPayloadSchema>;
export type Bottleneck = z.infer<typeof bottleneckSchema>;
export type PersonnelCosts = z.infer<typeof personnelCostsSchema>;
export type ExternalHire = z.infer<typeof externalHireSchema>;
export type AssignmentSummary = z.infer<typeof assignmentSummarySchema>;
export type CrossDepartmentLink = z.infer<typeof crossDepartmentLinkSchema>;
export type StaffMember = z.infer<typeof staffMemberSchema>;
export type AbsenceCase = z.infer<typeof absenceCaseSchema>;
export type PoortwachterMilestone = z.infer<typeof poortwachterMilestoneSchema>;
export type AbsenceMetrics = z.infer<typeof absenceMetricsSchema>;
export type Formation = z.infer<typeof formationSchema>;
export type Envelope = z.infer<typeof envelopeSchema>;
export type FinanceEnvelope = z.infer<typeof financeEnvelopeSchema>;
export type HrEnvelope = z.infer<typeof hrEnvelopeSchema>;
export type UnsignedEnvelope = Omit<Envelope, 'signature'>;

/** The payload schema of each kind, and the payload keys (sections) a department may fill. */
export const PAYLOAD_SCHEMAS = { 'finance-summary': financePayloadSchema, 'hr-summary': hrPayloadSchema } as const;

/** The JSON Schema for other systems, generated from the zod schemas above. */
export function wbxJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(envelopeSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $id: 'urn:werkboek:wbx:1', ...schema };
}
