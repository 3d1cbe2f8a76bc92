import ExcelJS from 'exceljs';
import { isoTimestamp } from '../../src/domain/excel-dates';
import { quartersOfPeriod } from '../../src/domain/periods';
import { keyListFingerprint, planKeyList } from '../../src/domain/plan-keys';
import { aggregationRules, ficheStatuses, frequencies, qualitativeScale } from '../../src/domain/vocabulary';
import { axisColumns, KEY_HEADER, type AxisColumn } from '../../src/layout/sheets/axis/axis-columns';
import { checkCtgFingerprint, readCtgMeta } from '../../src/layout/sheets/ctg-meta/ctg-meta-read';
import { journalColumns } from '../../src/layout/sheets/journal/journal-columns';
import { settingsLists } from '../../src/layout/sheets/settings/settings-layout';
import { readSettings } from '../../src/layout/sheets/settings/settings-read';
import { samplePlan } from '../layout/helpers/sample-plan';
import { fillColor, gridOfWorksheet, isLocked, loadWithExcelJs, sheetProtectionOf } from './helpers/exceljs-load';
import { generateBytes } from './helpers/generate-bytes';

const plan = samplePlan();
const today = new Date('2026-11-28T10:15:00Z');
const columns = axisColumns(quartersOfPeriod(plan.period));
const HEADER_ROW = 3;
let workbook: ExcelJS.Workbook;
let summary: Awaited<ReturnType<typeof generateBytes>>['summary'];

beforeAll(async () => {
  const generated = await generateBytes(plan, today);
  summary = generated.summary;
  workbook = await loadWithExcelJs(generated.bytes);
});

const axisSheet = (number: number) => workbook.getWorksheet(`Axe ${number}`)!;
const columnNumber = (id: AxisColumn['id']) => columns.findIndex((column) => column.id === id) + 1;
const usedBy = (column: AxisColumn, type: string) => (type === 'Fiche' ? column.usedByFiche : column.usedByCriterion);

/** The data rows of an axis sheet: from the row under `Clé` down to the last row with a key. */
function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let row = HEADER_ROW + 1; sheet.getRow(row).getCell(1).value !== null; row += 1) rows.push(sheet.getRow(row));
  return rows;
}

