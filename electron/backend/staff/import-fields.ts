import type { FieldSpec } from '../../../shared/import/types.ts';
import { SCOPE_COST_CENTRE_FIELD, SCOPE_DEPARTMENT_FIELD } from '../import/department-scope.ts';

/** Column names of HR systems' roster exports (Dutch and English), compared without case, spaces or punctuation. */
export const ROSTER_FIELDS: FieldSpec[] = [
  {
    key: 'personnelNumber',
    label: 'Personeelsnummer',
    type: 'text',
    required: true,
    synonyms: ['Personeelsnummer', 'Personeelsnr', 'Pers.nr.', 'Persnr', 'Medewerkernummer', 'Medewerkernr', 'Registratienummer', 'Employee number', 'Employee ID', 'Personnel number', 'Staff number'],
  },
  { key: 'lastName', label: 'Achternaam', type: 'text', required: true, synonyms: ['Achternaam', 'Geslachtsnaam', 'Naam medewerker', 'Last name', 'Surname', 'Family name'] },
  { key: 'infix', label: 'Tussenvoegsel', type: 'text', required: false, synonyms: ['Tussenvoegsel', 'Tussenvoegsels', 'Voorvoegsel', 'Voorvoegsels', 'Infix', 'Name prefix'] },
  { key: 'firstName', label: 'Voornaam', type: 'text', required: false, synonyms: ['Voornaam', 'Roepnaam', 'Voornamen', 'First name', 'Given name'] },
  { key: 'functionTitle', label: 'Functie', type: 'text', required: false, synonyms: ['Functie', 'Functienaam', 'Functiebenaming', 'Functieomschrijving', 'Function', 'Job title', 'Job'] },
  { key: 'salaryScale', label: 'Salarisschaal', type: 'integer', required: false, synonyms: ['Salarisschaal', 'Schaal', 'Functieschaal', 'Scale', 'Salary scale', 'Grade', 'Pay grade'] },
  { key: 'salaryStep', label: 'Trede', type: 'integer', required: false, synonyms: ['Trede', 'Salaristrede', 'Periodiek', 'Step', 'Salary step'] },
  {
    key: 'hoursPerWeek',
    label: 'Uren per week',
    type: 'decimal',
    required: true,
    synonyms: ['Uren per week', 'Uren p/w', 'Uren pw', 'Arbeidsduur', 'Arbeidsduur per week', 'Contracturen', 'Uren', 'Hours per week', 'Weekly hours', 'Contract hours'],
  },
  {
    key: 'startDate',
    label: 'Datum in dienst',
    type: 'date',
    required: true,
    synonyms: ['Datum in dienst', 'In dienst', 'Indienstdatum', 'Datum indiensttreding', 'Begindatum dienstverband', 'Startdatum', 'Start date', 'Hire date', 'Date of hire'],
  },
  {
    key: 'endDate',
    label: 'Datum uit dienst',
    type: 'date',
    required: false,
    synonyms: ['Datum uit dienst', 'Uit dienst', 'Uitdienstdatum', 'Datum uitdiensttreding', 'Einddatum dienstverband', 'Einddatum', 'End date', 'Termination date'],
  },
  {
    key: 'costCentre',
    label: 'Kostenplaats',
    type: 'text',
    required: true,
    synonyms: ['Kostenplaats', 'Kpl', 'Kostenplaatscode', 'Kostenplaats code', 'KPL-code', 'Kostenplaatsnummer', 'Cost centre', 'Cost center', 'Costcenter'],
  },
  {
    key: 'contractType',
    label: 'Soort dienstverband',
    type: 'text',
    required: false,
    synonyms: ['Soort dienstverband', 'Dienstverband', 'Aard dienstverband', 'Soort contract', 'Contractsoort', 'Type contract', 'Contract type', 'Employment type'],
  },
  {
    key: 'formationPosition',
    label: 'Formatieplaats',
    type: 'text',
    required: false,
    synonyms: ['Formatieplaats', 'Formatieplaatscode', 'Formatienummer', 'Formatieplaatsnummer', 'Positiecode', 'Position code', 'Position'],
  },
  {
    key: 'validFrom',
    label: 'Ingangsdatum wijziging',
    type: 'date',
    required: false,
    synonyms: ['Ingangsdatum wijziging', 'Mutatiedatum', 'Datum mutatie', 'Geldig vanaf', 'Peildatum', 'Effective date', 'Valid from'],
  },
];

