export type WorkbookKind = 'department' | 'central-hr' | 'central-finance';

export interface WorkbookInfo {
  path: string;
  workbookId: string;
  kind: WorkbookKind;
  organisation: string;
  departmentCode: string | null;
  departmentName: string | null;
  fiscalYear: number;
  owner: string;
  createdAt: string;
  schemaVersion: number;
  readOnly: boolean;
  /** Non-blocking warnings for the user, e.g. the file lies in a OneDrive folder. */
  warnings: string[];
  /** Set when a backup was made because the file was migrated from an older version. */
  migratedFrom: number | null;
  backupPath: string | null;
  /** The automatic backup made when the workbook was opened (null: none needed, read-only, or it failed: see warnings). */
  openBackupPath?: string | null;
}

export interface CostCentre {
  code: string;
  name: string;
  taakveld: string | null;
}

export interface RecentWorkbook {
  path: string;
  title: string;
  openedAt: string;
  exists: boolean;
}

/** `workbook.saveCopy`: where the copy went and the workbook now open, or its bytes (browser preview). */
export interface SavedCopy {
  name: string;
  path: string | null;
  contentBase64: string | null;
  info: WorkbookInfo | null;
}

/** A workbook file in the data folder (the browser preview opens workbooks there by name). */
export interface AvailableWorkbook {
  name: string;
  path: string;
  modifiedAt: string;
  sizeBytes: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  tableName: string;
  rowId: string | null;
  oldJson: string | null;
  newJson: string | null;
  note: string | null;
  /** The columns that identify the row now (audit.subjects.<table>), or null when it no longer exists. */
  subject?: Record<string, string | number | null> | null;
}

/** Why a backup was made: on open (rotating), by hand (kept until the user deletes it), before a migration, before a restore. */
export type BackupKind = 'automatisch' | 'handmatig' | 'voor-migratie' | 'voor-herstel';

export interface BackupEntry {
  /** File name in the workbook's backups folder (`<file>.backups/`). */
  name: string;
  path: string;
  kind: BackupKind;
  /** ISO time (UTC) the backup was made. */
  createdAt: string;
  sizeBytes: number;
  /** For a backup before a migration: the schema version it still has. */
  fromSchemaVersion: number | null;
}

export interface BackupList {
  folder: string;
  /** How many automatic backups are kept (setting backupsToKeep). */
  keep: number;
  backups: BackupEntry[];
}

export interface RestoreResult {
  info: WorkbookInfo;
  restoredFrom: string;
  /** The state just before the restore, kept as a backup of kind "voor-herstel". */
  safetyBackup: BackupEntry;
}

export interface ClosedYear {
  year: number;
  closedAt: string;
  closedBy: string;
  note: string | null;
}

export interface ArchiveResult {
  /** Where the ZIP was written, or null when it is returned as contentBase64 (browser preview). */
  path: string | null;
  fileName: string;
  contentBase64: string | null;
  sizeBytes: number;
  tables: Array<{ name: string; rows: number }>;
}

/** How the budget lines of a newly opened year start: at zero, or with the current budget of the year before. */
export type YearBudgetSource = 'zero' | 'copy';

/**
 * `workbook.openYear` (dry run or real): what the new year starts with. The first six keys are the public
 * contract of `werkboek year open --json`; the rest says the same in more detail for the preview.
 */
export interface YearTurnResult {
  year: number;
  budgetLines: number;
  commitmentsCarried: number;
  assignmentsRunning: number;
  bottlenecksOpen: number;
  absenceCasesOpen: number;
  /** The current year before the turn (after a real run the workbook's current year is `year`). */
  previousYear: number;
  budget: YearBudgetSource;
  /** Lines the turn adds (copied from the year before, or for a carried commitment) and lines already there (an imported begroting). */
  budgetLinesNew: number;
  budgetLinesExisting: number;
  /** The new year's adopted budget after the turn (integer cents, costs positive, income negative). */
  budgetLasten: number;
  budgetBaten: number;
  commitmentsCarriedCents: number;
  decisionMomentsOpen: number;
  employeesInService: number;
  formationPositions: number;
  /** True when the year was opened before (or lies before the current year): nothing changes. */
  alreadyOpen: boolean;
  dryRun: boolean;
  /** True only for a real run that opened the year. */
  changed: boolean;
  commitments: Array<{ originalId: number; supplier: string; description: string; reference: string | null; costCentre: string; account: string; amountCents: number; date: string }>;
  assignments: Array<{ id: number; code: string; title: string; endDate: string; openMoments: number; nextMomentDue: string | null }>;
  bottlenecks: Array<{ id: number; identifier: string; title: string; status: string }>;
  absenceCases: Array<{ id: number; caseNumber: string; employee: string; firstDay: string }>;
}

/** A fiscal year of the workbook: opened (and when), current, closed. */
export interface WorkbookYear {
  year: number;
  current: boolean;
  closed: boolean;
  openedAt: string | null;
  openedBy: string | null;
}
