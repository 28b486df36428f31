/** The import kinds offered in the UI, in menu order; areas add theirs. Labels are i18n keys. */
export const IMPORT_KINDS: Array<{ kind: string; labelKey: string; workbookKinds: string[] }> = [
  { kind: 'ledger', labelKey: 'import.kinds.ledger', workbookKinds: ['department'] },
  { kind: 'budget', labelKey: 'import.kinds.budget', workbookKinds: ['department'] },
  { kind: 'absence', labelKey: 'import.kinds.absence', workbookKinds: ['department'] },
];