export const SALARY_TABLE_FIELDS: FieldSpec[] = [
  { key: 'scale', label: 'Schaal', type: 'integer', required: true, synonyms: ['Schaal', 'Salarisschaal', 'Scale', 'Salary scale', 'Grade'] },
  { key: 'step', label: 'Trede', type: 'integer', required: true, synonyms: ['Trede', 'Salaristrede', 'Periodiek', 'Step'] },
  {
    key: 'monthly',
    label: 'Bedrag per maand',
    type: 'amount',
    required: true,
    synonyms: ['Bedrag per maand', 'Maandbedrag', 'Maandsalaris', 'Salaris per maand', 'Bruto maandsalaris', 'Salaris', 'Bedrag', 'Monthly salary', 'Monthly amount', 'Amount'],
  },
  { key: 'validFrom', label: 'Ingangsdatum', type: 'date', required: false, synonyms: ['Ingangsdatum', 'Geldig vanaf', 'Datum ingang', 'Per', 'Valid from', 'Effective date'] },
  { key: 'year', label: 'Jaar', type: 'integer', required: false, synonyms: ['Jaar', 'Boekjaar', 'Salarisjaar', 'Year'] },
  // Some organisations keep a table per department or cost centre in one file.
  SCOPE_DEPARTMENT_FIELD,
  SCOPE_COST_CENTRE_FIELD,
];

/** Formation positions as HR or finance keep them in Excel (a formatieoverzicht). */
export const FORMATION_FIELDS: FieldSpec[] = [
  {
    key: 'code',
    label: 'Formatieplaats',
    type: 'text',
    required: true,
    synonyms: ['Formatieplaats', 'Formatieplaatscode', 'Formatieplaatsnummer', 'Formatienummer', 'Positiecode', 'Code', 'Position code', 'Position'],
  },
  { key: 'functionTitle', label: 'Functie', type: 'text', required: true, synonyms: ['Functie', 'Functienaam', 'Functiebenaming', 'Functieomschrijving', 'Function', 'Job title'] },
  { key: 'salaryScale', label: 'Schaal', type: 'integer', required: false, synonyms: ['Schaal', 'Salarisschaal', 'Functieschaal', 'Scale', 'Salary scale', 'Grade'] },
  { key: 'fte', label: 'Formatie (fte)', type: 'decimal', required: true, synonyms: ['Formatie (fte)', 'Formatie fte', 'Formatie', 'Fte', 'Omvang (fte)', 'Omvang', 'FTE budget', 'Budgeted FTE'] },
  { key: 'costCentre', label: 'Kostenplaats', type: 'text', required: true, synonyms: ['Kostenplaats', 'Kpl', 'Kostenplaatscode', 'Kostenplaats code', 'Cost centre', 'Cost center'] },
  { key: 'validFrom', label: 'Geldig vanaf', type: 'date', required: false, synonyms: ['Geldig vanaf', 'Ingangsdatum', 'Begindatum', 'Datum ingang', 'Valid from', 'Start date'] },
  { key: 'validTo', label: 'Geldig tot en met', type: 'date', required: false, synonyms: ['Geldig tot en met', 'Geldig tot', 'Einddatum', 'Vervalt per', 'Valid to', 'End date'] },
  { key: 'note', label: 'Notitie', type: 'text', required: false, synonyms: ['Notitie', 'Toelichting', 'Opmerking', 'Note', 'Remark'] },
];
