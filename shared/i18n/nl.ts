import { mergeMessages } from './define.ts';
import { absenceMessages } from './messages/absence.ts';
import { appMessages } from './messages/app.ts';
import { auditMessages } from './messages/audit.ts';
import { assignmentMessages } from './messages/assignments.ts';
import { bottleneckMessages } from './messages/bottlenecks.ts';
import { budgetMessages } from './messages/budget.ts';
import { centralHrMessages } from './messages/central-hr.ts';
import { exchangeMessages } from './messages/exchange.ts';
import { gridMessages } from './messages/grid.ts';
import { importMessages } from './messages/import.ts';
import { overviewMessages } from './messages/overview.ts';
import { setupMessages } from './messages/setup.ts';
import { signalMessages } from './messages/signals.ts';
import { staffMessages } from './messages/staff.ts';
import { workbookMessages } from './messages/workbook.ts';
import { yearTurnMessages } from './messages/year-turn.ts';

/** All UI texts, one file per area in ./messages; an area adds its file to this list. */
export const messageAreas = [appMessages, workbookMessages, budgetMessages, importMessages, bottleneckMessages, overviewMessages, exchangeMessages, staffMessages, absenceMessages, centralHrMessages, assignmentMessages, auditMessages, gridMessages, setupMessages, signalMessages, yearTurnMessages] as const;

export const nl = mergeMessages(messageAreas, 'nl');
export type Messages = typeof nl;
