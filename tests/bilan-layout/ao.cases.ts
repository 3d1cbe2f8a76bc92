import { rowValues, rowWith, sheetOf, writeBilan, type WrittenBilan } from './helpers/written-bilan';
import { DERIVED_HEADERS } from '../ao-sheet/ao-cases';
import { sampleBilan } from './helpers/sample-bilan';

/**
 * `Compétences AO` of a bilan: the territory's AO rows as values, with the tracking workbook's words (its headers are
 * that sheet's, found by their text there: written with a plain space before « : »).
 */

let written: WrittenBilan;
beforeAll(async () => {
  written = await writeBilan(sampleBilan());
});

it('titles the table with the territory and gives each AO row as the tracking workbook assessed it', () => {
  const sheet = sheetOf(written.grids, 'Compétences AO');
  expect(rowValues(sheet, 1)[0]).toBe(
    'Compétences des autorités organisatrices de l’accueil du jeune enfant \u2013 Communauté de communes des Monts du Pilat',
  );
  expect(rowValues(sheet, 4)).toEqual(['Nom', 'Type', ...DERIVED_HEADERS]);
  expect(rowValues(sheet, 5)).toEqual([
    'Communauté de communes des Monts du Pilat',
    'EPCI',
    16000,
    'Oui',
    'Oui',
    'Oui',
    'Oui',
    'Oui',
    'Oui',
    'Non',
    'Oui',
  ]);
  expect(rowValues(sheet, rowWith(sheet, 1, 'Bourg-Argental')).slice(1)).toEqual([
    'Commune',
    3000,
    'Oui',
    'Oui',
    'Non',
    'Non',
    'Non',
    'Non',
    'Sans objet',
    'Sans objet',
  ]);
  expect(rowValues(sheet, rowWith(sheet, 1, 'Saint-Genest-Malifaux')).slice(2, 6)).toEqual([
    'À renseigner',
    'Oui',
    'Oui',
    'À renseigner',
  ]);
  expect(sheet.rows.every((row) => (row ?? []).every((cell) => cell?.formula === undefined))).toBe(true);
});

it('says the requirements are assessed at the period’s end, the quarter the figures are measured to', async () => {
  const current = sampleBilan({
    period: { kind: 'annual', year: 2027, first: '2027-T1', last: '2027-T4', measuredTo: '2027-T2', state: 'current' },
  });
  const note = (grids: WrittenBilan['grids']) => String(rowValues(sheetOf(grids, 'Compétences AO'), 2)[0]);
  expect(note((await writeBilan(current)).grids)).toMatch(
    /^Telles que le classeur de suivi les évalue au trimestre 2027-T2, où s’arrêtent les chiffres de la période\. «/,
  );
  expect(note(written.grids)).toContain('au trimestre 2030-T4, où');
  expect(note(written.grids)).not.toContain('trimestre en cours');
});