describe('generated tracking workbook, read back with ExcelJS', () => {
  test('sheets come in the contract order, axis numbers as in the plan, _ctg hidden but not very hidden', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Guide',
      'Paramètres',
      'Axe 1',
      'Axe 13',
      'Annexe 4 – Suivi',
      'Compétences AO',
      'Journal',
      'Historique',
      'Contributions',
      '_ctg',
    ]);
    expect(summary.sheets).toEqual(workbook.worksheets.map((sheet) => sheet.name));
    expect(workbook.getWorksheet('_ctg')!.state).toBe('hidden');
    for (const sheet of workbook.worksheets.filter((candidate) => candidate.name !== '_ctg'))
      expect(sheet.state).toBe('visible');
  });

  test('the summary counts fiches and criteria and gives the current quarter', () => {
    expect(summary).toMatchObject({ ficheCount: 5, criterionCount: 7, currentQuarter: '2026-T4' });
  });

  test('A1 of each axis sheet is "Axe N – title" with an en dash', () => {
    for (const axis of plan.axes) {
      expect(axisSheet(axis.number).getCell('A1').value).toBe(`Axe ${axis.number} \u2013 ${axis.title}`);
    }
    expect(axisSheet(13).getCell('A1').value).toBe('Axe 13 – Accès aux droits');
  });

  test('the header row holds the column definitions in order, Clé first, with their widths', () => {
    for (const axis of plan.axes) {
      const sheet = axisSheet(axis.number);
      const headers = columns.map((_, index) => sheet.getRow(HEADER_ROW).getCell(index + 1).value);
      expect(headers).toEqual(columns.map((column) => column.header));
      expect(headers[0]).toBe(KEY_HEADER);
      expect(headers).toContain('Renseignement cumulé');
      expect(headers).toContain('Réalisation');
      columns.forEach((column, index) => expect(sheet.getColumn(index + 1).width).toBe(column.width));
    }
  });

  test('rows follow the key list: a fiche then its criteria, with type and the plan’s texts', () => {
    const keys = planKeyList(plan);
    const rows = plan.axes.flatMap((axis) => dataRows(axisSheet(axis.number)));
    expect(rows.map((row) => [row.getCell(1).value, row.getCell(2).value])).toEqual(
      keys.map((entry) => [entry.key, entry.type]),
    );
    const titles = plan.axes.flatMap((axis) =>
      axis.fiches.flatMap((fiche) => [fiche.title, ...fiche.criteria.map((criterion) => criterion.text)]),
    );
    expect(rows.map((row) => row.getCell(columnNumber('title')).value)).toEqual(titles);
    const g1 = rows[0];
    expect(g1.getCell(columnNumber('carriers')).value).toBe('CCMP ; Mairie (s)');
    expect(g1.getCell(columnNumber('territories')).value).toBe('Marlhes ; Saint-Genest-Malifaux');
  });

  test('texts starting with "=" are written as text, never as formulas', () => {
    const sheet = axisSheet(1);
    const cells = dataRows(sheet).map((row) => row.getCell(columnNumber('title')));
    const formulaLike = cells.filter((cell) => String(cell.value).startsWith('='));
    expect(formulaLike.map((cell) => cell.value)).toEqual(['=SOMME(A1:A3) est un titre, pas une formule', '=1+1']);
    for (const cell of formulaLike) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(typeof cell.value).toBe('string');
      expect(cell.formula).toBeUndefined();
    }
  });

  test('text and list columns carry the @ format on the column and on every cell', () => {
    const sheet = axisSheet(1);
    columns.forEach((column, index) => {
      if (column.kind !== 'text' && column.kind !== 'list') return;
      expect(sheet.getColumn(index + 1).numFmt).toBe('@');
      for (const row of dataRows(sheet)) expect(row.getCell(index + 1).numFmt).toBe('@');
    });
    expect(sheet.getColumn(columnNumber('progress')).numFmt).toBe('0');
    expect(sheet.getColumn(columnNumber('updatedOn')).numFmt).toBe('dd/mm/yyyy');
  });

  test('inputs are unlocked where the row type uses them; everything else is locked, unused cells greyed', () => {
    for (const axis of plan.axes) {
      for (const row of dataRows(axisSheet(axis.number))) {
        const type = String(row.getCell(2).value);
        columns.forEach((column, index) => {
          const written = row.getCell(index + 1);
          expect({ key: row.getCell(1).value, column: column.header, locked: isLocked(written) }).toEqual({
            key: row.getCell(1).value,
            column: column.header,
            locked: !(column.input && usedBy(column, type)),
          });
          const grey = fillColor(written) === 'FFD9D9D9';
          expect(grey).toBe(!usedBy(column, type));
        });
      }
    }
  });

  test('list and number validations sit on the cells that take them', () => {
    const sheet = axisSheet(1);
    const rows = dataRows(sheet);
    const validation = (row: ExcelJS.Row, id: AxisColumn['id'], offset = 0) =>
      row.getCell(columnNumber(id) + offset).dataValidation as ExcelJS.DataValidation | undefined;
    for (const row of rows) {
      const type = row.getCell(2).value;
      const firstQuarter = validation(row, 'quarter');
      const lastQuarter = validation(row, 'quarter', quartersOfPeriod(plan.period).length - 1);
      if (type === 'Fiche') {
        expect(validation(row, 'status')).toMatchObject({ type: 'list', formulae: ['ctg_statuts'] });
        expect(validation(row, 'progress')).toMatchObject({ type: 'whole', formulae: [0, 100] });
        expect(validation(row, 'updatedOn')).toMatchObject({ type: 'date', operator: 'between' });
        expect(validation(row, 'frequency')).toBeUndefined();
        expect(firstQuarter).toBeUndefined();
      } else {
        expect(validation(row, 'status')).toBeUndefined();
        expect(validation(row, 'updatedOn')).toBeUndefined();
        expect(validation(row, 'frequency')).toMatchObject({ type: 'list', formulae: ['ctg_frequences'] });
        expect(validation(row, 'aggregation')).toMatchObject({ type: 'list', formulae: ['ctg_regles'] });
        expect(validation(row, 'target')).toMatchObject({ type: 'decimal' });
        const expected = type === 'Qualitatif' ? { type: 'list', formulae: ['ctg_echelle'] } : { type: 'decimal' };
        expect(firstQuarter).toMatchObject(expected);
        expect(lastQuarter).toMatchObject(expected);
      }
    }
  });

  test('the lists live in Paramètres under defined names, and the list values are the vocabulary', () => {
    const settings = workbook.getWorksheet('Paramètres')!;
    const names = new Map(
      (workbook.definedNames.model as { name: string; ranges: string[] }[]).map((entry) => [
        entry.name,
        entry.ranges[0],
      ]),
    );
    const expected: Record<string, readonly string[]> = {
      ctg_statuts: ficheStatuses,
      ctg_echelle: qualitativeScale,
      ctg_frequences: frequencies,
      ctg_regles: aggregationRules,
      ctg_trimestres: quartersOfPeriod(plan.period).map((quarter) => `${quarter.year}-T${quarter.q}`),
      ctg_ao_exercice: [
        'Commune',
        "Transférée à l'EPCI par toutes les communes",
        "Transférée à l'EPCI par certaines communes",
      ],
      ctg_oui_non: ['Oui', 'Non'],
    };
    for (const list of settingsLists) {
      const ref = names.get(list.definedName)!;
      const match = /^'Paramètres'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(ref)!;
      expect(match).not.toBeNull();
      const values = [];
      for (let row = Number(match[2]); row <= Number(match[4]); row += 1)
        values.push(settings.getCell(`${match[1]}${row}`).value);
      expect(values).toEqual([...expected[list.definedName]]);
      expect(isLocked(settings.getCell(`${match[1]}${match[2]}`))).toBe(true);
    }
    expect(names.get('ctg_trimestre_en_cours')).toBe("'Paramètres'!$B$9");
  });

  test('Fréquence and Règle d’agrégation are inferred from each criterion’s wording', () => {
    const byKey = new Map(
      dataRows(axisSheet(1))
        .concat(dataRows(axisSheet(13)))
        .map((row) => [row.getCell(1).value, row]),
    );
    const pair = (key: string) => [
      byKey.get(key)!.getCell(columnNumber('frequency')).value,
      byKey.get(key)!.getCell(columnNumber('aggregation')).value,
    ];
    expect(pair('G1-QN1')).toEqual(['Annuelle', 'Somme']); // Nombre … par an
    expect(pair('G1-QN2')).toEqual(['Trimestrielle', 'Moyenne']); // Taux …
    expect(pair('G1-QL1')).toEqual(['Trimestrielle', 'Médiane']); // qualitative
    expect(pair('G2-QN2')).toEqual(['Annuelle', 'Somme']); // Montant … annuels
    expect(pair('S13-QN1')).toEqual(['Trimestrielle', 'Moyenne']); // Évolution … (%)
  });

  test('rate columns exist on both row types, locked, holding formulas (tests/workbook-formulas checks their values)', () => {
    for (const row of dataRows(axisSheet(1))) {
      expect(row.getCell(columnNumber('fillCumulative')).formula).toEqual(expect.any(String));
      expect(isLocked(row.getCell(columnNumber('fillCumulative')))).toBe(true);
      expect(isLocked(row.getCell(columnNumber('achievement')))).toBe(true);
    }
  });

  test('no row is grouped (outline buttons do not work on a protected sheet): every data row at level 0', () => {
    const sheet = axisSheet(1);
    for (const row of dataRows(sheet)) expect(row.outlineLevel ?? 0).toBe(0);
    expect(sheet.properties.outlineLevelRow ?? 0).toBe(0);
    expect(sheet.autoFilter).toBe('A3:AS12');
  });

  test('panes are frozen under the header and right of Intitulé; the Journal under its header', () => {
    expect(axisSheet(1).views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 3 });
    expect(workbook.getWorksheet('Journal')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('every sheet is protected without password, filtering allowed, sorting not', () => {
    for (const sheet of workbook.worksheets) {
      const protection = sheetProtectionOf(sheet);
      expect({ sheet: sheet.name, on: protection.sheet }).toEqual({ sheet: sheet.name, on: true });
      expect(protection.autoFilter).toBe(true);
      expect(protection.sort).toBeFalsy();
      expect(protection.algorithmName ?? protection.password ?? protection.hashValue).toBeUndefined();
    }
  });

  test('axis sheets print on A4 landscape, several pages wide, title and header rows and Clé–Intitulé repeated', () => {
    for (const number of [1, 13]) {
      expect(axisSheet(number).pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToHeight: 0,
        printTitlesRow: '1:3',
        printTitlesColumn: 'A:C',
      });
      expect(axisSheet(number).pageSetup.fitToWidth).toBeGreaterThan(1);
    }
    expect(workbook.getWorksheet('Journal')!.pageSetup).toMatchObject({ fitToWidth: 1, fitToHeight: 0 });
    expect(workbook.getWorksheet('Journal')!.pageSetup.printTitlesColumn).toBeUndefined();
  });

  test('Paramètres holds the convention and the current quarter as text, SIREN and quarter unlocked', () => {
    const sheet = workbook.getWorksheet('Paramètres')!;
    const { settings, issues } = readSettings(gridOfWorksheet(sheet));
    expect(issues).toEqual([]);
    expect(settings).toEqual({
      territory: 'Monts du Pilat',
      epci: 'Communauté de communes des Monts du Pilat',
      epciSiren: '',
      caf: 'Caf de la Loire',
      periodStart: '2026-01-01',
      periodEnd: '2030-12-31',
      currentQuarterText: '2026-T4',
      currentQuarter: { year: 2026, q: 4 },
      currentQuarterMeant: null,
      currentQuarterFormula: null,
    });
    expect(sheet.getCell('B9').numFmt).toBe('@');
    expect(isLocked(sheet.getCell('B9'))).toBe(false);
    expect(isLocked(sheet.getCell('B5'))).toBe(false);
    expect(isLocked(sheet.getCell('B3'))).toBe(true);
    expect((sheet.getCell('B9').dataValidation as ExcelJS.DataValidation).formulae).toEqual(['ctg_trimestres']);
  });

  test('_ctg holds format version 3, the key list with axes and its SHA-256, the convention and the dates', async () => {
    const grid = gridOfWorksheet(workbook.getWorksheet('_ctg')!);
    const { meta, issues } = readCtgMeta(grid);
    expect(issues).toEqual([]);
    const keys = planKeyList(plan);
    expect(keys.every((entry) => plan.axes.some((axis) => axis.number === entry.axis))).toBe(true);
    expect(meta).toEqual({
      formatVersion: 3,
      migratedFrom: null,
      planFingerprint: await keyListFingerprint(keys),
      territory: 'Monts du Pilat',
      periodStart: '2026-01-01',
      periodEnd: '2030-12-31',
      generatedAt: '2026-11-28T10:15:00Z',
      lastWrittenAt: '2026-11-28T10:15:00Z',
      extractPartner: '',
      masterFingerprint: '',
      // A master is no extract: no quarter of extract, no values sent.
      extractUpTo: '',
      sentValues: [],
      keys,
      // A new workbook has retired no key yet (regenerating from an amended plan fills this list).
      retiredKeys: [],
    });
    expect(meta!.planFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.planFingerprint).toBe(meta!.planFingerprint);
    expect(await checkCtgFingerprint(meta!, '_ctg')).toEqual([]);
  });

  test('the Journal has its headers and a first line for the generation', () => {
    const sheet = workbook.getWorksheet('Journal')!;
    expect(journalColumns.map((_, index) => sheet.getRow(1).getCell(index + 1).value)).toEqual([
      'Date',
      'Source',
      'Clé',
      'Colonne',
      'Ancienne valeur',
      'Nouvelle valeur',
      'Opération (code)',
      'Champ (id)',
      'Type ancienne valeur',
      'Type nouvelle valeur',
      'Fichier',
      'Partenaire',
    ]);
    expect(sheet.getCell('A2').value).toBe(isoTimestamp(today));
    expect(sheet.getCell('F2').value).toBe('Classeur généré');
    expect(['G2', 'I2', 'J2'].map((address) => sheet.getCell(address).value)).toEqual(['génération', 'vide', 'texte']);
    expect(sheet.getRow(3).getCell(1).value).toBeNull();
  });

  test('the Guide tells how to fill in without the add-in', () => {
    const sheet = workbook.getWorksheet('Guide')!;
    const text = gridOfWorksheet(sheet)
      .rows.flat()
      .map((cell) => String(cell?.value ?? ''))
      .join('\n');
    for (const expected of [
      'Activer la modification',
      '.xlsx',
      'ne pas trier',
      'donnée personnelle',
      'Taux de renseignement',
      'Taux de réalisation',
      ...ficheStatuses,
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe('current quarter at generation', () => {
  test.each([
    ['2025-05-02T12:00:00Z', '2026-T1'],
    ['2028-08-15T12:00:00Z', '2028-T3'],
    ['2031-02-01T12:00:00Z', '2030-T4'],
  ])('generated on %s, Paramètres says %s', async (day, expected) => {
    const generated = await generateBytes(plan, new Date(day));
    const loaded = await loadWithExcelJs(generated.bytes);
    expect(loaded.getWorksheet('Paramètres')!.getCell('B9').value).toBe(expected);
    expect(generated.summary.currentQuarter).toBe(expected);
  });
});
