import type { SettingsPatch } from '../../../shared/domain/settings.ts';
import type { BudgetSpec } from '../../helpers/exchange.ts';

/**
 * Three departments with figures small enough to check by hand (amounts in cents).
 *
 * The first quarter: actuals until 31-03-2027 (the booking of 02-04-2027 falls outside), so every department's
 * ledger counts as booked through March and a forecast without the head's own figure adds 9/12 of the budget.
 *
 * OR:
 *   OR01/4300 current 100.000 + 5.000 = 105.000,00; actuals 30.000 + 10.000 = 40.000,00; commitments 2.000,00;
 *             manual forecast 42.000,00 (maintenance postponed); variance 63.000,00 V (above the threshold, explained)
 *   OR02/4400 current 20.000,00; actuals 1.500,00; expected 18.000,00; forecast 19.500,00; variance 500,00 V
 * BZ (keeps the rule "€ 25.000 of 10 %"):
 *   BZ01/4300 current 5.000,00; actuals 9.000,00; linear forecast 9.000 + 3.750 = 12.750,00; variance −7.750,00 N
 *             (155 %: needs an explanation under BZ's rule; none)
 *   BZ01/8100 income: current −30.000,00; actuals −8.000,00; expected −22.000,00; forecast −30.000,00; variance 0
 * SO:
 *   SO01/4700 current 50.000,00; actuals 12.345,67; expected 37.654,33; forecast 50.000,00; variance 0
 *
 * Organisation, Q1: current 150.000,00; actuals 54.845,67; commitments 2.000,00; forecast 94.250,00; variance 55.750,00.
 */
export const DEPARTMENTS: Array<{
  code: string;
  name: string;
  lines: BudgetSpec[];
  ledger: Array<{ date: string; costCentre: string; account: string; amount: string }>;
  settings?: SettingsPatch;
}> = [
  {
    code: 'OR',
    name: 'Openbare Ruimte',
    lines: [
      {
        costCentre: 'OR01',
        account: '4300',
        accountName: 'Huisvesting',
        primitiveCents: 10_000_000,
        revisionCents: 500_000,
        commitmentCents: 200_000,
        forecastOverrideCents: 4_200_000,
        forecastNote: 'Alleen de lopende huur en het contract',
        explanation: 'Groot onderhoud uitgesteld naar 2028',
      },
      { costCentre: 'OR02', account: '4400', accountName: 'Groenonderhoud', primitiveCents: 2_000_000, expectedCents: 1_800_000 },
    ],
    ledger: [
      { date: '15-01-2027', costCentre: 'OR01', account: '4300', amount: '30.000,00' },
      { date: '31-03-2027', costCentre: 'OR01', account: '4300', amount: '10.000,00' },
      { date: '02-04-2027', costCentre: 'OR01', account: '4300', amount: '7.000,00' },
      { date: '10-02-2027', costCentre: 'OR02', account: '4400', amount: '1.500,00' },
    ],
  },
  {
    code: 'BZ',
    name: 'Burgerzaken',
    settings: { varianceThresholdRule: 'either' },
    lines: [
      { costCentre: 'BZ01', account: '4300', accountName: 'Huisvesting', primitiveCents: 500_000 },
      { costCentre: 'BZ01', account: '8100', accountName: 'Leges', kind: 'baten', primitiveCents: -3_000_000, expectedCents: -2_200_000 },
    ],
    ledger: [
      { date: '01-03-2027', costCentre: 'BZ01', account: '4300', amount: '9.000,00' },
      { date: '01-02-2027', costCentre: 'BZ01', account: '8100', amount: '-8.000,00' },
    ],
  },
  {
    code: 'SO',
    name: 'Sociaal Domein',
    lines: [{ costCentre: 'SO01', account: '4700', accountName: 'Advieskosten', primitiveCents: 5_000_000, expectedCents: 3_765_433 }],
    ledger: [{ date: '20-01-2027', costCentre: 'SO01', account: '4700', amount: '12.345,67' }],
  },
];
