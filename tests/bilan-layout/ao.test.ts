import { rowValues, rowWith, sheetOf, writeBilan, type WrittenBilan } from './helpers/written-bilan';
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
  expect(rowValues(sheet, 4)).toEqual([
    'Nom',
    'Type',
    'Population retenue pour les seuils',
    'Requis : recenser',
    'Requis : informer',
    'Requis : planifier',
    'Requis : soutenir la qualité',
    'Requis : schéma pluriannuel',
    'Requis : relais petite enfance',
    'Schéma : obligation remplie',
    'RPE : obligation remplie',
  ]);
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
