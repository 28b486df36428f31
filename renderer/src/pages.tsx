import type { ReactNode } from 'react';
import type { WorkbookInfo } from '../../shared/domain/workbook/types.ts';
import { BottlenecksPage } from './areas/bottlenecks/BottlenecksPage.tsx';
import { AbsencePage } from './areas/absence/AbsencePage.tsx';
import { AssignmentsPage } from './areas/assignments/AssignmentsPage.tsx';
import { SharedLinksPage } from './areas/assignments/SharedLinksPage.tsx';
import { OpeningNotice } from './areas/absence/OpeningNotice.tsx';
import { PoortwachterPage } from './areas/absence/PoortwachterPage.tsx';
import { BudgetPage } from './areas/budget/BudgetPage.tsx';
import { CommitmentsPage } from './areas/budget/CommitmentsPage.tsx';
import { LedgerPage } from './areas/budget/LedgerPage.tsx';
import { CentralImportPage } from './areas/consolidation/CentralImportPage.tsx';
import { CompletenessPage } from './areas/consolidation/CompletenessPage.tsx';
import { DepartmentsPage } from './areas/consolidation/DepartmentsPage.tsx';
import { FinanceReviewPage } from './areas/consolidation/FinanceReviewPage.tsx';
import { HrConsolidationPage } from './areas/consolidation/HrConsolidationPage.tsx';
import { ExchangePage } from './areas/exchange/ExchangePage.tsx';
import { ImportPage } from './areas/import/ImportPage.tsx';
import { OverviewPage } from './areas/overview/OverviewPage.tsx';
import { FormationPage } from './areas/staff/FormationPage.tsx';
import { PersonnelCostsPage } from './areas/staff/PersonnelCostsPage.tsx';
import { SalaryTablePage } from './areas/staff/SalaryTablePage.tsx';
import { StaffPage } from './areas/staff/StaffPage.tsx';
import { AuditPage } from './areas/workbook/AuditPage.tsx';
import { BackupPage } from './areas/workbook/BackupPage.tsx';
import { SettingsPage } from './areas/workbook/SettingsPage.tsx';

export interface PageContext {
  info: WorkbookInfo;
  nativeDialogs: boolean;
  /** A page that changed what the workbook info says (the year turn) hands the new info to the app. */
  onInfoChanged(info: WorkbookInfo): void;
}

export interface PageDef {
  route: string;
  labelKey: string;
  workbookKinds: WorkbookInfo['kind'][];
  render(ctx: PageContext): ReactNode;
}

