/** An option the importer reads (a date, as the user types it); label and hint are i18n keys. */
export interface ImportKindOption {
  key: string;
  labelKey: string;
  hintKey: string;
}

/** The import kinds offered in the UI, in menu order; areas add theirs. Labels are i18n keys. */
export const IMPORT_KINDS: Array<{ kind: string; labelKey: string; workbookKinds: string[]; options?: ImportKindOption[] }> = [
  { kind: 'ledger', labelKey: 'import.kinds.ledger', workbookKinds: ['department'] },
  { kind: 'budget', labelKey: 'import.kinds.budget', workbookKinds: ['department'] },
  { kind: 'bottlenecks', labelKey: 'import.kinds.bottlenecks', workbookKinds: ['department'] },
  {
    kind: 'staff',
    labelKey: 'import.kinds.staff',
    workbookKinds: ['department'],
    options: [{ key: 'referenceDate', labelKey: 'import.options.referenceDate', hintKey: 'import.options.referenceDateHint' }],
  },
  {
    kind: 'salary-table',
    labelKey: 'import.kinds.salaryTable',
    workbookKinds: ['department'],
    options: [{ key: 'validFrom', labelKey: 'import.options.validFrom', hintKey: 'import.options.validFromHint' }],
  },
  {
    kind: 'formation',
    labelKey: 'import.kinds.formation',
    workbookKinds: ['department'],
    options: [{ key: 'validFrom', labelKey: 'import.options.positionsFrom', hintKey: 'import.options.positionsFromHint' }],
  },
  { kind: 'absence', labelKey: 'import.kinds.absence', workbookKinds: ['department'] },
  { kind: 'assignments', labelKey: 'import.kinds.assignments', workbookKinds: ['department'] },
];
