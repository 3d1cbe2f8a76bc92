import { hasMessage } from '../../src/domain/messages';
import { issueCodes } from '../../src/domain/issue-codes';
import { createIssue, sortIssues, type Issue } from '../../src/domain/issues';
import fc from 'fast-check';
import { findPersonalData, matchPersonalData, mayHoldPersonalData } from '../../src/domain/personal-data';
import { differsByErasureOnly, erasePersonalData, personalDataTexts } from '../../src/domain/personal-data-erasure';
import { expectsValue, isFilled, parentKeyOf, rowTypeOfKey } from '../../src/domain/tracking';
import { isNumberAsText, isDayAfterToday, quarterValue } from '../../src/domain/tracking-values';
import { qualitativeScale } from '../../src/domain/vocabulary';

const q = (year: number, quarter: 1 | 2 | 3 | 4) => ({ year, q: quarter });
const LAST = q(2030, 4);

describe('filled (docs/WORKBOOK.md)', () => {
  it.each([
    [0, true],
    [-3, true],
    [12.5, true],
    ['12', false],
    ['', false],
    [null, false],
    [true, false],
    [Number.NaN, false],
  ])('quantitative %p → %p', (value, filled) => expect(isFilled('quantitative', value)).toBe(filled));

  it.each([
    ['Satisfaisant', true],
    ['pas SATISFAISANT', true],
    ['Satisfaisant ou presque', false],
    ['Satisfaisant; Peu satisfaisant', false],
    [3, false],
    [null, false],
  ])('qualitative %p → %p', (value, filled) => expect(isFilled('qualitative', value)).toBe(filled));
});

describe('a quarter value read by its kind', () => {
  const spellings = fc
    .tuple(fc.constantFrom(...qualitativeScale), fc.constantFrom('', ' ', '  '), fc.boolean())
    .map(([level, space, upper]) => `${space}${upper ? level.toUpperCase() : level}${space}`);
  const anyRaw = fc.oneof(spellings, fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));

  it('is given exactly for a filled cell: its number, or the scale’s own spelling of its level', () => {
    fc.assert(
      fc.property(fc.constantFrom('quantitative' as const, 'qualitative' as const), anyRaw, (kind, raw) => {
        const value = quarterValue(kind, raw);
        expect(value !== null).toBe(isFilled(kind, raw));
        if (value === null) return;
        if (kind === 'quantitative') expect(value).toBe(raw);
        else {
          expect(qualitativeScale).toContain(value);
          expect(String(value).toLowerCase()).toBe(String(raw).trim().toLowerCase());
        }
      }),
    );
    expect(quarterValue('qualitative', ' pas SATISFAISANT ')).toBe('Pas satisfaisant');
    expect(quarterValue('qualitative', 3)).toBeNull();
    expect(quarterValue('quantitative', '12')).toBeNull();
  });
});

describe('expected (docs/WORKBOOK.md)', () => {
  it('Trimestrielle every quarter, Semestrielle T2 and T4, Annuelle T4', () => {
    const quarters = [q(2027, 1), q(2027, 2), q(2027, 3), q(2027, 4)];
    expect(quarters.map((quarter) => expectsValue('Trimestrielle', quarter, LAST))).toEqual([true, true, true, true]);
    expect(quarters.map((quarter) => expectsValue('Semestrielle', quarter, LAST))).toEqual([false, true, false, true]);
    expect(quarters.map((quarter) => expectsValue('Annuelle', quarter, LAST))).toEqual([false, false, false, true]);
  });

  it("always in the convention's last quarter, even when it is not a T4", () => {
    expect(expectsValue('Annuelle', q(2030, 2), q(2030, 2))).toBe(true);
    expect(expectsValue('Semestrielle', q(2030, 1), q(2030, 1))).toBe(true);
  });
});

describe('keys', () => {
  it.each([
    ['G1', 'Fiche', null],
    ['G1-B', 'Fiche', null],
    ['PE20-QN3', 'Quantitatif', 'PE20'],
    ['G1-B-QL1', 'Qualitatif', 'G1-B'],
    ['G 1', null, null],
    ['', null, null],
  ])('%p is a %p row under %p', (key, type, parent) => {
    expect(rowTypeOfKey(key)).toBe(type);
    expect(parentKeyOf(key)).toBe(parent);
  });
});