/** The navigation of an open workbook, in menu order; the first page for a kind is its start page. Areas add theirs. */
export const PAGES: PageDef[] = [
  { route: 'overview', labelKey: 'nav.overview', workbookKinds: ['department'], render: ({ info, nativeDialogs }) => <OverviewPage info={info} nativeDialogs={nativeDialogs} /> },
  { route: 'budget', labelKey: 'nav.budget', workbookKinds: ['department'], render: ({ info }) => <BudgetPage fiscalYear={info.fiscalYear} readOnly={info.readOnly} /> },
  { route: 'ledger', labelKey: 'nav.ledger', workbookKinds: ['department'], render: ({ info }) => <LedgerPage fiscalYear={info.fiscalYear} /> },
  { route: 'commitments', labelKey: 'nav.commitments', workbookKinds: ['department'], render: ({ info }) => <CommitmentsPage fiscalYear={info.fiscalYear} readOnly={info.readOnly} /> },
  { route: 'bottlenecks', labelKey: 'nav.bottlenecks', workbookKinds: ['department'], render: ({ info }) => <BottlenecksPage readOnly={info.readOnly} /> },
  { route: 'staff', labelKey: 'nav.staff', workbookKinds: ['department'], render: ({ info }) => <StaffPage fiscalYear={info.fiscalYear} readOnly={info.readOnly} /> },
  { route: 'formation', labelKey: 'nav.formation', workbookKinds: ['department'], render: ({ info }) => <FormationPage fiscalYear={info.fiscalYear} readOnly={info.readOnly} /> },
  { route: 'personnel-costs', labelKey: 'nav.personnelCosts', workbookKinds: ['department'], render: ({ info }) => <PersonnelCostsPage fiscalYear={info.fiscalYear} /> },
  { route: 'assignments', labelKey: 'nav.assignments', workbookKinds: ['department'], render: ({ info }) => <AssignmentsPage fiscalYear={info.fiscalYear} readOnly={info.readOnly} /> },
  { route: 'salary', labelKey: 'nav.salary', workbookKinds: ['department'], render: ({ info }) => <SalaryTablePage fiscalYear={info.fiscalYear} readOnly={info.readOnly} /> },
  { route: 'absence', labelKey: 'nav.absence', workbookKinds: ['department'], render: ({ info }) => <AbsencePage fiscalYear={info.fiscalYear} readOnly={info.readOnly} /> },
  { route: 'poortwachter', labelKey: 'nav.poortwachter', workbookKinds: ['department'], render: ({ info }) => <PoortwachterPage readOnly={info.readOnly} /> },
  {
    route: 'import',
    labelKey: 'nav.import',
    workbookKinds: ['department'],
    render: ({ info, nativeDialogs }) => <ImportPage workbookKind={info.kind} nativeDialogs={nativeDialogs} />,
  },
  {
    route: 'exchange',
    labelKey: 'nav.exchange',
    workbookKinds: ['department'],
    render: ({ info, nativeDialogs }) => <ExchangePage fiscalYear={info.fiscalYear} readOnly={info.readOnly} nativeDialogs={nativeDialogs} />,
  },
  {
    route: 'completeness',
    labelKey: 'nav.completeness',
    workbookKinds: ['central-hr', 'central-finance'],
    render: ({ info }) => <CompletenessPage kind={info.kind as 'central-hr' | 'central-finance'} />,
  },
  {
    route: 'central-import',
    labelKey: 'nav.centralImport',
    workbookKinds: ['central-hr', 'central-finance'],
    render: ({ info, nativeDialogs }) => <CentralImportPage readOnly={info.readOnly} nativeDialogs={nativeDialogs} />,
  },
  {
    route: 'consolidation',
    labelKey: 'nav.consolidation',
    workbookKinds: ['central-finance'],
    render: ({ info, nativeDialogs }) => <FinanceReviewPage readOnly={info.readOnly} nativeDialogs={nativeDialogs} />,
  },
  {
    route: 'hr-consolidation',
    labelKey: 'nav.hrConsolidation',
    workbookKinds: ['central-hr'],
    render: ({ info, nativeDialogs }) => <HrConsolidationPage readOnly={info.readOnly} nativeDialogs={nativeDialogs} />,
  },
  { route: 'shared-links', labelKey: 'nav.sharedLinks', workbookKinds: ['central-hr', 'central-finance'], render: () => <SharedLinksPage /> },
  { route: 'departments', labelKey: 'nav.departments', workbookKinds: ['central-hr', 'central-finance'], render: ({ info }) => <DepartmentsPage readOnly={info.readOnly} fiscalYear={info.fiscalYear} /> },
  { route: 'settings', labelKey: 'nav.settings', workbookKinds: ['department', 'central-hr', 'central-finance'], render: ({ info, nativeDialogs, onInfoChanged }) => <SettingsPage info={info} nativeDialogs={nativeDialogs} onInfoChanged={onInfoChanged} /> },
  {
    route: 'backups',
    labelKey: 'nav.backups',
    workbookKinds: ['department', 'central-hr', 'central-finance'],
    render: ({ info, nativeDialogs }) => <BackupPage info={info} nativeDialogs={nativeDialogs} />,
  },
  { route: 'audit', labelKey: 'nav.audit', workbookKinds: ['department', 'central-hr', 'central-finance'], render: () => <AuditPage /> },
];

/** Old addresses that live on elsewhere: the Inhuur page became part of Opdrachten. */
export const REDIRECTS: Record<string, string> = { hires: 'assignments?hire=1' };

export interface NoticeDef {
  key: string;
  workbookKinds: WorkbookInfo['kind'][];
  render(ctx: PageContext): ReactNode;
}

/** Shown above every page of an open workbook, from the moment it opens (e.g. overdue deadlines). Areas add theirs. */
export const NOTICES: NoticeDef[] = [{ key: 'poortwachter', workbookKinds: ['department'], render: ({ info }) => <OpeningNotice workbookPath={info.path} /> }];
