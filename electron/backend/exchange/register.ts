import { seedCalendar } from '../consolidation/registry.ts';
import { onWorkbookCreated } from '../workbook/lifecycle.ts';
import { builtinSections } from './builtin-sections.ts';
import { sessionProtectors } from './handlers.ts';
import { ensureDepartmentKey } from './keys.ts';
import { employeeTerms, registerPersonalTermSource } from './privacy.ts';
import { registerPackageSection } from './sections.ts';

/** What the exchange and consolidation areas plug in at start-up (called once from areas.ts). */
export function registerExchange(): void {
  for (const section of builtinSections) registerPackageSection(section);
  registerPersonalTermSource(employeeTerms);
  onWorkbookCreated((wb, session) => {
    if (wb.meta.kind === 'department') ensureDepartmentKey(wb, sessionProtectors(session).primary);
    else seedCalendar(wb);
  });
}
