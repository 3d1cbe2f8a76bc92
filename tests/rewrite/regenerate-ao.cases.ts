import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { regenerateWorkbook } from '../../src/app/regenerate';
import { validateGrids } from '../../src/app/validate';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import { buildStateWorkbook } from '../../src/app/write-state';
import type { CellValue, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import type { Plan } from '../../src/domain/plan';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { communeKey, parseConvention } from '../../src/plan-text';
import { aoColumnIndex, aoGrid, aoHeaderIndex, aoRowIndex, HOLDER, setAoValue } from '../ao-sheet/ao-grid';
import { cellJournalValue, type JournalValue } from '../../src/domain/journal';
import { roundTrip, sheet } from './helpers';

const HOLDERS = [
  'Recenser les besoins',
  'Informer et accompagner les familles',
  "Planifier l'offre d'accueil",
  'Soutenir la qualité',
];

/**
 * Regenerating from a convention whose parties changed: `Compétences AO` follows the new list of communes, each
 * kept commune keeps what was typed in its row, and what was typed for a commune that left is in the Journal.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-09-01T08:00:00Z');
const seedText = readFileSync(join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt'), 'utf8');

function planOf(text: string): Plan {
  const result = parseConvention(text);
  if (!result.ok) throw new Error(`the convention should parse: ${result.error.code}`);
  return result.plan;
}

/** The seed's parties list with one commune gone (Tarenteise) and one new (Rochetaillée-sur-Loire). */
function amendedText(): string {
  const removed = '- la commune de TARENTEISE\nreprésentée par Monsieur Pierre LETIEVANT, Maire\n';
  const anchor = '- la commune de THELIS LA COMBE\n';
  if (!seedText.includes(removed) || !seedText.includes(anchor)) throw new Error('the seed text changed');
  return seedText
    .replace(removed, '')
    .replace(anchor, `- la commune de ROCHETAILLEE SUR LOIRE\nreprésentée par son Maire\n\n${anchor}`);
}

/** The display name a plan gives a commune, found by the key of any of its spellings. */
function communeName(plan: Plan, spelling: string): string {
  const found = plan.parties.communes.find((commune) =>
    commune.spellings.some((known) => communeKey(known) === communeKey(spelling)),
  );
  if (!found) throw new Error(`no commune ${spelling}`);
  return found.name;
}

async function stateOf(grids: WorkbookGrids): Promise<WorkbookState> {
  const reading = await readWorkbookState(grids);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

/** Every cell of the AO sheet as plain values (formulas with their text), from the header row on. */
function aoCells(grids: WorkbookGrids): unknown[][] {
  const grid: SheetGrid = aoGrid(grids);
  return grid.rows.map((row) => (row ?? []).map((cell) => (cell ? [cell.value, cell.formula ?? null] : null)));
}

/** The Journal's lines without their date: source, key, column, old value, new value (empty cells null). */
function journalLines(grids: WorkbookGrids): CellValue[][] {
  return sheet(grids, 'Journal')
    .rows.slice(1)
    .map((row) => [1, 2, 3, 4, 5].map((column) => row?.[column]?.value ?? null));
}

function aoValue(grids: WorkbookGrids, name: string, header: string): CellValue {
  const grid = aoGrid(grids);
  return grid.rows[aoRowIndex(grid, name)]?.[aoColumnIndex(grid, header)]?.value ?? null;
}

function aoNames(grids: WorkbookGrids): CellValue[] {
  const grid = aoGrid(grids);
  const names: CellValue[] = [];
  for (let row = aoHeaderIndex(grid) + 1; ['EPCI', 'Commune'].includes(String(grid.rows[row]?.[1]?.value)); row += 1)
    names.push(grid.rows[row][0]?.value ?? null);
  return names;
}

describe('regenerating from a plan whose communes changed', () => {
  const seed = planOf(seedText);
  const amended = planOf(amendedText());
  const marlhes = communeName(seed, 'Marlhes');
  const jonzieux = communeName(seed, 'Jonzieux');
  const tarentaise = communeName(seed, 'TARENTEISE');
  const rochetaillee = communeName(amended, 'ROCHETAILLEE SUR LOIRE');
  let filled: WorkbookGrids;
  let before: WorkbookState;
  let result: ReturnType<typeof regenerateWorkbook>;
  let after: WorkbookGrids;

  beforeAll(async () => {
    filled = await roundTrip((await buildNewWorkbook(seed, { today })).spec);
    const grid = aoGrid(filled);
    setAoValue(grid, marlhes, 'Population (INSEE)', 2871);
    setAoValue(grid, marlhes, "Planifier l'offre d'accueil", HOLDER.commune);
    setAoValue(grid, jonzieux, 'Population (INSEE)', 1745);
    setAoValue(grid, jonzieux, 'RPE existant', 'Non');
    setAoValue(grid, tarentaise, 'Population (INSEE)', 512);
    setAoValue(grid, tarentaise, 'Soutenir la qualité', HOLDER.commune);
    setAoValue(grid, tarentaise, 'Schéma pluriannuel (ou CTG en tenant lieu)', null);
    before = await stateOf(filled);
    result = regenerateWorkbook(before, amended, { now: later });
    after = await roundTrip((await buildStateWorkbook(result.state, { now: later })).spec);
  }, 60_000);

  it('parses the amended parties: one commune gone, one new', () => {
    const names = amended.parties.communes.map((commune) => commune.name);
    expect(names).toContain(rochetaillee);
    expect(names).not.toContain(tarentaise);
    expect(names).toHaveLength(seed.parties.communes.length);
  });

  it('gives the new commune its row, empty population, and drops the commune that left', () => {
    const names = aoNames(after);
    const epci = aoNames(filled)[0];
    expect(names).toEqual([epci, ...amended.parties.communes.map((commune) => commune.name)]);
    expect(names).toContain(rochetaillee);
    expect(names).not.toContain(tarentaise);
    expect(aoValue(after, rochetaillee, 'Population (INSEE)')).toBeNull();
    expect(aoValue(after, rochetaillee, 'Type')).toBe('Commune');
  });

  it('keeps the populations and competence choices entered for the other communes', () => {
    expect(aoValue(after, marlhes, 'Population (INSEE)')).toBe(2871);
    expect(aoValue(after, marlhes, "Planifier l'offre d'accueil")).toBe(HOLDER.commune);
    expect(aoValue(after, marlhes, 'Recenser les besoins')).toBe(HOLDER.all);
    expect(aoValue(after, jonzieux, 'Population (INSEE)')).toBe(1745);
    expect(aoValue(after, jonzieux, 'RPE existant')).toBe('Non');
    expect(aoValue(after, jonzieux, 'Schéma pluriannuel (ou CTG en tenant lieu)')).toBe('Oui');
    const grid = aoGrid(after);
    const declared = grid.rows.find((row) => String(row?.[0]?.value ?? '').startsWith('Population totale déclarée'));
    expect(declared?.[aoColumnIndex(grid, 'Population (INSEE)')]?.value).toBe(15431);
  });

  it('writes each value entered for the commune that left to the Journal', () => {
    const journal = journalLines(after);
    const lines = journal.filter((row) => row[0] === 'Régénération depuis le plan' && row[1] === tarentaise);
    expect(lines).toEqual([
      [
        'Régénération depuis le plan',
        tarentaise,
        'Compétences AO',
        tarentaise,
        'Ligne retirée du plan (valeurs saisies notées dans les lignes suivantes du Journal)',
      ],
      ['Régénération depuis le plan', tarentaise, 'Population (INSEE)', 512, null],
      ['Régénération depuis le plan', tarentaise, 'Recenser les besoins', HOLDER.all, null],
      ['Régénération depuis le plan', tarentaise, 'Informer et accompagner les familles', HOLDER.all, null],
      ['Régénération depuis le plan', tarentaise, "Planifier l'offre d'accueil", HOLDER.all, null],
      ['Régénération depuis le plan', tarentaise, 'Soutenir la qualité', HOLDER.commune, null],
      ['Régénération depuis le plan', tarentaise, 'RPE existant', 'Oui', null],
    ]);
    expect(journal.filter((row) => row[1] === rochetaillee)).toEqual([
      ['Régénération depuis le plan', rochetaillee, 'Compétences AO', null, 'Ligne ajoutée au plan'],
    ]);
  });

  it('keeps in the Journal what a replay needs to put back the values of the commune that left, type included', async () => {
    const records = (await stateOf(after)).journal.filter(
      (record) => record.operation === 'regeneration' && record.rowKey === tarentaise && record.field !== null,
    );
    const restored = new Map(records.map((record) => [record.label, record.before]));
    // What the row held before, cell by cell, as the sheet held it (the population a number, not « 512 »).
    const grid = aoGrid(filled);
    const headerRow = grid.rows[aoHeaderIndex(grid)];
    const held = new Map<string, JournalValue>();
    for (const [column, cell] of grid.rows[aoRowIndex(grid, tarentaise)].entries()) {
      const header = String(headerRow[column]?.value ?? '');
      const inputs = ['Population (INSEE)', 'RPE existant', 'Schéma pluriannuel (ou CTG en tenant lieu)', ...HOLDERS];
      if (inputs.includes(header) && cell?.value !== null && cell?.value !== undefined)
        held.set(header, cellJournalValue(cell.value, !!cell.isDate));
    }
    expect(restored).toEqual(held);
    expect(restored.get('Population (INSEE)')).toEqual({ type: 'number', value: 512 });
    expect(records.map((record) => record.field)).toContain('population');
    expect(records.every((record) => record.after.type === 'empty')).toBe(true);
  });

  it('counts the rows in the report and names the commune that left in a French warning', async () => {
    expect(result.report).toMatchObject({
      aoRowsAdded: [rochetaillee],
      aoRowsRemoved: [tarentaise],
      aoValuesJournalled: 6,
    });
    const notes = result.notes.filter((note) => note.code === 'ao-rows-removed');
    expect(notes).toHaveLength(1);
    expect(notes[0].severity).toBe('warning');
    expect(renderIssueMessage(notes[0])).toBe(
      `Commune absente du nouveau plan, retirée de «\u00a0Compétences AO\u00a0»\u00a0: ${tarentaise}. ` +
        'Ses 6 valeurs saisies sont notées dans le Journal.',
    );
    const errors = (await validateGrids(after, { today: later })).issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('gives the same AO sheet, cell for cell, when the communes are the same', async () => {
    const rewritten = await roundTrip((await buildStateWorkbook(before, { now: later })).spec);
    const same = regenerateWorkbook(before, seed, { now: later });
    const regenerated = await roundTrip((await buildStateWorkbook(same.state, { now: later })).spec);
    expect(aoCells(regenerated)).toEqual(aoCells(rewritten));
    expect(aoValue(regenerated, tarentaise, 'Population (INSEE)')).toBe(512);
    expect(same.report).toMatchObject({ aoRowsAdded: [], aoRowsRemoved: [], aoValuesJournalled: 0 });
    expect(same.notes.map((note) => note.code)).not.toContain('ao-rows-removed');
  }, 30_000);

  it('keeps a commune whose display name changed, matched through its spellings, and journals the new name', () => {
    const renamed: Plan = structuredClone(seed);
    const commune = renamed.parties.communes.find((candidate) => candidate.name === tarentaise)!;
    commune.name = 'Tarenteise';
    commune.spellings = ['Tarenteise', ...commune.spellings.filter((spelling) => spelling !== 'Tarenteise')];
    expect(communeKey('Tarenteise')).not.toBe(communeKey(tarentaise));
    const again = regenerateWorkbook(before, renamed, { now: later });
    const row = again.state.ao?.rows.find((candidate) => candidate.name === 'Tarenteise');
    expect(row?.population).toBe(512);
    expect(row?.competences.quality).toBe('commune');
    expect(row?.schemaExists).toBeNull();
    expect(again.report).toMatchObject({ aoRowsAdded: [], aoRowsRemoved: [] });
    expect(
      again.state.journal
        .slice(before.journal.length)
        .map((line) => [line.rowKey, line.field, line.label, line.before, line.after]),
    ).toEqual([
      ['Tarenteise', 'name', 'Nom', { type: 'text', value: tarentaise }, { type: 'text', value: 'Tarenteise' }],
    ]);
  });

  it('builds the table from the plan when the workbook had no readable AO sheet', () => {
    const without = regenerateWorkbook({ ...before, ao: null }, amended, { now: later });
    const names = without.state.ao?.rows.map((row) => row.name) ?? [];
    expect(names).toContain(rochetaillee);
    expect(names).not.toContain(tarentaise);
    expect(without.state.ao?.rows.every((row) => row.population === null)).toBe(true);
    expect(without.report).toMatchObject({ aoRowsAdded: [], aoRowsRemoved: [] });
  });
});
