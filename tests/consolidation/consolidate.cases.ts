import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { consolidate } from '../../src/domain/consolidation/consolidate';
import type { Consolidation } from '../../src/domain/consolidation/consolidation';
import type { ConsolidationCounts } from '../../src/domain/consolidation/counts';
import { parseQuarterLabel } from '../../src/domain/periods';
import { defaultWorkers, measureFiles } from '../../src/cli/consolidate/measure-pool';
import { gridsOf } from '../xlsx-patch/helpers';
import { compiledCli } from '../helpers/compiled-cli';
import {
  fichesNaming,
  fichesOf,
  independentCounts,
  quartersOf,
  type IndependentCounts,
} from './helpers/independent-figures';
import {
  aixToCome,
  bonnet,
  forez,
  pilat,
  pilatEarlier,
  territoryBytes,
  territoryFolder,
  type TerritoryFolder,
} from './helpers/territories';

/**
 * The consolidation of territory workbooks made here (different plans, periods, quarters and fills; a duplicate,
 * data errors, an extract, a newer format, a damaged file, a workbook that is not a tracking workbook, a format 1
 * workbook): each territory's counts against counts this test computes itself from the file's cells.
 */

const today = new Date('2027-06-01T10:00:00Z');
const v1Fixture = join(__dirname, '..', 'fixtures', 'format-v1', 'suivi-v1.xlsx');
let files: TerritoryFolder;
let consolidation: Consolidation;
let allFiles: string[];

beforeAll(async () => {
  files = await territoryFolder();
  copyFileSync(v1Fixture, files.path('suivi-v1.xlsx'));
  allFiles = [
    pilatEarlier.name,
    pilat.name,
    forez.name,
    bonnet.name,
    'suivi-v1.xlsx',
    'extrait-centre-social.xlsx',
    'format-futur.xlsx',
    'abime.xlsx',
    'budget.xlsx',
  ].map(files.path);
  consolidation = consolidate(await measureFiles(allFiles, { quarter: null, today, workers: 1 }), null);
}, 60_000);

function asCounts(expected: IndependentCounts) {
  return {
    fiches: expected.fiches,
    criteria: expected.criteria,
    period: { filled: expected.periodFilled, expected: expected.periodExpected },
    cumulative: { filled: expected.cumulativeFilled, expected: expected.cumulativeExpected },
    criteriaWithTarget: expected.withTarget,
    achieved: expected.achievements.length,
  };
}

