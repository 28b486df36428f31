import type { FieldSpec } from '../../../shared/import/types.ts';

const costCentre: FieldSpec = {
  key: 'costCentre',
  label: 'Kostenplaats',
  type: 'text',
  required: true,
  synonyms: ['Kostenplaats', 'Kpl', 'Kostenplaatscode', 'Kostenplaats code', 'Kpl code', 'KPL-code', 'Kostenplaatsnummer', 'Cost centre', 'Cost center', 'Costcenter'],
};
const account: FieldSpec = {
  key: 'account',
  label: 'Grootboekrekening',
  type: 'text',
  required: true,
  synonyms: ['Grootboekrekening', 'Grootboek', 'Grootboeknummer', 'Grootboekrekeningnummer', 'Rekening', 'Rekeningnummer', 'GB-rekening', 'GB rekening', 'GBR', 'Account', 'Ledger account', 'GL account', 'General ledger'],
};
const accountName: FieldSpec = {
  key: 'accountName',
  label: 'Omschrijving grootboekrekening',
  type: 'text',
  required: false,
  synonyms: ['Grootboek omschrijving', 'Grootboekrekening omschrijving', 'Omschrijving grootboek', 'Rekening omschrijving', 'Account name', 'Account description'],
};
const year: FieldSpec = { key: 'year', label: 'Boekjaar', type: 'integer', required: false, synonyms: ['Boekjaar', 'Jaar', 'Begrotingsjaar', 'Fiscal year', 'Year', 'Boekjr'] };
const taakveld: FieldSpec = { key: 'taakveld', label: 'Taakveld', type: 'text', required: false, synonyms: ['Taakveld', 'Taakveldcode', 'Iv3 taakveld', 'Function code'] };
const category: FieldSpec = { key: 'category', label: 'Economische categorie', type: 'text', required: false, synonyms: ['Categorie', 'Economische categorie', 'Ec. categorie', 'Category'] };

export const LEDGER_FIELDS: FieldSpec[] = [
  year,
  { key: 'period', label: 'Periode', type: 'integer', required: false, synonyms: ['Periode', 'Per', 'Boekperiode', 'Period', 'Maand'] },
  { key: 'bookingDate', label: 'Boekdatum', type: 'date', required: true, synonyms: ['Boekdatum', 'Datum', 'Boekingsdatum', 'Transactiedatum', 'Datum boeking', 'Factuurdatum', 'Date', 'Booking date', 'Posting date', 'Transaction date'] },
  { key: 'journal', label: 'Dagboek', type: 'text', required: false, synonyms: ['Dagboek', 'Dagboekcode', 'Journaal', 'Journal'] },
  { key: 'document', label: 'Boekstuk', type: 'text', required: false, synonyms: ['Boekstuk', 'Boekstuknummer', 'Boekstuknr', 'Document', 'Documentnummer', 'Factuurnummer', 'Document number', 'Voucher'] },
  costCentre,
  { key: 'costCentreName', label: 'Omschrijving kostenplaats', type: 'text', required: false, synonyms: ['Kostenplaats omschrijving', 'Kostenplaatsnaam', 'Omschrijving kostenplaats', 'Cost centre name'] },
  account,
  accountName,
  taakveld,
  category,
  { key: 'description', label: 'Omschrijving', type: 'text', required: false, synonyms: ['Omschrijving', 'Boekingsomschrijving', 'Tekst', 'Toelichting', 'Description', 'Memo'] },
  { key: 'amount', label: 'Bedrag', type: 'amount', required: false, synonyms: ['Bedrag', 'Bedrag EUR', 'Bedrag (EUR)', 'Bedrag in euro', 'Bedrag €', 'Amount', 'Value', 'Waarde'] },
  { key: 'debit', label: 'Debet', type: 'amount', required: false, synonyms: ['Debet', 'Debetbedrag', 'Debit', 'Bedrag debet'] },
  { key: 'credit', label: 'Credit', type: 'amount', required: false, synonyms: ['Credit', 'Creditbedrag', 'Bedrag credit'] },
  { key: 'debitCredit', label: 'Debet/credit-teken', type: 'text', required: false, synonyms: ['D/C', 'DC', 'Debet/Credit', 'Debet/credit', 'D-C', 'Teken', 'Sign'] },
  { key: 'counterparty', label: 'Relatie', type: 'text', required: false, synonyms: ['Relatie', 'Relatienaam', 'Crediteur', 'Crediteurnaam', 'Debiteur', 'Leverancier', 'Counterparty', 'Supplier', 'Vendor'] },
];

export const BUDGET_FIELDS: FieldSpec[] = [
  year,
  costCentre,
  account,
  { ...accountName, synonyms: [...accountName.synonyms, 'Omschrijving', 'Description'] },
  taakveld,
  category,
  { key: 'primitive', label: 'Primitieve begroting', type: 'amount', required: true, synonyms: ['Primitieve begroting', 'Primitief', 'Begroting primitief', 'Oorspronkelijke begroting', 'Begroting', 'Primitive budget', 'Original budget'] },
  { key: 'revisions', label: 'Begrotingswijzigingen', type: 'amount', required: false, synonyms: ['Begrotingswijzigingen', 'Begrotingswijziging', 'Wijzigingen', 'Wijziging', 'Revisions', 'Amendments', 'Budget changes'] },
  { key: 'current', label: 'Actuele begroting', type: 'amount', required: false, synonyms: ['Actuele begroting', 'Begroting actueel', 'Actueel', 'Gewijzigde begroting', 'Current budget', 'Revised budget'] },
];
