import { describe, expect, it } from 'vitest';
import {
  canTransition,
  formatIdentifier,
  isReportable,
  parseCategory,
  parseEscalationTarget,
  parseLevel,
  parseStatus,
  priority,
} from '../../../shared/domain/bottlenecks/rules.ts';

describe('bottleneck rules', () => {
  it('numbers identifiers per year with four digits', () => {
    expect(formatIdentifier(2027, 7)).toBe('KNP-2027-0007');
    expect(formatIdentifier(2027, 12345)).toBe('KNP-2027-12345');
  });

  it('allows only the status changes of a case', () => {
    expect(canTransition('open', 'geescaleerd')).toBe(true);
    expect(canTransition('geescaleerd', 'geescaleerd')).toBe(true);
    expect(canTransition('opgelost', 'geescaleerd')).toBe(false);
    expect(canTransition('vervallen', 'opgelost')).toBe(false);
    expect(canTransition('opgelost', 'in_behandeling')).toBe(true);
    expect(canTransition('open', 'open')).toBe(false);
  });

  it('orders by impact × urgency', () => {
    expect(priority('hoog', 'hoog')).toBe(9);
    expect(priority('laag', 'hoog')).toBe(3);
    expect(priority('middel', 'middel')).toBe(4);
  });

  it('reports titles up to "intern" only', () => {
    expect(isReportable('openbaar')).toBe(true);
    expect(isReportable('intern')).toBe(true);
    expect(isReportable('zaakvertrouwelijk')).toBe(false);
    expect(isReportable('zeer_geheim')).toBe(false);
  });

  it('reads the words people use in their own lists', () => {
    expect(parseCategory('Samenwerking met andere afdelingen')).toBe('samenwerking');
    expect(parseCategory('ICT')).toBe('ict');
    expect(parseCategory('  formatie ')).toBe('formatie');
    expect(parseCategory('Contractor')).toBe('opdrachtnemer');
    expect(parseCategory('Huisvesting')).toBeNull();
    expect(parseStatus('Geëscaleerd')).toBe('geescaleerd');
    expect(parseStatus('geescaleerd')).toBe('geescaleerd');
    expect(parseStatus('In behandeling')).toBe('in_behandeling');
    expect(parseStatus('Afgerond')).toBe('opgelost');
    expect(parseStatus('Misschien')).toBeNull();
    expect(parseLevel('H')).toBe('hoog');
    expect(parseLevel('Medium')).toBe('middel');
    expect(parseEscalationTarget('P&O')).toBe('hr');
    expect(parseEscalationTarget('Financiën (control)')).toBe('financien');
  });
});
