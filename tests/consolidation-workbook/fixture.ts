import type { Consolidation, GroupConsolidation } from '../../src/domain/consolidation/consolidation';
import { sumCounts, type ConsolidationCounts } from '../../src/domain/consolidation/counts';
import type { AoRequirementsRow, TerritoryMeasure } from '../../src/domain/consolidation/territory';
import type { WorkbookGrids } from '../../src/domain/grid';
import { buildConsolidationWorkbook } from '../../src/layout/consolidation/consolidation-workbook';
import { readXlsx } from '../../src/xlsx/reader';
import { createXlsxWriterPort } from '../../src/xlsx/writer';

/**
 * A consolidation made by hand: three territories (one whose rates are all undefined), champs and publics of the
 * convention's vocabulary and one of each outside it, AO rows with an unmet obligation, a file left out and a
 * duplicate. The tests compute their expected figures from these counts themselves.
 */

interface Counts {
  fiches: number;
  criteria: number;
  statuses: [number, number, number, number, number];
  difficulties: number;
  period: [number, number];
  cumulative: [number, number];
  target: number;
  achieved: number;
  sum: number;
}

export function counts(c: Counts): ConsolidationCounts {
  const [notStarted, inProgress, done, postponed, abandoned] = c.statuses;
  return {
    fiches: c.fiches,
    criteria: c.criteria,
    statuses: { notStarted, inProgress, done, postponed, abandoned },
    fichesWithDifficulties: c.difficulties,
    period: { filled: c.period[0], expected: c.period[1] },
    cumulative: { filled: c.cumulative[0], expected: c.cumulative[1] },
    criteriaWithTarget: c.target,
    achieved: c.achieved,
    achievementSum: c.sum,
  };
}

const aoRow = (
  name: string,
  isEpci: boolean,
  population: number | null,
  required: boolean | null,
  schemaMet: boolean | null,
): AoRequirementsRow => ({
  name,
  isEpci,
  population,
  required: { identify: true, inform: true, plan: required, quality: required, schema: required, rpe: required },
  met: { schema: schemaMet, rpe: required === true ? true : null },
});

export const pilat = {
  file: 'pilat.xlsx',
  counts: counts({
    fiches: 10,
    criteria: 25,
    statuses: [3, 4, 2, 1, 0],
    difficulties: 2,
    period: [12, 20],
    cumulative: [70, 100],
    target: 8,
    achieved: 5,
    sum: 3.1,
  }),
  access: counts({
    fiches: 4,
    criteria: 9,
    statuses: [1, 2, 1, 0, 0],
    difficulties: 1,
    period: [5, 8],
    cumulative: [30, 40],
    target: 3,
    achieved: 2,
    sum: 1.5,
  }),
  gardens: counts({
    fiches: 1,
    criteria: 2,
    statuses: [0, 1, 0, 0, 0],
    difficulties: 0,
    period: [1, 3],
    cumulative: [4, 9],
    target: 1,
    achieved: 1,
    sum: 0.25,
  }),
};

export const monts = {
  file: 'monts.xlsx',
  counts: counts({
    fiches: 4,
    criteria: 9,
    statuses: [4, 0, 0, 0, 0],
    difficulties: 0,
    period: [0, 0],
    cumulative: [0, 0],
    target: 2,
    achieved: 0,
    sum: 0,
  }),
};

export const gier = {
  file: 'gier.xlsx',
  counts: counts({
    fiches: 6,
    criteria: 14,
    statuses: [1, 2, 2, 0, 1],
    difficulties: 3,
    period: [7, 9],
    cumulative: [33, 41],
    target: 5,
    achieved: 3,
    sum: 1.75,
  }),
  access: counts({
    fiches: 2,
    criteria: 5,
    statuses: [0, 1, 1, 0, 0],
    difficulties: 1,
    period: [3, 4],
    cumulative: [11, 15],
    target: 2,
    achieved: 2,
    sum: 1.2,
  }),
  everyone: counts({
    fiches: 1,
    criteria: 3,
    statuses: [0, 0, 1, 0, 0],
    difficulties: 0,
    period: [2, 2],
    cumulative: [6, 7],
    target: 1,
    achieved: 1,
    sum: 1,
  }),
};

const territory = (
  name: string,
  file: string,
  siren: string | null,
  quarter: string,
  measured: ConsolidationCounts,
  issues: [number, number],
  ao: AoRequirementsRow[],
): TerritoryMeasure => ({
  file,
  territory: name,
  recordedTerritory: name,
  epci: `CC ${name}`,
  siren,
  quarter,
  quarterOutside: null,
  quarterNotBegun: false,
  quarterLag: null,
  conventionQuarters: { first: '2026-T1', last: '2030-T4' },
  lastWrite: '2027-05-02T08:00:00.000Z',
  latestUpdate: '2027-04-30',
  savedAt: null,
  errors: issues[0],
  warnings: issues[1],
  counts: measured,
  axes: [],
  planFiches: [],
  fields: [],
  publics: [],
  ao,
  aoUnread: null,
});

