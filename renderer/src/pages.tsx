import type { ReactNode } from 'react';
import type { WorkbookInfo } from '../../shared/domain/workbook/types.ts';
import { BudgetPage } from './areas/budget/BudgetPage.tsx';
import { CommitmentsPage } from './areas/budget/CommitmentsPage.tsx';
import { LedgerPage } from './areas/budget/LedgerPage.tsx';
import { ImportPage } from './areas/import/ImportPage.tsx';
import { AuditPage } from './areas/workbook/AuditPage.tsx';
import { BackupPage } from './areas/workbook/BackupPage.tsx';
import { SettingsPage } from './areas/workbook/SettingsPage.tsx';

export interface PageContext {
  info: WorkbookInfo;
  nativeDialogs: boolean;
}

export interface PageDef {
  route: string;
  labelKey: string;
  workbookKinds: WorkbookInfo['kind'][];
  render(ctx: PageContext): ReactNode;
}

/** The navigation of an open workbook, in menu order; the first page for a kind is its start page. Areas add theirs. */
export const PAGES: PageDef[] = [
  { route: 'budget', labelKey: 'nav.budget', workbookKinds: ['department'], render: ({ info }) => <BudgetPage fiscalYear={info.fiscalYear} readOnly={info.readOnly} /> },
  { route: 'ledger', labelKey: 'nav.ledger', workbookKinds: ['department'], render: ({ info }) => <LedgerPage fiscalYear={info.fiscalYear} /> },
  { route: 'commitments', labelKey: 'nav.commitments', workbookKinds: ['department'], render: ({ info }) => <CommitmentsPage fiscalYear={info.fiscalYear} readOnly={info.readOnly} /> },
  {
    route: 'import',
    labelKey: 'nav.import',
    workbookKinds: ['department'],
    render: ({ info, nativeDialogs }) => <ImportPage workbookKind={info.kind} nativeDialogs={nativeDialogs} />,
  },
  { route: 'settings', labelKey: 'nav.settings', workbookKinds: ['department', 'central-hr', 'central-finance'], render: ({ info }) => <SettingsPage info={info} /> },
  {
    route: 'backups',
    labelKey: 'nav.backups',
    workbookKinds: ['department', 'central-hr', 'central-finance'],
    render: ({ info, nativeDialogs }) => <BackupPage info={info} nativeDialogs={nativeDialogs} />,
  },
  { route: 'audit', labelKey: 'nav.audit', workbookKinds: ['department', 'central-hr', 'central-finance'], render: () => <AuditPage /> },
];