describe('numbers stored as text', () => {
  // A minus sign typed as French typography writes it (U+2212), or an en dash right before the digits, is one.
  it.each(['12', ' -3,5 ', '1 200', '45%', '.5', '\u22125', '\u2212 3,5', '\u20135'])('%p is one', (text) =>
    expect(isNumberAsText(text)).toBe(true),
  );
  // An en dash apart from its number is a list's dash as often as a sign: not read as either.
  it.each(['douze', '12 familles', '2026-T1', '', '\u2013 5', '\u20145', '5\u2212'])('%p is not', (text) =>
    expect(isNumberAsText(text)).toBe(false),
  );
});

describe('personal data', () => {
  it.each([
    ['écrire à jean.dupont@mairie-bourg.fr', 'email'],
    ['tél. 04 77 12 34 56', 'phone'],
    ['tel 0612345678', 'phone'],
    ['+33 6 12 34 56 78', 'phone'],
    ['06.12.34.56.78 (mère)', 'phone'],
    ['NIR 1 85 05 78 006 084 91', 'socialSecurityNumber'],
    ['n° 2850578006084 sans clé', 'socialSecurityNumber'],
    ['IBAN FR76 3000 6000 0112 3456 7890 189', 'iban'],
    ['virement sur FR7630006000011234567890189.', 'iban'],
  ])('finds %p', (text, kind) => expect(findPersonalData(text).map((match) => match.kind)).toEqual([kind]));

  it.each([
    'Budget 15 431 €, 16 communes',
    'Réunion du 12/03/2026 à 14h30',
    'SIREN 200 066 231',
    'Code postal 42220',
    'Fiche PE20, 2026-T3, 35 places',
    'NIR à clé fausse 1 85 05 78 006 084 36',
    'le site www.caf.fr',
    'IBAN à clé fausse FR76 3000 6000 0112 3456 7890 188',
    'Référence FR12 2026 pour le dossier',
  ])('finds nothing in %p', (text) => expect(findPersonalData(text)).toEqual([]));

  it('skips the patterns only where they could find nothing', () => {
    // Texts made of the pieces personal data is made of, and words around them.
    const piece = fc.constantFrom(...'0123456789 .-+@()AZFRfrx', 'FR76', '2A', '06', '+33', 'jean', '.fr', '  ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        if (!mayHoldPersonalData(text)) expect(matchPersonalData(text)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
    for (const text of ['tel 0612345678', 'a@b.fr', 'FR7630006000011234567890189'])
      expect(mayHoldPersonalData(text)).toBe(true);
  });
});

describe('personal data erased from a record (docs/WORKBOOK.md, « Personal data in the records »)', () => {
  const ERASED = '[donnée personnelle effacée]';

  it('replaces every piece the tracking no longer holds, each time it appears, and keeps the others', () => {
    const text = 'jean@x.fr ou 06 12 34 56 78, sinon jean@x.fr';
    expect(erasePersonalData(text, new Set(['06 12 34 56 78']))).toEqual({
      text: `${ERASED} ou 06 12 34 56 78, sinon ${ERASED}`,
      kinds: ['email'],
    });
    expect(erasePersonalData(text, new Set(['06 12 34 56 78', 'jean@x.fr']))).toBeNull();
    expect(erasePersonalData('Réunion du 12/03/2026', new Set())).toBeNull();
  });

  it('replaces a piece only where it stands whole, never inside a longer address or digit run', () => {
    const text = 'martin@x.fr, marie.martin@x.fr ; tél. 0477123456, allocataire 10477123456';
    expect(erasePersonalData(text, new Set(['marie.martin@x.fr']))).toEqual({
      text: `${ERASED}, marie.martin@x.fr ; tél. ${ERASED}, allocataire 10477123456`,
      kinds: ['email', 'phone'],
    });
    expect(erasePersonalData(text, new Set(['martin@x.fr', '0477123456']))).toEqual({
      text: `martin@x.fr, ${ERASED} ; tél. 0477123456, allocataire 10477123456`,
      kinds: ['email'],
    });
  });

  it('tells a text rewritten by the erasure alone from any other change', () => {
    expect(differsByErasureOnly('Contact : jean@x.fr', `Contact : ${ERASED}`)).toBe(true);
    expect(differsByErasureOnly('Contact : jean@x.fr', `Contacts : ${ERASED}`)).toBe(false);
    expect(differsByErasureOnly('Contact : jean@x.fr', 'Contact : jean@x.fr')).toBe(false);
    expect(differsByErasureOnly('Contact : jean@x.fr', 'Contact : paul@x.fr')).toBe(false);
  });

  it('finds each piece of the texts once', () => {
    expect([...personalDataTexts(['a@b.fr et a@b.fr', 'tel 0612345678', 'rien'])]).toEqual(['a@b.fr', '0612345678']);
  });
});

describe('issue order', () => {
  const issue = (sheet: string | null, cell: string | null): Issue => createIssue('missing-column', { sheet, cell });

  it('workbook issues, missing sheets, then sheets in workbook order, then row, then column (AA after Z)', () => {
    const sorted = sortIssues(
      [
        issue('Axe 3', 'B2'),
        issue('Axe 1', 'AA5'),
        issue('Axe 1', 'Z5'),
        issue('Axe 1', null),
        issue('Disparue', null),
        issue(null, null),
        issue('Axe 1', 'C4'),
      ],
      ['Paramètres', 'Axe 1', 'Axe 3'],
    );
    expect(sorted.map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      'null!null',
      'Disparue!null',
      'Axe 1!null',
      'Axe 1!C4',
      'Axe 1!Z5',
      'Axe 1!AA5',
      'Axe 3!B2',
    ]);
  });

  it('any mix of sheets and cells in that order, ties in the order the rules gave', () => {
    const order = ['Paramètres', 'Axe 1', 'Axe 3'];
    const sheet = fc.constantFrom(null, 'Disparue', ...order);
    const cell = fc.constantFrom(null, 'B2', 'B10', 'C2', 'AA1', 'Z1', '$D$4', 'ZZZ2', 'A1048576', 'XFD1048575');
    fc.assert(
      fc.property(fc.array(fc.tuple(sheet, cell), { maxLength: 30 }), (places) => {
        const issues = places.map(([s, c], index) => ({ ...issue(s, c), params: { index } }));
        // The order written out plainly: sheet rank, row, then column, from the address's own letters and digits.
        const rank = (s: string | null) => (s === null ? -2 : order.indexOf(s));
        const rowOf = (c: string | null) => (c === null ? 0 : Number(c.replace(/\D/g, '')));
        const columnOf = (c: string | null) =>
          c === null ? 0 : [...c.replace(/[^A-Z]/g, '')].reduce((n, l) => n * 26 + l.charCodeAt(0) - 64, 0);
        const expected = issues
          .map((i, index) => ({ i, index }))
          .sort(
            (a, b) =>
              rank(a.i.sheet) - rank(b.i.sheet) ||
              rowOf(a.i.cell) - rowOf(b.i.cell) ||
              columnOf(a.i.cell) - columnOf(b.i.cell) ||
              a.index - b.index,
          )
          .map(({ i }) => i.params.index);
        expect(sortIssues(issues, order).map((i) => i.params.index)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the code table', () => {
  it('has a French message and a kebab-case name for every code', () => {
    for (const code of Object.keys(issueCodes)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(hasMessage(code)).toBe(true);
    }
  });
});

describe('isDayAfterToday', () => {
  it('takes the day after today as today still, since it already is somewhere, and any later day as a typo', () => {
    // Today's date on the machine's clock (other zones: tests/cli/today-in-local-time.test.ts).
    const today = new Date(2026, 11, 4, 23, 30);
    expect(isDayAfterToday('2026-12-04', today)).toBe(false);
    expect(isDayAfterToday('2026-12-05', today)).toBe(false);
    expect(isDayAfterToday('2026-12-06', today)).toBe(true);
    expect(isDayAfterToday('2099-01-01', today)).toBe(true);
    expect(isDayAfterToday('2026-12-31', new Date(2026, 11, 31))).toBe(false);
    expect(isDayAfterToday('2027-01-02', new Date(2026, 11, 31))).toBe(true);
  });
});
