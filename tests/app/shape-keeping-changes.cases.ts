import { markAbandonments } from '../../src/app/abandonment-quarters';
import { computeWorkbook } from '../../src/app/compute';
import { shapeKeepingChanges, type ReadShape } from '../../src/app/shape-keeping-changes';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import { buildStateWorkbook } from '../../src/app/write-state';
import type { GridCell, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { cellAddress } from '../../src/layout/a1';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { samplePlan } from '../layout/helpers/sample-plan';
import { roundTrip, sheet, typeInto } from '../rewrite/helpers';

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

async function stateOf(grids: WorkbookGrids): Promise<WorkbookState> {
  const reading = await readWorkbookState(grids);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

const readShape = (state: WorkbookState): ReadShape => ({
  kept: state.kept,
  migratedFrom: state.meta.migratedFrom,
  plan: state.plan,
});

function copyOf(grids: WorkbookGrids): WorkbookGrids {
  return { sheets: grids.sheets.map((grid) => ({ ...grid, rows: grid.rows.map((row) => [...(row ?? [])]) })) };
}

function editSheet(grids: WorkbookGrids, name: string, edit: (grid: SheetGrid) => void): WorkbookGrids {
  const copy = copyOf(grids);
  edit(sheet(copy, name));
  return copy;
}

describe('the changes of a rewrite that keeps the workbook’s shape', () => {
  let grids: WorkbookGrids;
  let state: WorkbookState;
  let spec: WorkbookSpec;

  beforeAll(async () => {
    // A workbook as the tools wrote it (cached results right), where a person then set a fiche « Abandonnée ».
    const fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    const written = await roundTrip(
      (
        await buildStateWorkbook(await stateOf(typeInto(fresh, [{ key: 'G1-QN2', header: '2026-T2', value: 12 }])), {
          now: today,
        })
      ).spec,
    );
    grids = typeInto(written, [{ key: 'G1', header: 'Statut', value: 'Abandonnée' }]);
    state = await stateOf(grids);
    spec = (await computeWorkbook(markAbandonments(state, { now: later, operation: 'compute' }), { now: later })).spec;
  }, 60_000);

  it('are the cells compute changes: the abandonment quarter, its Journal line, _ctg’s write date, the results', () => {
    const changes = shapeKeepingChanges(grids, spec, readShape(state));
    if (!changes) throw new Error('shape not kept');
    const constants = changes.cells
      .filter((change) => change.content === null || typeof change.content !== 'object')
      .map((change) => `${change.sheet}!${cellAddress(change.row, change.column)}=${String(change.content)}`);
    expect(constants).toEqual([
      'Axe 1!L4=2026-T2',
      'Journal!A3=2026-07-02T10:00:00Z',
      'Journal!B3=Calcul des taux',
      'Journal!C3=G1',
      'Journal!D3=Abandonnée en',
      'Journal!F3=2026-T2',
      'Journal!G3=calcul',
      'Journal!H3=abandonedIn',
      'Journal!I3=vide',
      'Journal!J3=texte',
      '_ctg!B8=2026-07-02T10:00:00Z',
    ]);
    // Every formula written keeps its text and gets the result it now has; the status shows in Annexe 4.
    const formulas = changes.cells.filter((change) => change.content !== null && typeof change.content === 'object');
    expect(formulas.length).toBeGreaterThan(0);
    for (const change of formulas) {
      const before = sheet(grids, change.sheet).rows[change.row - 1][change.column - 1] as GridCell;
      const content = change.content as { formula: string; result: unknown };
      expect(before.formula).toBe(content.formula);
      expect(before.value).not.toBe(content.result);
    }
    expect(formulas).toContainEqual(
      expect.objectContaining({
        sheet: 'Annexe 4 – Suivi',
        row: 26,
        column: 5,
        content: expect.objectContaining({ result: 'Abandonnée' }),
      }),
    );
    expect(changes.ranges).toEqual([{ sheet: 'Journal', autoFilter: 'A1:L3' }]);
  });

  it('tell 12 from "12": a number typed as text is a change', () => {
    const typed = typeInto(grids, [{ key: 'G1-QN2', header: '2026-T2', value: '12' }]);
    const changes = shapeKeepingChanges(typed, spec, readShape(state));
    expect(changes?.cells).toContainEqual(
      expect.objectContaining({ sheet: 'Axe 1', content: 12, row: expect.any(Number), column: expect.any(Number) }),
    );
  });

  it('write a tool’s text that differs from what was read only by its spacing (an earlier version’s), the shape kept', () => {
    const header = 'Requis\u00a0: recenser';
    const earlier = editSheet(grids, 'Compétences AO', (grid) => {
      grid.rows[7] = grid.rows[7].map((cell) =>
        typeof cell?.value === 'string' ? { ...cell, value: cell.value.replace(/\u00a0:/g, ' :') } : cell,
      );
    });
    expect(sheet(earlier, 'Compétences AO').rows[7][10]?.value).toBe('Requis : recenser');
    const changes = shapeKeepingChanges(earlier, spec, readShape(state));
    expect(changes?.cells).toContainEqual(
      expect.objectContaining({ sheet: 'Compétences AO', row: 8, column: 11, content: header }),
    );
  });

  it('are none when a tool’s text was typed over with other words (it is put back, the workbook written whole)', () => {
    const typedOver = editSheet(grids, 'Compétences AO', (grid) => {
      grid.rows[7] = grid.rows[7].map((cell, index) => (index === 10 ? { value: 'Recensement' } : cell));
    });
    expect(shapeKeepingChanges(typedOver, spec, readShape(state))).toBeNull();
  });

  it('are none when a row was inserted inside an axis table (the keys move)', () => {
    const inserted = editSheet(grids, 'Axe 1', (grid) => grid.rows.splice(5, 0, []));
    expect(shapeKeepingChanges(inserted, spec, readShape(state))).toBeNull();
  });

  it('are none when a column was inserted between the tools’ columns (the headers move)', () => {
    const inserted = editSheet(grids, 'Axe 1', (grid) => {
      grid.rows = grid.rows.map((row) => [...row.slice(0, 4), null, ...row.slice(4)]);
    });
    expect(shapeKeepingChanges(inserted, spec, readShape(state))).toBeNull();
  });

  it('are none when a sheet was renamed, or the sheets reordered', () => {
    const renamed = editSheet(grids, 'Axe 13', (grid) => {
      grid.name = 'Axe 13 Parentalité';
    });
    expect(shapeKeepingChanges(renamed, spec, readShape(state))).toBeNull();
    const reordered = copyOf(grids);
    reordered.sheets.reverse();
    expect(shapeKeepingChanges(reordered, spec, readShape(state))).toBeNull();
  });

  it('are none when a Journal record would change in place (records are only appended)', () => {
    const edited = editSheet(grids, 'Journal', (grid) => {
      grid.rows[1] = grid.rows[1].map((cell, index) => (index === 1 ? { value: 'autre' } : cell));
    });
    expect(shapeKeepingChanges(edited, spec, readShape(state))).toBeNull();
  });

  it('are none for a workbook read from an older format (its first rewrite migrates it)', () => {
    expect(shapeKeepingChanges(grids, spec, { ...readShape(state), migratedFrom: 1 })).toBeNull();
  });

  it('are none when a person’s note is no longer where it was read', () => {
    const note = {
      sheet: 'Paramètres',
      address: 'E3',
      cell: { value: 'à revoir' },
      place: { kind: 'address' as const, row: 3, column: 5 },
    };
    expect(shapeKeepingChanges(grids, spec, { ...readShape(state), kept: [note] })).toBeNull();
  });
});
