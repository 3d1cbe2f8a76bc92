/**
 * A formula as a French Excel shows it: a file stores formulas with English function names, commas between
 * arguments and decimal points (`SUM(A1,2.5)`), and a person who typed `=SOMME(A1;2,5)` would not recognise them
 * quoted so. The common functions' names are translated, a function the table lacks keeps its name; texts and sheet
 * names in quotes are left as they are.
 */

/** The English name of a common function, as the file stores it, and its French name. */
const FRENCH_FUNCTION_NAMES: Readonly<Record<string, string>> = {
  SUM: 'SOMME',
  IF: 'SI',
  AVERAGE: 'MOYENNE',
  COUNT: 'NB',
  COUNTA: 'NBVAL',
  HYPERLINK: 'LIEN_HYPERTEXTE',
  ROUND: 'ARRONDI',
  MIN: 'MIN',
  MAX: 'MAX',
  AND: 'ET',
  OR: 'OU',
  CONCATENATE: 'CONCATENER',
  TODAY: 'AUJOURDHUI',
  NOW: 'MAINTENANT',
  VLOOKUP: 'RECHERCHEV',
  SUMIF: 'SOMME.SI',
  COUNTIF: 'NB.SI',
  IFERROR: 'SIERREUR',
};

/**
 * The pieces of a formula, each tried at one position (sticky): a text or a sheet name in quotes (a quote inside
 * doubled), a name (a function's when a bracket follows, else a reference, a defined name, TRUE), a number (its
 * decimal point made a comma), the argument separator.
 */
const PIECES =
  /"(?:[^"]|"")*"?|'(?:[^']|'')*'?|([A-Za-z_\\][\w.$]*)(?=\()|[A-Za-z_$][\w.$]*|(\d+(?:\.\d+)?(?:E[+-]?\d+)?)|(,)|[\s\S]/iy;

export function frenchFormula(formula: string): string {
  let shown = '';
  PIECES.lastIndex = 0;
  for (let match = PIECES.exec(formula); match !== null; match = PIECES.exec(formula)) {
    const [piece, functionName, number, comma] = match;
    if (functionName !== undefined) shown += FRENCH_FUNCTION_NAMES[functionName.toUpperCase()] ?? functionName;
    else if (number !== undefined) shown += number.replace('.', ',');
    else if (comma !== undefined) shown += ';';
    else shown += piece;
  }
  return shown;
}
