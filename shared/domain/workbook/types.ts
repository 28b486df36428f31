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
}
