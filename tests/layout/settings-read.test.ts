import { renderMessage, hasMessage } from '../../src/domain/messages';
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
      'Le trimestre en cours «\u00a015/01/2027\u00a0» n’est pas de la forme AAAA-Tn (par exemple 2026-T3).',
    );
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
    expect(listIssues(withCell(changed, settingsRows.caf, 1, { value: 'Organisme' }))).toEqual([]);
    const otherEnd = withCell(changed, settingsRows.periodEnd, SETTINGS_VALUE_COLUMN, { value: '2031-12-31' });
    expect(listIssues(otherEnd).map((issue) => issue.cell)).toEqual(['A13']);
  });

  test('a moved label is an error naming the label; a malformed SIREN a warning', () => {
    const moved = readSettings(withCell(grid, settingsRows.caf, 1, { value: 'Organisme' }));
    expect(moved.issues).toEqual([
      {
        severity: 'error',
        code: 'settings-label-missing',
        sheet: 'Paramètres',
        cell: 'A6',
        rowKey: null,
        params: { label: 'Caf' },
      },
    ]);
    const siren = readSettings(withCell(grid, settingsRows.epciSiren, SETTINGS_VALUE_COLUMN, { value: '24420' }));
    expect(siren.issues.map((issue) => [issue.severity, issue.code, issue.cell])).toEqual([
      ['warning', 'settings-siren-invalid', 'B5'],
    ]);
    const valid = readSettings(withCell(grid, settingsRows.epciSiren, SETTINGS_VALUE_COLUMN, { value: '244200770' }));
    expect(valid.issues).toEqual([]);
    expect(valid.settings.epciSiren).toBe('244200770');
  });
});
