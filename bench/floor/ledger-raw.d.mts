export const OWN_COST_CENTRES: string[];
export function prepareFloorTable(workbookFile: string, variant: 'same-indexes' | 'no-index'): void;
export function rawLedgerInsert(workbookFile: string, ledgerFile: string): Promise<number>;
