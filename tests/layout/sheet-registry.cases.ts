import { moduleOfSheet, expectedSheetsOf, isCarriedSheet } from '../../src/layout/sheet-registry';
import { trackingSheets } from '../../src/layout/sheets/tracking-registry';
import type { TrackingSheetModule, TrackingSheetRegistry } from '../../src/layout/tracking-build';
import { buildWorkbook } from '../../src/layout/workbook-layout';
import { emptySheet } from '../../src/layout/sheet-building';
import { samplePlan } from './helpers/sample-plan';

const plan = samplePlan();
const now = new Date('2026-05-04T10:00:00Z');
const history = { entries: [], keepSheet: true };
const contents = { currentQuarter: { year: 2026, q: 2 as const }, now, journal: [], history };

describe('the tracking workbook’s sheet registry', () => {
  test('builds the sheets in its order, each owned by its module, a person’s sheets before `_ctg`', async () => {
    const extraSheets = [emptySheet('Mes notes')];
    const kept = { entries: [], keepSheet: true };
    const { spec } = await buildWorkbook(plan, { ...contents, extraSheets, archives: kept, contributions: kept });
    const names = spec.sheets.map((sheet) => sheet.name);
    expect(names).toEqual([
      'Guide',
      'Paramètres',
      ...plan.axes.map((axis) => `Axe ${axis.number}`),
      'Annexe 4 – Suivi',
      'Compétences AO',
      'Journal',
      'Historique',
      'Archives',
      'Contributions',
      'Mes notes',
      '_ctg',
    ]);
    expect(names.map((name) => moduleOfSheet(trackingSheets, name)?.id ?? null)).toEqual([
      'guide',
      'settings',
      ...plan.axes.map(() => 'axis'),
      'annexe4',
      'ao',
      'journal',
      'history',
      'archives',
      'contributions',
      null,
      'ctg-meta',
    ]);
    expect(spec.definedNames.map((name) => name.name)).toContain('ctg_trimestre_en_cours');
  });

  test('validation requires Paramètres, `_ctg`, the axes of the key list, Compétences AO and Journal, in that order', () => {
    expect(expectedSheetsOf(trackingSheets, { axesOfKeys: [1, 3], closingJournalled: null })).toEqual([
      'Paramètres',
      '_ctg',
      'Axe 1',
      'Axe 3',
      'Compétences AO',
      'Journal',
    ]);
  });

  test('validation requires Historique after the Journal once the Journal records a closing', () => {
    expect(expectedSheetsOf(trackingSheets, { axesOfKeys: [1], closingJournalled: '2026-T4' }).slice(-2)).toEqual([
      'Journal',
      'Historique',
    ]);
  });

  test('Compétences AO is rebuilt only once read; a person’s sheet never is', () => {
    expect(isCarriedSheet(trackingSheets, 'Compétences AO', new Set())).toBe(false);
    expect(isCarriedSheet(trackingSheets, 'Compétences AO', new Set(['ao']))).toBe(true);
    expect(isCarriedSheet(trackingSheets, 'Axe 2', new Set())).toBe(true);
    expect(isCarriedSheet(trackingSheets, 'Axe 02', new Set())).toBe(false);
    expect(isCarriedSheet(trackingSheets, 'Mes notes', new Set())).toBe(false);
    expect(isCarriedSheet(trackingSheets, 'Contributions', new Set())).toBe(true);
  });

  test('a workbook of another registry is built from its own modules only', async () => {
    const notes: TrackingSheetModule = {
      id: 'notes',
      owns: (name) => name === 'Notes',
      build: ({ plan: built }) => [emptySheet('Notes'), ...built.axes.slice(0, 1).map(() => emptySheet('Notes 2'))],
      carried: 'never',
    };
    const registry: TrackingSheetRegistry = [notes, trackingSheets[trackingSheets.length - 1]];
    const { spec } = await buildWorkbook(plan, contents, registry);
    expect(spec.sheets.map((sheet) => sheet.name)).toEqual(['Notes', 'Notes 2', '_ctg']);
    expect(spec.definedNames).toEqual([]);
  });
});
