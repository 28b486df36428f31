import type { Session } from '../session.ts';
import type { Workbook } from './workbook.ts';

/**
 * Work other areas do right after a workbook file is created (the exchange area makes the
 * department's signing key and the central delivery calendar). A hook that fails does not undo the
 * new workbook: each hook's work can also be done later, on first use.
 */
export type WorkbookCreatedHook = (wb: Workbook, session: Session) => void;

const hooks: WorkbookCreatedHook[] = [];

export function onWorkbookCreated(hook: WorkbookCreatedHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

export function runWorkbookCreatedHooks(wb: Workbook, session: Session): string[] {
  const problems: string[] = [];
  for (const hook of hooks) {
    try {
      hook(wb, session);
    } catch (error) {
      problems.push((error as Error).message);
      console.error('[werkboek] a workbook-created hook failed:', error);
    }
  }
  return problems;
}
