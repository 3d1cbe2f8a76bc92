import { frenchFormula } from '../../src/domain/messages/french-formula';

/**
 * A formula as a French Excel shows it, for the messages that quote one: the file stores it with English function
 * names, commas between arguments and decimal points, which a partner who typed =SOMME(W14:Y14) does not recognise.
 */
describe('a formula quoted in a message', () => {
  it.each([
    ['SUM(W14:Y14)', 'SOMME(W14:Y14)'],
    ['IF(A1>0.5,AVERAGE(B1:B3),0)', 'SI(A1>0,5;MOYENNE(B1:B3);0)'],
    ['COUNT(A1:A9)+COUNTA(B1:B9)', 'NB(A1:A9)+NBVAL(B1:B9)'],
    ['HYPERLINK("http://exemple.fr","clic")', 'LIEN_HYPERTEXTE("http://exemple.fr";"clic")'],
    ['ROUND(MIN(A1,2.25)*MAX(B1,1),1)', 'ARRONDI(MIN(A1;2,25)*MAX(B1;1);1)'],
    ['AND(A1,OR(B1,C1))', 'ET(A1;OU(B1;C1))'],
    ['CONCATENATE(A1," et ",B1)', 'CONCATENER(A1;" et ";B1)'],
    ['TODAY()-NOW()', 'AUJOURDHUI()-MAINTENANT()'],
    ['VLOOKUP(A1,Data!A:B,2,FALSE)', 'RECHERCHEV(A1;Data!A:B;2;FALSE)'],
    ['SUMIF(A1:A9,">0.5",B1:B9)+COUNTIF(A1:A9,"x")', 'SOMME.SI(A1:A9;">0.5";B1:B9)+NB.SI(A1:A9;"x")'],
    ['IFERROR(A1/B1,"")', 'SIERREUR(A1/B1;"")'],
    // Lower case as a file may store it; a sheet's name in quotes, a text in quotes, left as they are.
    ["sum('Axe 1, bis'!A1:A3)", "SOMME('Axe 1, bis'!A1:A3)"],
    ['IF(A1="1,5 SUM(x)",1.5E+3,"a""b,c")', 'SI(A1="1,5 SUM(x)";1,5E+3;"a""b,c")'],
    // A function the table does not know keeps its name; its arguments are still separated as French Excel does.
    ['XLOOKUP(A1,B:B,C:C)', 'XLOOKUP(A1;B:B;C:C)'],
    ['A1+B2*3', 'A1+B2*3'],
  ])('shows %s as %s', (formula, shown) => {
    expect(frenchFormula(formula)).toBe(shown);
  });
});
