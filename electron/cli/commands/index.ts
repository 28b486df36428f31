import type { Command } from '../command.ts';
import { archiveCommand } from './archive.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { createCommand } from './create.ts';
import { importCommand } from './import.ts';
import { reportCommand } from './report.ts';

/** Every command of `werkboek`; areas add theirs here. */
export const commands: Command[] = [createCommand, importCommand, reportCommand, backupCommand, restoreCommand, archiveCommand];
