import { asExcelQuotes, PLAIN_NAME, referencedSheets, renameSheetInFormula } from './sheet-references';

/**
 * A rename is looked for case-insensitively without lowercasing each formula when the old name is plain: that holds
 * only if no other character lowercases to a plain name's characters.
 */
test('nothing but a plain character and its capital lowercases to plain characters', () => {
  const others: string[] = [];
  for (let code = 0; code <= 0x10ffff; code += 1) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const character = String.fromCodePoint(code);
    const lower = character.toLowerCase();
    if (lower !== '' && PLAIN_NAME.test(lower) && character !== lower && character !== lower.toUpperCase())
      others.push(`U+${code.toString(16)} → ${lower}`);
  }
  expect(others).toEqual([]);
  // The Kelvin sign lowercases to k: a name with a k is looked for by lowercasing.
  expect(PLAIN_NAME.test('k')).toBe(false);
  expect(renameSheetInFormula("='\u212aey'!A1", 'key', 'Clés')).toBe("='Clés'!A1");
});

test('a rename follows every reference to the old name, in any case, quoted or bare, and leaves texts alone', () => {
  const rename = (formula: string, oldName: string, newName: string) => renameSheetInFormula(formula, oldName, newName);
  expect(rename("='Axe 1'!A1+'AXE 1'!B2", 'Axe 1', 'Axe 2')).toBe("='Axe 2'!A1+'Axe 2'!B2");
  expect(rename('=ctg-nouvelle-1!A1', 'ctg-nouvelle-1', 'Axe 1')).toBe('=ctg-nouvelle-1!A1');
  expect(rename("='CTG-Nouvelle-1'!$B$9&\"'ctg-nouvelle-1'!A1\"", 'ctg-nouvelle-1', 'Axe 1')).toBe(
    "='Axe 1'!$B$9&\"'ctg-nouvelle-1'!A1\"",
  );
  expect(rename('=Journal!A1+JOURNAL!B1+MonJournal!C1', 'journal', 'Suivi')).toBe('=Suivi!A1+Suivi!B1+MonJournal!C1');
  expect(rename("='Paramètres'!$A$1+PARAMÈTRES!A2", 'paramètres', "L'été")).toBe("='L''été'!$A$1+'L''été'!A2");
  expect(rename("='L''été'!A1", "L'été", 'Été')).toBe("='Été'!A1");
  expect(rename("='\u0130ci'!A1", 'i\u0307ci', 'Ici')).toBe("='Ici'!A1");
  expect(rename('=A1+Axe1', 'Axe1', 'Axe 2')).toBe('=A1+Axe1');
  expect(rename('=SUM(A1:A3)', 'Axe 1', 'Axe 2')).toBe('=SUM(A1:A3)');
});

test('a formula given back quotes a sheet’s name only where it needs quotes, and leaves texts alone', () => {
  expect(asExcelQuotes("='Paramètres'!$B$9+'Axe 1'!A1")).toBe("=Paramètres!$B$9+'Axe 1'!A1");
  expect(asExcelQuotes("=SUM('Axe 1'!A1:A3)&\"'Paramètres'!B9\"&'Journal'!A2")).toBe(
    "=SUM('Axe 1'!A1:A3)&\"'Paramètres'!B9\"&Journal!A2",
  );
  expect(asExcelQuotes("='L''été'!A1+'[1]Feuil1'!A1+'AB12'!A1+'Ventes'")).toBe(
    "='L''été'!A1+'[1]Feuil1'!A1+'AB12'!A1+'Ventes'",
  );
  const kept = "='Axe 1'!A1";
  expect(asExcelQuotes(kept)).toBe(kept);
  expect(asExcelQuotes('="l\'été"&\'Axe 1')).toBe('="l\'été"&\'Axe 1');
});

test('the sheets a formula refers to are read outside its strings, or not at all where it may reach others', () => {
  expect(referencedSheets("='Axe 1'!A1+Paramètres!$B$2+'L''été'!A1:B2")).toEqual(['axe 1', 'paramètres', "l'été"]);
  expect(referencedSheets('=IF(Journal!A1="Axe 2!",\'Axe 3\'!A1,#REF!)')).toEqual(['journal', 'axe 3']);
  expect(referencedSheets("='Axe 1'!#REF!+SUM(A1:A3)")).toEqual(['axe 1']);
  expect(referencedSheets('=SUM(A1:A3)')).toEqual([]);
  // Another workbook's sheet, a table's column, a `!` after no name: the scan cannot tell.
  for (const formula of ['=[Livre.xlsx]Feuil1!A1', '=SUM(Tableau1[Valeur])', '=(A1)!B2'])
    expect([formula, referencedSheets(formula)]).toEqual([formula, null]);
});
