import fc from 'fast-check';
import type { CellChange } from '../../src/app/port';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { patchXlsx } from '../../src/xlsx/patch';
import { samplePlan } from '../layout/helpers/sample-plan';
import { locate } from '../rewrite/helpers';
import { changesOf, filledWorkbook, gridDifferences, gridsOf, recordingPort } from './helpers';

/**
 * Over random fills typed into a workbook the tools wrote (stale cached results, as a person leaves them), compute
 * patched reads exactly as compute written whole (few runs: each is two reads, two validations and two writes).
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

type Typed = { key: string; header: string; value: string | number };

/** A quarter's figure (any number), or a whole number from 0 to 100 where the workbook asks for one. */
const numberCell = (key: string, header: string, whole = false) =>
  fc.record({
    key: fc.constant(key),
    header: fc.constant(header),
    value: whole
      ? fc.integer({ min: 0, max: 100 })
      : fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 100, noNaN: true })),
  });
const textCell = (key: string, header: string) =>
  fc.record({
    key: fc.constant(key),
    header: fc.constant(header),
    value: fc.constantFrom('12', 'vu en comité', ' espaces ', 'à revoir'),
  });
const fill: fc.Arbitrary<Typed[]> = fc.uniqueArray(
  fc.oneof(
    numberCell('G1-QN2', '2026-T2'),
    numberCell('G1-QN2', '2026-T1'),
    numberCell('G1-QN2', 'Cible'),
    numberCell('G1', 'Avancement (%)', true),
    textCell('G1-QN2', 'Commentaire'),
    textCell('G1', 'Difficultés'),
    fc.record({
      key: fc.constant('G1'),
      header: fc.constant('Statut'),
      value: fc.constantFrom('En cours', 'Abandonnée', 'Réalisée'),
    }),
  ),
  { minLength: 1, maxLength: 6, selector: (typed) => `${typed.key}|${typed.header}` },
);

describe('patched and whole rewrites', () => {
  let start: Uint8Array;

  beforeAll(async () => {
    start = await filledWorkbook(samplePlan(), [], today);
  }, 60_000);

  it('read the same after random fills', async () => {
    const grids = gridsOf(start);
    await fc.assert(
      fc.asyncProperty(fill, async (typed) => {
        const cells: CellChange[] = typed.flatMap((one) => {
          for (const grid of grids.sheets.filter((candidate) => candidate.name.startsWith('Axe '))) {
            const at = locate(grid, one.key, one.header);
            if (at) return [{ sheet: grid.name, row: at.row + 1, column: at.column + 1, content: one.value }];
          }
          throw new Error(`no cell for ${one.key} ${one.header}`);
        });
        const typedFile = patchXlsx(start, { cells, ranges: [] });
        const patched = recordingPort(typedFile);
        const whole = recordingPort(typedFile, { whole: true });
        for (const port of [patched, whole])
          expect((await computeAndWrite(port.port, { now: later })).status).toBe('done');
        changesOf(patched.contexts[0]);
        expect(gridDifferences(gridsOf(patched.last()), gridsOf(whole.last()))).toEqual([]);
      }),
      { numRuns: 3 },
    );
  }, 300_000);
});
