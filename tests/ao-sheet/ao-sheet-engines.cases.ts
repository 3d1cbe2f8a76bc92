import * as fs from 'fs';
import { aoTableFromPlan } from '../../src/domain/ao-requirements';
import type { SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { buildAoSheet } from '../../src/layout/sheets/ao/ao-sheet';
import { readAoSheet } from '../../src/layout/sheets/ao/ao-sheet-read';
import { readXlsx } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { gridOfSpec } from '../layout/helpers/spec-grid';
import { aoCases, caseTable, derivedOfGrid, DERIVED_HEADERS, expectedDerived, seedPlan, type AoCase } from './ao-cases';
import { AO_SHEET } from './ao-grid';
import { casePlan, filledWorkbook, recalcWithHyperFormula } from './ao-workbooks';
import { recalcProfileSource, saveThroughLibreOffice } from '../helpers/libreoffice';

/**
 * The formulas of `Compétences AO` say what src/domain/ao-requirements.ts says: the generated sheet is filled in
 * (populations at and around the thresholds, holders changed, RPE and schéma answered, wrong types), written to
 * a file, recalculated by HyperFormula and by LibreOffice, and every derived cell is compared with the domain's
 * assessment of the table the reader reads back. The cached results written by the layout are compared too.
 */

const plan = seedPlan();
const names = (testCase: AoCase) => aoTableFromPlan(casePlan(plan, testCase)).rows.map((row) => row.name);
const aoSheetOf = (grids: WorkbookGrids): SheetGrid => grids.sheets.find((sheet) => sheet.name === AO_SHEET)!;

function readBack(bytes: Uint8Array): WorkbookGrids {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(`unreadable: ${read.error.code}`);
  return read.grids;
}

/** Each filled workbook written once and read back once, for HyperFormula and for LibreOffice alike. */
const writtenFiles = new Map<object, Promise<{ bytes: Uint8Array; grids: WorkbookGrids }>>();
function written(spec: Parameters<typeof writeXlsx>[0]): Promise<{ bytes: Uint8Array; grids: WorkbookGrids }> {
  if (!writtenFiles.has(spec))
    writtenFiles.set(
      spec,
      writeXlsx(spec).then((bytes) => ({ bytes, grids: readBack(bytes) })),
    );
  return writtenFiles.get(spec)!;
}

/** What the domain says of the table the reader reads in the filled file. */
function expectedOfFile(testCase: AoCase, grids: WorkbookGrids) {
  const reading = readAoSheet(aoSheetOf(grids));
  return expectedDerived(reading.input!.table, testCase.quarter);
}

const cases = aoCases.map((testCase) => ({ testCase, spec: filledWorkbook(plan, testCase) }));
/** Q unreadable in Paramètres: the RPE obligation is unknown, everything else as at 2026-T3. */
const unreadableQ: AoCase = { ...aoCases[1], name: 'unreadable Q', quarterText: 'bientôt' };
const unreadableSpec = filledWorkbook(plan, unreadableQ);

describe('the filled AO sheet, read back', () => {
  it.each(aoCases.map((c) => [c.name, c] as const))('%s: the reader reads what was typed', (_name, testCase) => {
    const spec = filledWorkbook(plan, testCase);
    const reading = readAoSheet(gridOfSpec(spec.sheets[1]));
    expect(reading.input!.table).toEqual(caseTable(casePlan(plan, testCase), testCase));
    const wrongPopulations = Object.values(testCase.rows).filter(
      (input) =>
        input.population !== undefined &&
        input.population !== null &&
        !(typeof input.population === 'number' && Number.isInteger(input.population) && input.population >= 0),
    );
    expect(reading.issues.map((issue) => issue.code)).toEqual(wrongPopulations.map(() => 'ao-population-invalid'));
  });

  it('the cases cover every answer of the derived columns', () => {
    const seen = new Set<string>();
    for (const testCase of aoCases) {
      for (const [key, value] of Object.entries(
        expectedDerived(caseTable(casePlan(plan, testCase), testCase), testCase.quarter),
      ))
        seen.add(`${key.split('|')[1] ?? key}=${typeof value === 'number' ? 'number' : String(value)}`);
    }
    for (const header of DERIVED_HEADERS.slice(1, 7)) {
      for (const answer of ['Oui', 'Non', 'À renseigner']) expect(seen).toContain(`${header}=${answer}`);
    }
    for (const header of DERIVED_HEADERS.slice(7)) {
      for (const answer of ['Oui', 'Non', 'À renseigner', 'Sans objet']) expect(seen).toContain(`${header}=${answer}`);
    }
    for (const answer of ['Oui', 'Non', 'À renseigner']) expect(seen).toContain(`check=${answer}`);
  });
});

describe('cached results', () => {
  it.each(aoCases.map((c) => [c.name, c] as const))('%s: the layout writes the domain’s figures', (_name, testCase) => {
    const table = caseTable(casePlan(plan, testCase), testCase);
    const sheet = buildAoSheet(table, testCase.quarter);
    expect(derivedOfGrid(gridOfSpec(sheet), names(testCase))).toEqual(expectedDerived(table, testCase.quarter));
  });
});

describe('HyperFormula over the written formulas', () => {
  it.each(cases.map((c) => [c.testCase.name, c] as const))('%s', async (_name, { testCase, spec }) => {
    const { grids } = await written(spec);
    const computed = recalcWithHyperFormula(grids, spec.definedNames);
    expect(derivedOfGrid(aoSheetOf(computed), names(testCase))).toEqual(expectedOfFile(testCase, grids));
  });

  it('an unreadable Q leaves the RPE obligation unknown', async () => {
    const { grids } = await written(unreadableSpec);
    const computed = derivedOfGrid(
      aoSheetOf(recalcWithHyperFormula(grids, unreadableSpec.definedNames)),
      names(unreadableQ),
    );
    expectUnknownRpe(computed, expectedOfFile({ ...unreadableQ, quarter: { year: 2026, q: 3 } }, grids));
  });
});

function expectUnknownRpe(computed: Record<string, unknown>, expected: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(computed)) {
    if (/\|(Requis\u00a0: relais petite enfance|RPE\u00a0: obligation remplie)$/.test(key))
      expect([key, value]).toEqual([key, 'À renseigner']);
    else expect([key, value]).toEqual([key, expected[key]]);
  }
}

