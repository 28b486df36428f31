import { describe, expect, it } from 'vitest';
import { createMatcher, type PersonTerm } from '../../../electron/backend/exchange/privacy-match.ts';
import { foldText, originalSlice } from '../../../electron/backend/exchange/privacy-text.ts';

/** The staff register as employeeTerms turns it into terms (privacy.ts), written out so each kind is visible. */
function staff(personnelNumber: string, first: string, infix: string, last: string): PersonTerm[] {
  const surname = [infix, last].filter(Boolean).join(' ');
  const what = 'naam van een medewerker';
  return [
    { term: personnelNumber, what: 'personeelsnummer', kind: 'number' },
    { term: `${first} ${surname}`, what },
    { term: `${last}, ${first}${infix ? ` ${infix}` : ''}`, what },
    { term: `${first[0]}. ${surname}`, what },
    { term: first, what: 'voornaam van een medewerker', kind: 'first-name' },
    { term: surname, what, kind: 'surname' },
  ];
}

const TERMS = [
  ...staff('100007', 'Ümit', 'van der', 'Meer'),
  ...staff('100234', 'Jan', 'de', 'Vries'),
  ...staff('100235', 'Fatima', '', 'El Amrani'),
  ...staff('P-7781', 'Thijs', 'van den', 'Berg'),
  ...staff('100301', 'Mei', '', 'Chen'),
  ...staff('100302', 'Roos', '', 'Jansen'),
  ...staff('100303', 'Max', '', 'Groen'),
  ...staff('100304', 'Bo', '', 'Smit'),
  { term: 'Pieter Bakker', what: "naam van een ZZP'er" },
];

/** The department's cost centre and account names. */
const VOCABULARY = ['Wegen en Roos-plantsoen', 'Sportpark De Roos', 'Huisvesting', 'Openbaar groen', 'Inhuur derden'];

const matcher = createMatcher(TERMS, { vocabulary: VOCABULARY });
const found = (text: string) => matcher.find(text).map((m) => m.found);

