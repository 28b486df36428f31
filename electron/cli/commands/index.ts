import type { Command } from '../command.ts';
import { absencePurgeCommand } from './absence-purge.ts';
import { archiveCommand } from './archive.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { centralCreateCommand, centralExportCommand, centralImportCommand, centralPeriodCommand, centralRegisterCommand, centralReportCommand } from './central.ts';
import { createCommand } from './create.ts';
import { exportCommand, keyCommand, verifyCommand } from './exchange.ts';
import { importCommand } from './import.ts';
import { managementReportCommand } from './management-report.ts';
import { reportCommand } from './report.ts';
import { yearOpenCommand } from './year.ts';

/** Every command of `werkboek`; areas add theirs here. */
export const commands: Command[] = [
  createCommand,
  importCommand,
  reportCommand,
  managementReportCommand,
  absencePurgeCommand,
  backupCommand,
  restoreCommand,
  archiveCommand,
  yearOpenCommand,
  exportCommand,
  keyCommand,
  verifyCommand,
  centralCreateCommand,
  centralRegisterCommand,
  centralPeriodCommand,
  centralImportCommand,
  centralReportCommand,
  centralExportCommand,
];
