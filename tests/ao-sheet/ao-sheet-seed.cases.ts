import { validateGrids } from '../../src/app/validate';
import { aoTableFromPlan } from '../../src/domain/ao-requirements';
import { renderIssueMessage, type Issue } from '../../src/domain/issues';
import { readAoSheet } from '../../src/layout/sheets/ao/ao-sheet-read';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { SheetSpec } from '../../src/layout/workbook-spec';
import { readXlsx } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { gridOfSpec } from '../layout/helpers/spec-grid';
import { cleanGrids, GENERATION_DAY } from '../validation/clean-workbook';
import { seedPlan, SEED_LIKE_POPULATIONS } from './ao-cases';
import {
  AO_SHEET,
  aoAddress,
  aoColumnIndex,
  aoGrid,
  aoHeaderIndex,
  aoLabelRowIndex,
  aoRowIndex,
  HOLDER,
  setAoValue,
} from './ao-grid';

/** The seed convention's `Compétences AO` as generated, written, read back and validated. */

const plan = seedPlan();
const EPCI_ROW = 'EPCI Communauté de Communes des Monts du Pilat';
const communes = plan.parties.communes.map((commune) => commune.name);

async function seedAoSheet(): Promise<{ sheet: SheetSpec; order: string[] }> {
  const { spec } = await buildNewWorkbook(plan, { today: GENERATION_DAY });
  const sheet = spec.sheets.find((candidate) => candidate.name === AO_SHEET)!;
  return { sheet, order: spec.sheets.map((candidate) => candidate.name) };
}