const libreOffice = {
  soffice: hasBinary('soffice'),
  'LibreOffice recalc profile': fs.existsSync(recalcProfileSource()),
};

describe('LibreOffice headless recalculation of the written file', () => {
  itWhenAvailable(libreOffice)(
    'gives the domain’s figures in every case (one LibreOffice call)',
    async () => {
      const files: Record<string, Uint8Array> = {};
      for (const [index, { spec }] of cases.entries()) files[`case${index}`] = (await written(spec)).bytes;
      files.unreadableQ = (await written(unreadableSpec)).bytes;
      const recalculated = saveThroughLibreOffice(files, { scratch: 'ao-sheet' });
      for (const [index, { testCase, spec }] of cases.entries()) {
        const { grids } = await written(spec);
        const computed = derivedOfGrid(aoSheetOf(readBack(recalculated[`case${index}`])), names(testCase));
        expect({ case: testCase.name, computed }).toEqual({
          case: testCase.name,
          computed: expectedOfFile(testCase, grids),
        });
      }
      const computed = derivedOfGrid(aoSheetOf(readBack(recalculated.unreadableQ)), names(unreadableQ));
      expectUnknownRpe(
        computed,
        expectedOfFile({ ...unreadableQ, quarter: { year: 2026, q: 3 } }, (await written(unreadableSpec)).grids),
      );
    },
    120_000,
  );
});