describe('the finance privacy matcher finds people the way managers write about them', () => {
  // Each example of issue 17 item 4, and the variants the brief names.
  const POSITIVES: Array<[string, string]> = [
    ['vervanging Ümit (langdurig ziek, burn-out)', 'Ümit'],
    ['mevrouw Van der Meer is sinds maart ziek', 'mevrouw Van der Meer'],
    ['Ümit vander Meer', 'Ümit vander Meer'],
    ['Overwerk pnr 100 007 in april', '100 007'],
    ['Overwerk pnr. 100.007', '100.007'],
    ['Overwerk pnr100007', '100007'],
    ['Inhuur voor 100-007', '100-007'],
    ['Inhuur voor P 7781', 'P 7781'],
    ['Vervanging Ü\u200Bmit', 'Ü\u200Bmit'],
    ['Vervanging Jаn de Vries', 'Jаn de Vries'], // Cyrillic а
    ['Vervanging Jan de Vrіes', 'Jan de Vrіes'], // Cyrillic і
    ['Vervanging Ｊａｎ ｄｅ Ｖｒｉｅｓ', 'Ｊａｎ ｄｅ Ｖｒｉｅｓ'], // full width
    ['Vervanging Jan de\u00a0Vries', 'Jan de\u00a0Vries'],
    ['Vervanging Jan de\u00adVries', 'Jan de\u00adVries'], // soft hyphen
    ['Uitbreiding uren Fatima', 'Fatima'],
    ['uitbreiding uren fatima', 'fatima'],
    ['Thijs is overspannen', 'Thijs'],
    ['Extra kosten dhr. Jansen', 'dhr. Jansen'],
    ['Extra kosten dhr Jansen', 'dhr Jansen'],
    ['Gesprek met mw. El Amrani', 'mw. El Amrani'],
    ['Gesprek met mevr. Chen over uren', 'mevr. Chen'],
    ['Gesprek met de heer Van den Berg', 'de heer Van den Berg'],
    ['Vervanging van Mevrouw van der meer', 'Mevrouw van der meer'],
    ['Afspraak met meneer Bakker (extern)', 'meneer Bakker'], // a title with any name: not on staff, still a person
    ['Vervanging Ümit Van Der Meer', 'Ümit Van Der Meer'],
    ['Vervanging Ümit v.d. Meer', 'Ümit v.d. Meer'],
    ['Ümit vandermeer', 'Ümit vandermeer'],
    ['Vervanging Van der Meer (re-integratie)', 'Van der Meer'],
    ['Kosten Van den Berg na bedrijfsarts', 'Van den Berg'],
    ['Jansen is zwanger, vervanging ingehuurd', 'Jansen'],
    ['Vervanging voor Roos tijdens ziekte', 'Roos'], // an ordinary word beside a health word
    ['Vervanging voor Max tot de zomer', 'Max'], // an ordinary word written as a name mid-sentence
    ['Afspraak met mevrouw Groen', 'mevrouw Groen'],
    ['Mei is ziek, inhuur nodig', 'Mei'], // a month-name beside a health word
    ['Opdracht aan Pieter  Bakker verlengd', 'Pieter  Bakker'],
    ['Vries, Jan de: overuren', 'Vries, Jan de'],
    ['J. de Vries overuren', 'J. de Vries'],
    ['UMIT VAN DER MEER', 'UMIT VAN DER MEER'],
    ['Ümits vervanging loopt door', 'Ümits'],
    ['Mail van u.vandermeer@gemeente.nl', 'u.vandermeer'],
  ];
  for (const [text, part] of POSITIVES) {
    it(`finds “${part}” in “${text}”`, () => {
      expect(found(text)).toContain(part);
    });
  }

  it('names health words beside a person, and why', () => {
    const [match] = matcher.find('vervanging Ümit (langdurig ziek, burn-out)');
    expect(match).toMatchObject({ found: 'Ümit', what: 'voornaam van een medewerker', health: ['langdurig ziek', 'burn-out'], disguised: null, start: 11, end: 15 });
    expect(match.reason).toBe('noemt de voornaam van een medewerker, met gezondheidsgegevens (langdurig ziek, burn-out)');
    const [title] = matcher.find('mevrouw Van der Meer is sinds maart ziek');
    expect(title).toMatchObject({ what: 'naam van een medewerker', health: ['ziek'] });
    expect(title.reason).toMatch(/aanspreekvorm en achternaam.*gezondheidsgegevens \(ziek\)/);
  });

  it('says when a name hides an invisible character or a look-alike letter', () => {
    expect(matcher.find('Vervanging Ü\u200Bmit')[0].reason).toMatch(/onzichtbaar teken/);
    expect(matcher.find('Vervanging Jаn de Vries')[0].disguised).toBe('look-alike');
    expect(matcher.find('Vervanging Jаn de Vries')[0].reason).toMatch(/ander alfabet/);
  });

  it('finds every person in a text, in text order, and the personnel number as such', () => {
    const matches = matcher.find('Ümit en Fatima, en pnr 100 234');
    expect(matches.map((m) => [m.found, m.what])).toEqual([
      ['Ümit', 'voornaam van een medewerker'],
      ['Fatima', 'voornaam van een medewerker'],
      ['100 234', 'personeelsnummer'],
    ]);
  });

  // Ordinary budget texts: none of these names a person.
  const NEGATIVES = [
    'Van de begroting is 80% besteed',
    'Van der Valk-arrangement voor de nieuwjaarsreceptie', // not on staff, no title
    'Declaraties mei verwerkt',
    'Mei: extra kosten onderhoud',
    'Uitgaven jan t/m mrt hoger',
    'Onderhoud Sportpark De Roos uitgesteld',
    'Snoeien rozen in het Roos-plantsoen',
    'Extra maaibeurt bij De Roos', // a word of the cost centre names, written as in them
    'Plafond max 40 uur per week',
    'Max. bedrag bereikt',
    'Openbaar groen: meer maaibeurten',
    'Groen onderhoud door ziekte van de aannemer vertraagd', // "groen" is an account word, lower case
    'Meer inhuur dan begroot',
    'Meer uitgaven door langdurig ziekteverzuim in het team', // health words alone: an ordinary budget reason
    'Ziektevervanging via inhuur derden',
    'Factuur 100.007,00 van de leverancier',
    'Bedrag € 100.007 voor onderhoud',
    'Contract nr. 2027-100 loopt door',
    'Order 1000071 geleverd',
    'Bergen op Zoom levert bomen',
    'Zonnepark 2 MW. Daarnaast extra kosten',
    'Vervanging tijdens zwangerschapsverlof (collega elders)',
    'Meervoudig aanbesteden',
    'Onderhoud bos en heide', // "Bo" is on staff
    'Kosten van de heer- en vrouwenfiets', // no capital after "heer"
    'Opbrengst van Mevrouw de burgemeester', // a title before an ordinary word
  ];
  for (const text of NEGATIVES) {
    it(`leaves “${text}” alone`, () => {
      expect(found(text)).toEqual([]);
    });
  }
});

describe('dates and amounts that share a personnel number’s digits', () => {
  const dated = createMatcher([{ term: '100127', what: 'personeelsnummer', kind: 'number' }]);
  it('leaves a date in dd-mm-jj alone, and finds the number written in groups', () => {
    expect(dated.find('Factuur van 10-01-27 betaald')).toEqual([]);
    expect(dated.find('Factuur van 10.01.27 betaald')).toEqual([]);
    expect(dated.find('Overuren 100 127').map((m) => m.found)).toEqual(['100 127']);
  });
});

describe('folding keeps the way back to the user’s own text', () => {
  it('maps a folded match to the original characters, invisible ones and surrogate pairs included', () => {
    const text = 'Ｖervanging 𝐉𝐚𝐧 d\u200Be Vries';
    const folded = foldText(text);
    expect(folded.lower).toBe('vervanging jan de vries');
    const start = folded.lower.indexOf('jan');
    expect(originalSlice(text, folded, start, folded.lower.length)).toBe('𝐉𝐚𝐧 d\u200Be Vries');
  });
});