function comparable(counts: ConsolidationCounts) {
  const { fiches, criteria, period, cumulative, criteriaWithTarget, achieved } = counts;
  return { fiches, criteria, period, cumulative, criteriaWithTarget, achieved };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('files left out, duplicates', () => {
  it('leaves out the extract, the newer format, the damaged file and the workbook that is not a tracking one, each with its reason', () => {
    const byFile = new Map(consolidation.rejected.map((rejected) => [rejected.file, rejected]));
    expect([...byFile.keys()].sort()).toEqual(
      ['abime.xlsx', 'budget.xlsx', 'extrait-centre-social.xlsx', 'format-futur.xlsx'].map(files.path).sort(),
    );
    expect(byFile.get(files.path('extrait-centre-social.xlsx'))).toMatchObject({
      code: 'consolidation-file-is-extract',
      // Named as its Paramètres name it: the Caf knows whom to ask for the master.
      territory: 'Monts du Pilat',
      reason: expect.stringContaining('Centre social'),
    });
    // The territory whose master the Caf asks for, as validate names it.
    expect(byFile.get(files.path('extrait-centre-social.xlsx'))!.reason).toMatch(
      /Consolidez à sa place le classeur de suivi du territoire «\u00a0Monts du Pilat\u00a0»/,
    );
    expect(byFile.get(files.path('format-futur.xlsx'))).toMatchObject({
      code: 'format-too-new',
      reason: expect.stringContaining('99'),
    });
    expect(byFile.get(files.path('budget.xlsx'))!.code).toBe('not-a-tracking-workbook');
    expect(byFile.get(files.path('abime.xlsx'))!.reason).not.toBe('');
  });

  it('keeps the newer of two copies of a territory (same SIREN) and says why', () => {
    expect(consolidation.duplicates).toEqual([
      {
        territory: 'Monts du Pilat',
        siren: '200000001',
        kept: files.path(pilat.name),
        dropped: files.path(pilatEarlier.name),
        droppedTerritory: 'Monts du Pilat',
        droppedSiren: '200000001',
        namesDiffer: false,
        sirensDiffer: false,
        conventionsDiffer: false,
        olderHasMore: false,
        tieDiffers: false,
        reason:
          'Plus récent\u00a0: classeur écrit par l’outil le 10/08/2026, contre classeur écrit par l’outil le 10/05/2026.',
      },
    ]);
  });
});

describe('each territory measured at its own quarter', () => {
  it('keeps the four territories, by name, with their quarters and data errors', () => {
    expect(
      consolidation.territories.map(({ territory, quarter, siren, errors }) => ({ territory, quarter, siren, errors })),
    ).toEqual([
      // The format 1 workbook (tests/fixtures/format-v1), read as it is and measured at its own Q.
      { territory: 'Communauté de communes des Monts du Pilat', quarter: '2026-T4', siren: null, errors: 0 },
      { territory: 'Forez Est', quarter: '2027-T2', siren: '200000002', errors: 0 },
      { territory: 'Monts du Pilat', quarter: '2026-T3', siren: '200000001', errors: 0 },
      { territory: 'Pays de Saint-Bonnet', quarter: '2026-T4', siren: null, errors: 1 },
    ]);
  });

  it('counts, for every territory, what the test computes from the file’s own cells', () => {
    for (const territory of consolidation.territories) {
      const grids = gridsOf(new Uint8Array(readFileSync(territory.file)));
      const expected = independentCounts(fichesOf(grids), quartersOf(grids), territory.quarter);
      expect({ file: territory.file, ...comparable(territory.counts) }).toEqual({
        file: territory.file,
        ...asCounts(expected),
      });
      expect(territory.counts.achievementSum).toBeCloseTo(sum(expected.achievements), 12);
    }
  });

  it('pools the territories’ counts in the total, never their rates', () => {
    const total = consolidation.territories.reduce(
      (acc, territory) => ({
        expected: acc.expected + territory.counts.cumulative.expected,
        filled: acc.filled + territory.counts.cumulative.filled,
      }),
      { expected: 0, filled: 0 },
    );
    expect(consolidation.total.cumulative).toEqual(total);
  });

  it('reads the statuses and the latest « Dernière mise à jour »', () => {
    const pilatMeasure = consolidation.territories.find((territory) => territory.territory === 'Monts du Pilat')!;
    expect(pilatMeasure.counts.statuses).toEqual({ notStarted: 0, inProgress: 1, done: 1, postponed: 0, abandoned: 1 });
    expect(pilatMeasure.counts.fichesWithDifficulties).toBe(1);
    expect(pilatMeasure.latestUpdate).toBe('2026-07-01');
  });
});

describe('champs and publics across territories', () => {
  it('matches « Egalite » to the vocabulary’s « Égalité » and lists a name outside it as unmatched', () => {
    const names = consolidation.fields.map((field) => field.name);
    expect(names).toContain('Égalité et lutte contre les discriminations');
    expect(consolidation.fields.find((field) => field.name === 'Sport santé')).toMatchObject({ matched: false });
    expect(consolidation.unmatched).toContainEqual(
      expect.objectContaining({ kind: 'field', name: 'Sport santé', territories: ['Forez Est'] }),
    );
    expect(consolidation.publics.find((group) => group.name === 'Jeunesse')).toMatchObject({ matched: true });
  });

  it('says where a name outside the vocabulary is (its first fiche’s cell, how many fiches) and the names it may stand for', () => {
    const sport = consolidation.unmatched.find((name) => name.name === 'Sport santé')!;
    expect(sport.fiches).toBe(1);
    expect(sport.places).toEqual([
      { territory: 'Forez Est', file: files.path(forez.name), sheet: 'Axe 1', cell: 'H4', fiches: 1 },
    ]);
    // « Santé » is a word of two champs of the vocabulary: both are offered.
    expect(sport.suggestions).toEqual(['Santé et bien-être', 'Santé mentale']);
  });

  it('pools a champ over the fiches that name it in every territory, each territory side by side', () => {
    const field = consolidation.fields.find((group) => group.name === 'Soutien à la parentalité')!;
    let expectedFilled = 0;
    let expectedCells = 0;
    for (const entry of field.territories) {
      const grids = gridsOf(new Uint8Array(readFileSync(entry.file)));
      const quarter = consolidation.territories.find((territory) => territory.file === entry.file)!.quarter;
      const own = independentCounts(
        fichesNaming(grids, "Champ(s) d'intervention", 'Soutien à la parentalité'),
        quartersOf(grids),
        quarter,
      );
      expect(comparable(entry.counts)).toEqual(asCounts(own));
      expectedFilled += own.cumulativeFilled;
      expectedCells += own.cumulativeExpected;
    }
    expect(field.territories.length).toBeGreaterThanOrEqual(2);
    expect(field.counts.cumulative).toEqual({ filled: expectedFilled, expected: expectedCells });
  });
});

describe('--quarter', () => {
  it('measures every file at the quarter given', async () => {
    const quarter = parseQuarterLabel('2027-T2')!;
    const files2 = [pilat.name, forez.name].map(files.path);
    const atQuarter = consolidate(await measureFiles(files2, { quarter, today, workers: 1 }), '2027-T2');
    expect(atQuarter.quarter).toBe('2027-T2');
    for (const territory of atQuarter.territories) {
      expect(territory.quarter).toBe('2027-T2');
      const grids = gridsOf(new Uint8Array(readFileSync(territory.file)));
      expect(comparable(territory.counts)).toEqual(
        asCounts(independentCounts(fichesOf(grids), quartersOf(grids), '2027-T2')),
      );
    }
  });
});

describe('a quarter outside a convention', () => {
  it('measures a convention that has not started yet at nothing expected, and says so', async () => {
    const quarter = parseQuarterLabel('2026-T2')!;
    const [outcome] = await measureFiles([files.path(forez.name)], { quarter, today, workers: 1 });
    expect(outcome).toMatchObject({
      ok: true,
      measure: {
        quarter: '2026-T2',
        quarterOutside: 'before',
        conventionQuarters: { first: '2027-T1', last: '2029-T4' },
        counts: expect.objectContaining({ cumulative: { filled: 0, expected: 0 } }),
      },
    });
  });
});

describe('a quarter that has not begun', () => {
  // The day of the trial: Pilat's Q (2026-T3) has begun, the Vals d'Aix's (2027-T1, its convention's first) has not.
  const trialDay = new Date('2026-12-05T10:00:00Z');

  it('expects nothing of a convention still to come, says so, and leaves the total to the territories measured', async () => {
    writeFileSync(files.path(aixToCome.name), await territoryBytes(aixToCome));
    const outcomes = await measureFiles([pilat.name, aixToCome.name].map(files.path), {
      quarter: null,
      today: trialDay,
      workers: 1,
    });
    const trial = consolidate(outcomes, null);
    const aix = trial.territories.find((territory) => territory.file === files.path(aixToCome.name))!;
    const pilatMeasure = trial.territories.find((territory) => territory.file === files.path(pilat.name))!;
    expect(aix).toMatchObject({ quarter: '2027-T1', quarterOutside: null, quarterNotBegun: true });
    expect(pilatMeasure).toMatchObject({ quarter: '2026-T3', quarterOutside: null, quarterNotBegun: false });

    const aixGrids = gridsOf(new Uint8Array(readFileSync(files.path(aixToCome.name))));
    const aixOwn = independentCounts(fichesOf(aixGrids), quartersOf(aixGrids), '2027-T1', '2026-T4');
    expect(aixOwn).toMatchObject({ periodExpected: 0, cumulativeExpected: 0 });
    expect(comparable(aix.counts)).toEqual(asCounts(aixOwn));

    const pilatGrids = gridsOf(new Uint8Array(readFileSync(files.path(pilat.name))));
    const pilatOwn = independentCounts(fichesOf(pilatGrids), quartersOf(pilatGrids), '2026-T3', '2026-T4');
    expect(comparable(pilatMeasure.counts)).toEqual(asCounts(pilatOwn));
    // The total pools the counts: the territory still to come adds no expected value, so Pilat's rate is the total's.
    expect(trial.total.period).toEqual({ filled: pilatOwn.periodFilled, expected: pilatOwn.periodExpected });
    expect(trial.total.cumulative).toEqual({
      filled: pilatOwn.cumulativeFilled,
      expected: pilatOwn.cumulativeExpected,
    });
  });

  it('measures a quarter given ahead of today on the quarters begun only: its period is undefined', async () => {
    const inT3 = new Date('2026-08-20T10:00:00Z');
    const [outcome] = await measureFiles([files.path(pilat.name)], {
      quarter: parseQuarterLabel('2026-T4')!,
      today: inT3,
      workers: 1,
    });
    if (!outcome.ok) throw new Error(outcome.rejected.reason);
    const grids = gridsOf(new Uint8Array(readFileSync(files.path(pilat.name))));
    const own = independentCounts(fichesOf(grids), quartersOf(grids), '2026-T4', '2026-T3');
    expect(own.periodExpected).toBe(0);
    expect(own.cumulativeExpected).toBeGreaterThan(0);
    expect(outcome.measure).toMatchObject({ quarter: '2026-T4', quarterOutside: null, quarterNotBegun: true });
    expect(comparable(outcome.measure.counts)).toEqual(asCounts(own));
    expect(outcome.measure.counts.achievementSum).toBeCloseTo(sum(own.achievements), 12);
  });
});

describe('worker threads', () => {
  it('measure in this thread until workers pay for their start: 200 files on two cores, 16 on more', () => {
    expect([1, 40, 199, 200, 1000].map((files) => defaultWorkers(files, 2))).toEqual([1, 1, 1, 2, 2]);
    expect([15, 16, 200].map((files) => defaultWorkers(files, 8))).toEqual([1, 8, 8]);
    expect([15, 16].map((files) => defaultWorkers(files, 3))).toEqual([1, 3]);
    expect(defaultWorkers(1000, 1)).toBe(1);
  });

  it('gives the same outcomes, in the files’ order, with two workers as in one thread', async () => {
    // The built program's pool, as a person runs it: its workers start from the compiled measure-worker.js, where
    // workers started from the TypeScript sources would each load the compiler and transpile them (≈ 8 s of CPU).
    const built = join(dirname(compiledCli()), '..', 'dist', 'node', 'cli', 'consolidate', 'measure-pool.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pool = require(built) as typeof import('../../src/cli/consolidate/measure-pool');
    const threaded = await pool.measureFiles(allFiles, { quarter: null, today, workers: 2 });
    expect(consolidate(threaded, null)).toEqual(consolidation);
  }, 60_000);
});