describe('the seed’s Compétences AO as generated', () => {
  it('comes after the axis sheets (and Annexe 4) and before Journal', async () => {
    const { order } = await seedAoSheet();
    const ao = order.indexOf(AO_SHEET);
    const lastAxis = Math.max(...order.map((name, index) => (/^Axe \d+$/.test(name) ? index : -1)));
    expect(ao).toBeGreaterThan(lastAxis);
    expect(ao).toBeGreaterThan(order.indexOf('Annexe 4 \u2013 Suivi'));
    expect(order[ao + 1]).toBe('Journal');
  });

  it('has the EPCI and the 16 communes of the parties, holders from the AO block, RPE and schéma Oui', async () => {
    const grid = gridOfSpec((await seedAoSheet()).sheet);
    const header = aoHeaderIndex(grid);
    const value = (row: number, title: string) => grid.rows[row]?.[aoColumnIndex(grid, title)]?.value ?? null;
    const rows = Array.from({ length: 17 }, (_, index) => header + 1 + index);
    expect(communes).toHaveLength(16);
    expect(rows.map((row) => value(row, 'Nom'))).toEqual([EPCI_ROW, ...communes]);
    expect(rows.map((row) => value(row, 'Type'))).toEqual(['EPCI', ...communes.map(() => 'Commune')]);
    for (const title of [
      'Recenser les besoins',
      'Informer et accompagner les familles',
      "Planifier l'offre d'accueil",
      'Soutenir la qualité',
    ]) {
      expect(rows.map((row) => value(row, title))).toEqual(rows.map(() => HOLDER.all));
    }
    expect(rows.map((row) => value(row, 'RPE existant'))).toEqual(rows.map(() => 'Oui'));
    expect(rows.map((row) => value(row, 'Schéma pluriannuel (ou CTG en tenant lieu)'))).toEqual(rows.map(() => 'Oui'));
    expect(rows.map((row) => value(row, 'Population (INSEE)'))).toEqual(rows.map(() => null));
    // The row after the last commune is the transferred-population row, not a data row.
    expect(value(header + 18, 'Type')).toBeNull();
    const population = aoColumnIndex(grid, 'Population (INSEE)');
    expect(grid.rows[aoLabelRowIndex(grid, 'Population totale déclarée')][population]?.value).toBe(15431);
    expect(
      grid.rows.some(
        (row) =>
          row?.[0]?.value === 'Population municipale légale INSEE en vigueur au 1er janvier de l’année, à saisir.',
      ),
    ).toBe(true);
    // Populations empty: the EPCI is judged on the declared 15 431; obligations met.
    expect(value(header + 1, 'Population retenue pour les seuils')).toBe(15431);
    expect(value(header + 1, 'Requis\u00a0: relais petite enfance')).toBe('Oui');
    expect(value(header + 1, 'RPE\u00a0: obligation remplie')).toBe('Oui');
    expect(value(header + 2, 'Requis\u00a0: planifier')).toBe('Non');
  });

  it('locks everything but the inputs, validates the inputs by list or whole number, protects and prints', async () => {
    const { sheet } = await seedAoSheet();
    const grid = gridOfSpec(sheet);
    const header = aoHeaderIndex(grid);
    const inputs = new Set<string>();
    const inputTitles = [
      'Recenser les besoins',
      'Informer et accompagner les familles',
      "Planifier l'offre d'accueil",
      'Soutenir la qualité',
      'RPE existant',
      'Schéma pluriannuel (ou CTG en tenant lieu)',
    ];
    for (let index = 0; index < 17; index += 1) {
      const row = header + 1 + index;
      for (const title of inputTitles) inputs.add(aoAddress(row, aoColumnIndex(grid, title)));
      if (index > 0) inputs.add(aoAddress(row, aoColumnIndex(grid, 'Population (INSEE)')));
    }
    inputs.add(
      aoAddress(aoLabelRowIndex(grid, 'Population totale déclarée'), aoColumnIndex(grid, 'Population (INSEE)')),
    );
    const unlocked = sheet.rows.flatMap((row, r) =>
      row.cells.flatMap((cell, c) => (cell && cell.style?.locked === false ? [aoAddress(r, c)] : [])),
    );
    expect(new Set(unlocked)).toEqual(inputs);

    const byKind = (kind: string) => sheet.validations.filter((validation) => validation.kind === kind);
    const lists = byKind('list') as { ranges: string[]; source: string }[];
    expect(lists.map((list) => list.source).sort()).toEqual(['ctg_ao_exercice', 'ctg_oui_non']);
    expect(byKind('whole')).toHaveLength(1);
    expect(sheet.protection).toMatchObject({ allowAutoFilter: true });
    expect(sheet.print).toMatchObject({ orientation: 'landscape', fitToWidth: true });

    // Only functions every engine computes alike.
    const functions = new Set(
      sheet.rows.flatMap((row) =>
        row.cells.flatMap((cell) =>
          cell?.value !== null && typeof cell?.value === 'object'
            ? [...cell.value.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((match) => match[1])
            : [],
        ),
      ),
    );
    const allowed = [
      'IF',
      'AND',
      'OR',
      'NOT',
      'ISNUMBER',
      'INT',
      'SUMIFS',
      'SUMPRODUCT',
      'IFERROR',
      'LEFT',
      'RIGHT',
      'FALSE',
    ];
    expect([...functions].filter((name) => !allowed.includes(name))).toEqual([]);
  });

  it('is explained in the Guide', async () => {
    const { spec } = await buildNewWorkbook(plan, { today: GENERATION_DAY });
    const guide = gridOfSpec(spec.sheets.find((sheet) => sheet.name === 'Guide')!);
    const text = guide.rows.flatMap((row) => row.map((cell) => String(cell?.value ?? ''))).join('\n');
    for (const expected of [
      '«\u00a0Compétences AO\u00a0»',
      'population municipale légale INSEE',
      '3 500',
      '10 000',
      'À renseigner',
    ])
      expect(text).toContain(expected);
  });

  it('reads back from the written file as the plan’s table, without issue', async () => {
    const { spec } = await buildNewWorkbook(plan, { today: GENERATION_DAY });
    const read = readXlsx(await writeXlsx(spec));
    if (!read.ok) throw new Error(read.error.code);
    const reading = readAoSheet(read.grids.sheets.find((sheet) => sheet.name === AO_SHEET)!);
    expect(reading.issues).toEqual([]);
    expect(reading.input!.table).toEqual(aoTableFromPlan(plan));
    const lists = read.grids.sheets.find((sheet) => sheet.name === 'Paramètres')!;
    const texts = lists.rows.flatMap((row) => row.map((cell) => cell?.value));
    expect(texts).toEqual(expect.arrayContaining(['Commune', HOLDER.all, HOLDER.some, 'Oui', 'Non']));
  });
});

describe('validating the seed workbook’s AO table', () => {
  const aoIssues = (issues: Issue[]) => issues.filter((issue) => issue.code.startsWith('ao-'));

  it('a fresh workbook has no error and no AO warning', async () => {
    const report = await validateGrids(await cleanGrids(plan), { today: GENERATION_DAY });
    expect(report.errors).toBe(0);
    expect(aoIssues(report.issues)).toEqual([]);
  });

  it('seed-like populations adding up to 15 431 give no AO warning', async () => {
    expect(SEED_LIKE_POPULATIONS.reduce((sum, population) => sum + population, 0)).toBe(15431);
    const grids = await cleanGrids(plan);
    communes.forEach((name, index) =>
      setAoValue(aoGrid(grids), name, 'Population (INSEE)', SEED_LIKE_POPULATIONS[index]),
    );
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    expect(report.errors).toBe(0);
    expect(aoIssues(report.issues)).toEqual([]);
  });

  it('warns on each unmet obligation at its row’s cell, and on populations that do not add up, and only there', async () => {
    const grids = await cleanGrids(plan);
    const grid = aoGrid(grids);
    const keep = (name: string, population: number) => {
      setAoValue(grid, name, 'Population (INSEE)', population);
      for (const title of [
        'Recenser les besoins',
        'Informer et accompagner les familles',
        "Planifier l'offre d'accueil",
        'Soutenir la qualité',
      ])
        setAoValue(grid, name, title, HOLDER.commune);
    };
    keep(communes[0], 10000); // not more than 10 000: no schéma, no RPE required
    setAoValue(grid, communes[0], 'RPE existant', 'Non');
    setAoValue(grid, communes[0], 'Schéma pluriannuel (ou CTG en tenant lieu)', 'Non');
    keep(communes[1], 10001);
    const rpeCell = setAoValue(grid, communes[1], 'RPE existant', 'Non');
    keep(communes[2], 10001);
    const schemaCell = setAoValue(grid, communes[2], 'Schéma pluriannuel (ou CTG en tenant lieu)', 'Non');
    setAoValue(grid, communes[3], 'Population (INSEE)', 16000); // a transferring commune: more than the 15 431 declared
    const checkCell = aoAddress(aoLabelRowIndex(grid, 'Contrôle'), aoColumnIndex(grid, 'Population (INSEE)'));

    const report = await validateGrids(grids, { today: GENERATION_DAY });
    expect(report.errors).toBe(0);
    const found = aoIssues(report.issues);
    expect(found.map(({ code, sheet, cell, severity }) => ({ code, sheet, cell, severity }))).toEqual([
      { code: 'ao-population-total-mismatch', sheet: AO_SHEET, cell: checkCell, severity: 'warning' },
      { code: 'ao-requirement-not-met', sheet: AO_SHEET, cell: rpeCell, severity: 'warning' },
      { code: 'ao-requirement-not-met', sheet: AO_SHEET, cell: schemaCell, severity: 'warning' },
    ]);
    const messages = found.map(renderIssueMessage);
    expect(messages[0]).toContain('16\u00a0000');
    expect(messages[0]).toContain('15\u00a0431');
    expect(messages[1]).toContain(communes[1]);
    expect(messages[1]).toContain('relais petite enfance');
    expect(messages[2]).toContain(communes[2]);
    expect(messages[2]).toContain('schéma pluriannuel');
    for (const message of messages) expect(message).not.toMatch(/undefined|null|Problème non décrit/);
  });

  it('the EPCI without an RPE above 10 001 transferred inhabitants is warned at its RPE cell', async () => {
    const grids = await cleanGrids(plan);
    const cell = setAoValue(aoGrid(grids), EPCI_ROW, 'RPE existant', 'Non');
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    expect(aoIssues(report.issues).map((issue) => [issue.code, issue.cell])).toEqual([
      ['ao-requirement-not-met', cell],
    ]);
  });

  it('a population that is not a whole number and a holder outside the list are errors at their cells', async () => {
    const grids = await cleanGrids(plan);
    const grid = aoGrid(grids);
    const population = setAoValue(grid, communes[4], 'Population (INSEE)', '1 200');
    const holder = setAoValue(grid, communes[5], 'Soutenir la qualité', 'EPCI');
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    expect(
      report.issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.code, issue.cell]),
    ).toEqual([
      ['ao-population-invalid', population],
      ['ao-value-not-in-list', holder],
    ]);
    expect(aoRowIndex(grid, communes[4])).toBeGreaterThan(aoHeaderIndex(grid));
  });
});
