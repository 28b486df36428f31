import { mergeMessages } from './define.ts';
import { absenceMessages } from './messages/absence.ts';
import { appMessages } from './messages/app.ts';
import { budgetMessages } from './messages/budget.ts';
import { importMessages } from './messages/import.ts';
import { workbookMessages } from './messages/workbook.ts';

/** All UI texts, one file per area in ./messages; an area adds its file to this list. */
export const messageAreas = [appMessages, workbookMessages, budgetMessages, importMessages, absenceMessages] as const;

export const nl = mergeMessages(messageAreas, 'nl');
export type Messages = typeof nl;
