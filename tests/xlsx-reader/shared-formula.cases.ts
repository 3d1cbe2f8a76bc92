import { shiftFormula } from '../../src/xlsx/reader/shared-formula';

describe('moving a shared formula to a dependent cell', () => {
  test.each([
    ['A1+B2', 1, 1, 'B2+C3'],
    ['$A$1+A$1+$A1', 2, 3, '$A$1+D$1+$A3'],
    ['SUM(A1:B2)*LOG10(C3)', 1, 0, 'SUM(A2:B3)*LOG10(C4)'],
    ["'Axe 1'!B2+Paramètres!$C$3+Feuil1!A1", 1, 0, "'Axe 1'!B3+Paramètres!$C$3+Feuil1!A2"],
    ['IF(A1="A1","B2",A1)', 0, 1, 'IF(B1="A1","B2",B1)'],
    ['SUM(Table1[Budget])+A1', 1, 0, 'SUM(Table1[Budget])+A2'],
    ['COUNTA(A:A)+SUM(2:2)+SUM($B:$B)', 1, 1, 'COUNTA(B:B)+SUM(3:3)+SUM($B:$B)'],
    ['A1*1.5E+10+ATAN2(1,2)', 1, 0, 'A2*1.5E+10+ATAN2(1,2)'],
    ['A1-1', -1, 0, '#REF!-1'],
    ['XFD1+1', 0, 1, '#REF!+1'],
    ['A1048576', 1, 0, '#REF!'],
    ["SUM('Axe 1'!A1:B2)+A2", -1, 0, "SUM('Axe 1'!#REF!)+A1"],
    ['TRUE+A1', 0, 0, 'TRUE+A1'],
    ['ABCD1+Taux2026+A1', 1, 0, 'ABCD1+Taux2026+A2'],
    ['Table1[[#This Row],[A1]]+A1', 1, 0, 'Table1[[#This Row],[A1]]+A2'],
  ])('%s moved by %i rows and %i columns is %s', (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });
});
