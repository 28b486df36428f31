import { seededRandom } from './child.ts';

const SUPPLIERS = ['Café \'t Hoekje', 'De Vries & Zn. Groenvoorziening', 'Stichting Welzijn "Samen"', 'Ricoh Nederland', 'Gemeente Buurdorp', 'Bouwbedrijf Ëlzinga BV'];
const ACCOUNTS = [
  ['4100', 'Salarissen'],
  ['4300', 'Huisvesting'],
  ['4500', 'Opleidingen'],
  ['4700', 'Advieskosten'],
  ['8100', 'Leges'],
];

function dutchAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')}`;
}

function quote(value: string): string {
  return /[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A ledger export as a Dutch finance system writes it: UTF-8 with BOM, semicolons, decimal commas with
 * thousands dots, dd-mm-jjjj, quoted fields with quotes inside. Every row is a distinct booking of
 * the OR department (so a complete import adds exactly `rows` ledger lines), with a `tag` in the
 * document numbers so two generated files never overlap.
 */
export function dutchLedger(rows: number, seed: number, tag: string): { text: string; cents: number } {
  const random = seededRandom(seed);
  const lines = ['\uFEFFBoekjaar;Periode;Boekdatum;Dagboek;Boekstuk;Kostenplaats;Kostenplaats omschrijving;Grootboekrekening;Grootboek omschrijving;Taakveld;Categorie;Omschrijving;Bedrag;Relatie'];
  let total = 0;
  for (let i = 0; i < rows; i += 1) {
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const [account, accountName] = ACCOUNTS[Math.floor(random() * ACCOUNTS.length)];
    const cents = (account === '8100' ? -1 : 1) * (1 + Math.floor(random() * 2_500_000));
    total += cents;
    const supplier = SUPPLIERS[Math.floor(random() * SUPPLIERS.length)];
    lines.push(
      [
        '2027',
        String(month),
        `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-2027`,
        'INK',
        `${tag}-${String(i).padStart(7, '0')}`,
        `OR0${1 + (i % 3)}`,
        'Openbare Ruimte',
        account,
        accountName,
        '5.7',
        '3.4',
        quote(`${accountName} ${supplier}`),
        dutchAmount(cents),
        quote(supplier),
      ].join(';'),
    );
  }
  return { text: `${lines.join('\r\n')}\r\n`, cents: total };
}

/**
 * A budget export (begroting) in the same Dutch dialect: one line per cost centre × account, every
 * account distinct, with primitive budget, revisions and the current budget that adds up.
 */
export function dutchBudget(rows: number, seed: number): { text: string } {
  const random = seededRandom(seed);
  const lines = ['\uFEFFBoekjaar;Kostenplaats;Grootboekrekening;Omschrijving;Taakveld;Categorie;Primitieve begroting;Begrotingswijzigingen;Actuele begroting'];
  for (let i = 0; i < rows; i += 1) {
    const primitive = Math.floor(random() * 200_000_000);
    const revisions = Math.floor(random() * 2_000_000) - 1_000_000;
    lines.push(['2027', `OR0${1 + (i % 3)}`, String(60000 + i), quote(`Post ${i} "onderhoud"; groen`), '5.7', '3.4', dutchAmount(primitive), dutchAmount(revisions), dutchAmount(primitive + revisions)].join(';'));
  }
  return { text: `${lines.join('\r\n')}\r\n` };
}
