import {
  areaText,
  renameSheets,
  replaceReferences,
  sameFormula,
  type Reference,
} from '../../src/layout/formula-references';

/**
 * The references of a formula's text, as the reader moves shared formulas with them, the rewrites make a person's
 * formulas follow their cells with them, and the Office.js back end names its temporary sheets with them.
 */

/** Each reference found: its sheet (null: the formula's own; undefined: not told) and its area as text. */
function referencesOf(formula: string): [string | null | undefined, string][] {
  const found: [string | null | undefined, string][] = [];
  replaceReferences(formula, (reference: Reference) => {
    found.push([reference.sheet, areaText(reference.from, reference.to)]);
    return null;
  });
  return found;
}

describe('the references of a formula', () => {
  test.each<[string, [string | null | undefined, string][]]>([
    [
      'A1+$B$2*C$3',
      [
        [null, 'A1'],
        [null, '$B$2'],
        [null, 'C$3'],
      ],
    ],
    [
      'SUM(X5:AA5)+SUM(B:B)+SUM(2:3)',
      [
        [null, 'X5:AA5'],
        [null, 'B:B'],
        [null, '2:3'],
      ],
    ],
    [
      "'Axe 1'!Z7*2+'L''été'!A1:B2",
      [
        ['Axe 1', 'Z7'],
        ["L'été", 'A1:B2'],
      ],
    ],
    [
      'Paramètres!B9&Journal!$A:$A',
      [
        ['Paramètres', 'B9'],
        ['Journal', '$A:$A'],
      ],
    ],
    [
      '[1]Feuil1!A1+A2',
      [
        [undefined, 'A1'],
        [null, 'A2'],
      ],
    ],
    [
      'IF(A1="Z7",\'Axe 1\'!MonNom,LOG10(C3))',
      [
        [null, 'A1'],
        [null, 'C3'],
      ],
    ],
    ['ABCD1+XFE1+Taux2026+A0+Table1[[#This Row],[A1]]', []],
    ['MonJournal2!A1', [['MonJournal2', 'A1']]],
    ['1.5E+10+TRUE', []],
  ])('%s', (formula, expected) => {
    expect(referencesOf(formula)).toEqual(expected);
  });

  it('are replaced one by one, the rest of the text as typed', () => {
    const moved = replaceReferences('SUM(\'Axe 1\'!X5:Y5)+"X5"+X5', (reference) =>
      reference.sheet === 'Axe 1' ? `${reference.prefix}Z6:AA6` : null,
    );
    expect(moved).toBe('SUM(\'Axe 1\'!Z6:AA6)+"X5"+X5');
  });
});

describe('sheets renamed in a formula', () => {
  const renamed = new Map([
    ['paramètres', 'ctg-nouvelle-2'],
    ['axe 1', 'ctg-nouvelle-3'],
  ]);
  const rename = (text: string) => renameSheets(text, (sheet) => renamed.get(sheet.toLowerCase()));

  test.each([
    ['Paramètres!B9&"Paramètres!B9"', '\'ctg-nouvelle-2\'!B9&"Paramètres!B9"'],
    ["'Axe 1'!$K$4+'AXE 1'!MonNom", "'ctg-nouvelle-3'!$K$4+'ctg-nouvelle-3'!MonNom"],
    ['MesParamètres!A1+[1]Paramètres!A1+Journal!A1', 'MesParamètres!A1+[1]Paramètres!A1+Journal!A1'],
  ])('%s', (text, expected) => {
    expect(rename(text)).toBe(expected);
  });
});

describe('sameFormula: the same formula whatever the quotes Excel leaves around a sheet’s name', () => {
  test.each([
    ["LEFT(TRIM('Paramètres'!$B$9),4)", 'LEFT(TRIM(Paramètres!$B$9),4)'],
    ["'_ctg'!B1*2", '_ctg!B1*2'],
    ["SUM('Axe 1'!A1:A3)", "SUM('Axe 1'!A1:A3)"],
  ])('%s and %s', (a, b) => expect(sameFormula(a, b)).toBe(true));

  test.each([
    ["'Paramètres'!$B$9", 'Paramètres!$B$10'],
    // A string literal is no reference: its quotes are part of the text.
    ['"\'Journal\'!A1"', '"Journal!A1"'],
    ["'Axe 1'!A1", "'Axe 2'!A1"],
  ])('not %s and %s', (a, b) => expect(sameFormula(a, b)).toBe(false));
});
