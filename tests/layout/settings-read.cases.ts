import { renderMessage, hasMessage } from '../../src/domain/messages';
import { renderIssueMessage } from '../../src/domain/issues';
import { parseCellAddressForTest } from './helpers/address';
import { buildSettingsSheet } from '../../src/layout/sheets/settings/settings-sheet';
import { readSettings } from '../../src/layout/sheets/settings/settings-read';
import { checkSettingsLists } from '../../src/layout/sheets/settings/settings-lists-read';
import type { SheetGrid } from '../../src/domain/grid';
import {
  LISTS_FIRST_ROW,
  settingsList,
  settingsRows,
  settingsValueCell,
  SETTINGS_VALUE_COLUMN,
} from '../../src/layout/sheets/settings/settings-layout';
import { gridOfSpec, withCell } from './helpers/spec-grid';
import { samplePlan } from './helpers/sample-plan';

const plan = samplePlan();
const grid = gridOfSpec(buildSettingsSheet(plan, { year: 2027, q: 2 }));
const quarterRow = settingsRows.currentQuarter;
const listIssues = (sheet: SheetGrid) =>
  checkSettingsLists(sheet, readSettings(sheet), { start: '2026-01-01', end: '2030-12-31' });

describe('readSettings', () => {
  test('reads back what the builder wrote, with no issue', () => {
    expect(readSettings(grid)).toEqual({
      settings: {
        territory: 'Monts du Pilat',
        epci: 'Communauté de communes des Monts du Pilat',
        epciSiren: '',
        caf: 'Caf de la Loire',
        periodStart: '2026-01-01',
        periodEnd: '2030-12-31',
        currentQuarterText: '2027-T2',
        currentQuarter: { year: 2027, q: 2 },
        currentQuarterMeant: null,
        currentQuarterFormula: null,
      },
      issues: [],
    });
  });

  test('the positions are exported: the current quarter is B9', () => {
    expect(settingsValueCell('currentQuarter')).toBe('B9');
    expect(parseCellAddressForTest(settingsValueCell('periodStart'))).toEqual({
      row: settingsRows.periodStart,
      column: 2,
    });
  });

  test.each([
    ['2027-T5', 'settings-quarter-invalid'],
    ['T2 2027', 'settings-quarter-invalid'],
    ['', 'settings-quarter-invalid'],
    ['2031-T1', 'settings-quarter-outside-period'],
    ['2025-T4', 'settings-quarter-outside-period'],
  ])('a current quarter "%s" is an error %s at B9', (text, code) => {
    const { settings, issues } = readSettings(withCell(grid, quarterRow, SETTINGS_VALUE_COLUMN, { value: text }));
    expect(issues).toEqual([
      { severity: 'error', code, sheet: 'Paramètres', cell: 'B9', rowKey: null, params: expect.any(Object) },
    ]);
    expect(settings.currentQuarterText).toBe(text);
    expect(hasMessage(code)).toBe(true);
    expect(renderMessage(issues[0].code, issues[0].params)).toContain(text);
  });

  test('a date typed as the current quarter is quoted as Excel shows it, not as its serial number', () => {
    const dated = withCell(grid, quarterRow, SETTINGS_VALUE_COLUMN, { value: 46402, isDate: true });
    const { settings, issues } = readSettings(dated);
    expect(settings.currentQuarterText).toBe('15/01/2027');
    expect(renderMessage(issues[0].code, issues[0].params)).toBe(
      'Le trimestre en cours «\u00a015/01/2027\u00a0» n’est pas de la forme AAAA-Tn\u00a0: saisissez 2027-T1.',
    );
  });

  test.each([
    ['2027 T1', '2027-T1'],
    ['2027T2', '2027-T2'],
    ['2027 - t3', '2027-T3'],
    ['T4 2027', '2027-T4'],
    ['2027/Q1', '2027-T1'],
  ])('a current quarter written "%s" is an error that says to type %s', (text, meant) => {
    const { issues } = readSettings(withCell(grid, quarterRow, SETTINGS_VALUE_COLUMN, { value: text }));
    expect(issues.map((issue) => renderMessage(issue.code, issue.params))).toEqual([
      `Le trimestre en cours «\u00a0${text}\u00a0» n’est pas de la forme AAAA-Tn\u00a0: saisissez ${meant}.`,
    ]);
  });

  test('a current quarter that reads as no quarter says how one is written', () => {
    const { issues } = readSettings(withCell(grid, quarterRow, SETTINGS_VALUE_COLUMN, { value: '2027-T5' }));
    expect(issues.map((issue) => renderMessage(issue.code, issue.params))).toEqual([
      'Le trimestre en cours «\u00a02027-T5\u00a0» n’est pas de la forme AAAA-Tn\u00a0: saisissez l’année, un ' +
        'tiret, T et le numéro du trimestre (de 1 à 4), par exemple 2026-T3.',
    ]);
  });

  test('a date typed as ISO text is accepted; a text that is no date is an error', () => {
    const asText = readSettings(withCell(grid, settingsRows.periodEnd, SETTINGS_VALUE_COLUMN, { value: '2030-12-31' }));
    expect(asText.issues).toEqual([]);
    expect(asText.settings.periodEnd).toBe('2030-12-31');
    const broken = readSettings(withCell(grid, settingsRows.periodEnd, SETTINGS_VALUE_COLUMN, { value: 'fin 2030' }));
    expect(broken.issues.map((issue) => [issue.code, issue.cell])).toEqual([['settings-date-invalid', 'B8']]);
    expect(broken.settings.periodEnd).toBeNull();
  });

  test('a value of a list changed by hand is an error at its cell; emptied or spaced, no change', () => {
    const scale = settingsList('qualitativeScale').column;
    const changed = withCell(grid, LISTS_FIRST_ROW + 1, scale, { value: 'Plutôt satisfaisant' });
    expect(listIssues(changed)).toEqual([
      {
        severity: 'error',
        code: 'settings-list-value-changed',
        sheet: 'Paramètres',
        cell: 'B14',
        rowKey: null,
        params: { list: 'Échelle qualitative', expected: 'Satisfaisant', value: 'Plutôt satisfaisant' },
      },
    ]);
    const emptied = withCell(grid, LISTS_FIRST_ROW + 1, scale, null);
    expect(listIssues(withCell(emptied, LISTS_FIRST_ROW, scale, { value: ' Très satisfaisant ' }))).toEqual([]);
  });

  test('the lists are not checked while a label is gone, nor the quarters while a date is not the convention’s', () => {
    const quarters = settingsList('quarters').column;
    const changed = withCell(
      withCell(grid, LISTS_FIRST_ROW, 1, { value: 'Pas commencée' }),
      LISTS_FIRST_ROW,
      quarters,
      { value: '2026 T1' },
    );
    expect(listIssues(changed).map((issue) => issue.cell)).toEqual(['A13', 'E13']);
    expect(listIssues(withCell(changed, settingsRows.caf, 1, null))).toEqual([]);
    // A label typed over leaves every row in its place: the lists are still checked.
    expect(
      listIssues(withCell(changed, settingsRows.caf, 1, { value: 'Organisme' })).map((issue) => issue.cell),
    ).toEqual(['A13', 'E13']);
    const otherEnd = withCell(changed, settingsRows.periodEnd, SETTINGS_VALUE_COLUMN, { value: '2031-12-31' });
    expect(listIssues(otherEnd).map((issue) => issue.cell)).toEqual(['A13']);
  });

  test('a label emptied, or holding another label, is an error naming the label: its rows cannot be told', () => {
    const emptied = readSettings(withCell(grid, settingsRows.caf, 1, null));
    expect(emptied.issues).toEqual([
      {
        severity: 'error',
        code: 'settings-label-missing',
        sheet: 'Paramètres',
        cell: 'A6',
        rowKey: null,
        params: { label: 'Caf' },
      },
    ]);
    const copied = readSettings(withCell(grid, settingsRows.caf, 1, { value: 'EPCI' }));
    expect(copied.issues.map((issue) => [issue.severity, issue.code, issue.cell])).toEqual([
      ['error', 'settings-label-missing', 'A6'],
    ]);
  });

  test('a label typed over, every other label in place, is a warning at its cell; its value is still read', () => {
    const edited = readSettings(withCell(grid, settingsRows.territory, 1, { value: 'Territoire du Pilat' }));
    expect(edited.issues).toEqual([
      {
        severity: 'warning',
        code: 'settings-label-edited',
        sheet: 'Paramètres',
        cell: 'A3',
        rowKey: null,
        params: { label: 'Territoire', value: 'Territoire du Pilat', valueCell: 'B3' },
      },
    ]);
    expect(edited.settings.territory).toBe('Monts du Pilat');
    expect(renderIssueMessage(edited.issues[0])).toBe(
      'Paramètres, cellule A3\u00a0: l’intitulé «\u00a0Territoire\u00a0» a été remplacé par «\u00a0Territoire du ' +
        'Pilat\u00a0». La cellule B3 reste lue comme «\u00a0Territoire\u00a0», et la prochaine réécriture du classeur ' +
        'remettra «\u00a0Territoire\u00a0» en A3, en gardant «\u00a0Territoire du Pilat\u00a0» dans le Journal. Retapez ' +
        '«\u00a0Territoire\u00a0» ou annulez la saisie (Ctrl+Z)\u00a0; pour noter autre chose, écrivez-le dans une ' +
        'cellule vide.',
    );
    // A formula typed there is quoted as typed, a number as French Excel shows it.
    const formula = withCell(grid, settingsRows.caf, 1, { value: 'Organisme', formula: '"Organisme"' });
    const number = withCell(formula, settingsRows.periodEnd, 1, { value: 2030.5 });
    expect(readSettings(number).issues.map((issue) => [issue.code, issue.cell, issue.params.value])).toEqual([
      ['settings-label-edited', 'A6', '="Organisme"'],
      ['settings-label-edited', 'A8', '2\u00a0030,5'],
    ]);
  });

  test('a label typed the way older versions wrote it (spacing, apostrophe) is the label', () => {
    const retyped = withCell(grid, settingsRows.epciSiren, 1, { value: ' SIREN  de l’EPCI' });
    expect(readSettings(retyped).issues).toEqual([]);
  });

  test('a label typed over while rows moved is not guessed at: the moved labels and the lost one are errors', () => {
    const rows = [...grid.rows];
    rows.splice(4, 0, []);
    const moved = withCell({ ...grid, rows }, settingsRows.territory, 1, { value: 'Territoire du Pilat' });
    expect(readSettings(moved).issues.map((issue) => [issue.severity, issue.code, issue.cell])).toEqual([
      ['error', 'settings-label-missing', 'A3'],
      ['error', 'settings-label-moved', 'A6'],
    ]);
  });

  test('a malformed SIREN is a warning', () => {
    const siren = readSettings(withCell(grid, settingsRows.epciSiren, SETTINGS_VALUE_COLUMN, { value: '24420' }));
    expect(siren.issues.map((issue) => [issue.severity, issue.code, issue.cell])).toEqual([
      ['warning', 'settings-siren-invalid', 'B5'],
    ]);
    const valid = readSettings(withCell(grid, settingsRows.epciSiren, SETTINGS_VALUE_COLUMN, { value: '244200770' }));
    expect(valid.issues).toEqual([]);
    expect(valid.settings.epciSiren).toBe('244200770');
  });
});
