import type { Command } from '../command.ts';
import { createCommand } from './create.ts';
import { importCommand } from './import.ts';
import { managementReportCommand } from './management-report.ts';
import { reportCommand } from './report.ts';

/** Every command of `werkboek`; areas add theirs here. */
export const commands: Command[] = [createCommand, importCommand, reportCommand, managementReportCommand];