const territories: TerritoryMeasure[] = [
  territory(
    'Pilat Rhodanien',
    pilat.file,
    '200040491',
    '2027-T2',
    pilat.counts,
    [2, 1],
    [aoRow('CC du Pilat Rhodanien', true, 16800, true, false), aoRow('Pélussin', false, 3700, null, null)],
  ),
  territory(
    'Monts du Lyonnais',
    monts.file,
    null,
    '2026-T4',
    monts.counts,
    [0, 0],
    [aoRow('Saint-Martin', false, 900, false, null)],
  ),
  territory('Vallée du Gier', gier.file, '200011111', '2027-T1', gier.counts, [0, 4], []),
];

function group(name: string, matched: boolean, members: [TerritoryMeasure, ConsolidationCounts][]): GroupConsolidation {
  return {
    name,
    matched,
    counts: sumCounts(members.map(([, c]) => c)),
    territories: members.map(([t, c]) => ({ territory: t.territory, file: t.file, counts: c })),
  };
}

const [pilatMeasure, montsMeasure, gierMeasure] = territories;

export const consolidation: Consolidation = {
  territories,
  total: sumCounts(territories.map((t) => t.counts)),
  fields: [
    group('Accès aux droits', true, [
      [pilatMeasure, pilat.access],
      [gierMeasure, gier.access],
    ]),
    group('Mobilité', true, [[montsMeasure, monts.counts]]),
    group('Jardins partagés', false, [[pilatMeasure, pilat.gardens]]),
  ],
  publics: [
    group('Familles', true, [
      [pilatMeasure, pilat.counts],
      [montsMeasure, monts.counts],
      [gierMeasure, gier.counts],
    ]),
    group('Tout public', false, [[gierMeasure, gier.everyone]]),
  ],
  unmatched: [
    {
      kind: 'field',
      name: 'Jardins partagés',
      territories: ['Pilat Rhodanien'],
      fiches: pilat.gardens.fiches,
      places: [
        { territory: 'Pilat Rhodanien', file: 'pilat.xlsx', sheet: 'Axe 1', cell: 'H4', fiches: pilat.gardens.fiches },
      ],
      suggestions: [],
    },
    {
      kind: 'public',
      name: 'Tout public',
      territories: ['Vallée du Gier'],
      fiches: gier.everyone.fiches,
      places: [
        { territory: 'Vallée du Gier', file: 'gier.xlsx', sheet: 'Axe 2', cell: 'I9', fiches: gier.everyone.fiches },
      ],
      suggestions: [],
    },
  ],
  rejected: [
    { file: 'ancien.xlsx', code: 'format-too-new', reason: 'Le classeur est d’une version plus récente du format.' },
  ],
  duplicates: [
    {
      territory: 'Pilat Rhodanien',
      siren: '200040491',
      kept: 'pilat.xlsx',
      dropped: 'pilat-copie.xlsx',
      droppedTerritory: 'Pilat Rhodanien',
      droppedSiren: '200040491',
      namesDiffer: false,
      sirensDiffer: false,
      conventionsDiffer: false,
      olderHasMore: false,
      tieDiffers: false,
      reason: 'Mis à jour le 02/05/2027, l’autre le 10/01/2027.',
    },
  ],
  copiesApart: [],
  quarter: null,
};

export const writtenAt = '2027-05-10T09:30:00.000Z';

/** The workbook written by the file back end, as its bytes. */
export async function writtenConsolidation(): Promise<Uint8Array> {
  let bytes: Uint8Array | null = null;
  await createXlsxWriterPort((out) => {
    bytes = out;
  }).write(buildConsolidationWorkbook(consolidation, { writtenAt }));
  return bytes!;
}

export function gridsOf(bytes: Uint8Array): WorkbookGrids {
  const result = readXlsx(bytes);
  if (!result.ok) throw new Error(`unreadable: ${result.error.code}`);
  return result.grids;
}

/** Every formula cell of the grids: sheet, A1-less position, formula and value. */
export function formulaCells(grids: WorkbookGrids) {
  return grids.sheets.flatMap((sheet) =>
    sheet.rows.flatMap((row, r) =>
      (row ?? []).flatMap((cell, c) =>
        cell?.formula === undefined
          ? []
          : [{ sheet: sheet.name, row: r + 1, column: c + 1, formula: cell.formula, value: cell.value }],
      ),
    ),
  );
}
