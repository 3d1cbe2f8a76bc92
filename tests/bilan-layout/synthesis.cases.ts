import type { Bilan } from '../../src/domain/bilan/bilan';
import type { ConsolidationCounts } from '../../src/domain/consolidation/counts';
import { buildBilanWorkbook } from '../../src/layout/bilan/bilan-workbook';
import { currentAnnualBilan, sampleBilan } from './helpers/sample-bilan';
import { at, columnOf, rowValues, rowWith, sheetOf, writeBilan, type WrittenBilan } from './helpers/written-bilan';

/**
 * `Synthèse`, the bilan's first page, as the written file shows it: what the bilan is, the figures by axis and for
 * the plan (counts as values, rates and bars as formulas whose results HyperFormula finds again from the counts and
 * that match the rates computed here from the bilan's counts), the fiches per status.
 */

const NBSP = '\u00a0';
let written: WrittenBilan;
const bilan = sampleBilan();
beforeAll(async () => {
  written = await writeBilan(bilan);
});

const synthesis = () => sheetOf(written.grids, 'Synthèse');
const recalculated = () => sheetOf(written.recalculated, 'Synthèse');
const texts = (sheet = synthesis()) => sheet.rows.map((row) => row?.[0]?.value ?? null);

const lines = (b: Bilan) => [
  ...b.axes.map((axis) => ({ label: `Axe ${axis.number} \u2013 ${axis.title}`, counts: axis.counts })),
  { label: 'Ensemble du plan', counts: b.plan },
];
const ratio = (filled: number, expected: number) => (expected === 0 ? '' : filled / expected);
const bar = (filled: number, expected: number) =>
  expected === 0 ? '' : '\u2588'.repeat(Math.floor((20 * filled) / expected + 0.5));

it('says what the bilan is: title, period, Caf and EPCI, edition date', () => {
  expect(texts().slice(0, 4)).toEqual([
    'Bilan final \u2013 Communauté de communes des Monts du Pilat',
    `Période${NBSP}: 2026-T1 à 2030-T4`,
    `Caf${NBSP}: Caf de la Loire \u2013 EPCI${NBSP}: Communauté de communes des Monts du Pilat`,
    'Bilan édité le 15/12/2030.',
  ]);
  // A period over whose last quarter was closed: no sentence about it.
  expect(texts()[4]).toBeNull();
});

it('gives each axis and the plan their period renseignement, cumulated renseignement and réalisation', () => {
  const sheet = synthesis();
  const header = rowWith(sheet, 1, 'Axe');
  const column = (name: string, nth = 0) => {
    const found = (sheet.rows[header - 1] ?? []).flatMap((cell, index) => (cell?.value === name ? [index + 1] : []));
    return found[nth];
  };
  expect(column('Valeurs attendues (période)')).toBeDefined();
  for (const [index, line] of lines(bilan).entries()) {
    const row = header + 1 + index;
    const c: ConsolidationCounts = line.counts;
    expect(at(sheet, row, 1)?.value).toBe(line.label);
    const value = (name: string, nth = 0) => at(recalculated(), row, column(name, nth))?.value;
    const cached = (name: string, nth = 0) => at(sheet, row, column(name, nth))?.value;
    expect(value('Valeurs attendues (période)')).toBe(c.period.expected);
    expect(value('Valeurs renseignées (période)')).toBe(c.period.filled);
    expect(value('Valeurs attendues (cumul)')).toBe(c.cumulative.expected);
    expect(value('Valeurs renseignées (cumul)')).toBe(c.cumulative.filled);
    expect(value('Critères avec réalisation')).toBe(c.achieved);
    const rates: [string, number, number][] = [
      ['Renseignement de la période', c.period.filled, c.period.expected],
      ['Renseignement cumulé', c.cumulative.filled, c.cumulative.expected],
      ['Réalisation', c.achievementSum, c.achieved],
    ];
    for (const [nth, [name, filled, expected]] of rates.entries()) {
      expect(at(sheet, row, column(name))?.formula).toBeDefined();
      expect(value(name)).toBeCloseTo(ratio(filled, expected) as number, 12);
      expect(cached(name)).toBeCloseTo(ratio(filled, expected) as number, 12);
      // The bar after each rate: formula, recalculated and cached alike.
      expect(at(sheet, row, column('Barre', nth))?.formula).toMatch(/^IF\(/);
      expect(value('Barre', nth)).toBe(bar(filled, expected));
      expect(cached('Barre', nth)).toBe(bar(filled, expected));
    }
  }
  // The plan's row pools the axes' counts: its renseignement is not the mean of theirs.
  const planRow = rowWith(sheet, 1, 'Ensemble du plan');
  const mean = bilan.axes.reduce((sum, a) => sum + a.counts.period.filled / a.counts.period.expected, 0) / 3;
  expect(at(recalculated(), planRow, column('Renseignement de la période'))?.value).not.toBeCloseTo(mean, 6);
});

it('counts the fiches per status at the period’s end, without status and with difficulties', () => {
  const sheet = synthesis();
  const header = rowWith(sheet, 1, 'Axe', rowWith(sheet, 1, 'Ensemble du plan'));
  expect(rowValues(sheet, header).filter((value) => value !== null)).toEqual([
    'Axe',
    'Fiches',
    'Critères',
    'Non démarrée',
    'En cours',
    'Réalisée',
    'Reportée',
    'Abandonnée',
    'Sans statut',
    'Fiches avec difficultés',
  ]);
  for (const [index, line] of lines(bilan).entries()) {
    const c = line.counts;
    const statuses = Object.values(c.statuses);
    const noStatus = c.fiches - statuses.reduce((sum, n) => sum + n, 0);
    expect(rowValues(sheet, header + 1 + index)).toEqual([
      line.label,
      c.fiches,
      c.criteria,
      ...statuses,
      noStatus,
      c.fichesWithDifficulties,
    ]);
  }
  // The sample has a fiche without status, in axis 1.
  expect(at(sheet, header + 1, columnOf(sheet, header, 'Sans statut'))?.value).toBe(1);
});

it('colours the rates on the same scale as the consolidation, and prints on one A4 page wide', () => {
  const spec = written.spec.sheets[0];
  expect(spec.name).toBe('Synthèse');
  const scales = spec.conditionalFormats.filter((format) => format.kind === 'colorScale');
  expect(scales).toHaveLength(3);
  for (const scale of scales) expect(scale).toMatchObject({ thresholds: [0, 0.5, 1] });
  expect(spec.print).toMatchObject({ paper: 'A4', fitToWidth: true });
  expect(spec.rows.every((row) => row.height !== undefined)).toBe(true);
});

describe('a period not over, a state not closed, an empty CDSF part', () => {
  it('says the period is in progress and measured to the current quarter', async () => {
    const { grids } = await writeBilan(currentAnnualBilan());
    const sheet = sheetOf(grids, 'Synthèse');
    expect(texts(sheet).slice(0, 5)).toEqual([
      'Bilan annuel 2027 \u2013 Communauté de communes des Monts du Pilat',
      `Période${NBSP}: 2027-T1 à 2027-T4`,
      expect.any(String),
      expect.any(String),
      `Période en cours${NBSP}: les chiffres sont arrêtés au trimestre en cours, 2027-T2.`,
    ]);
  });

  it('says a year whose last quarter was closed before its end is in progress until its last day', async () => {
    const early = sampleBilan({
      period: {
        kind: 'annual',
        year: 2026,
        first: '2026-T1',
        last: '2026-T4',
        measuredTo: '2026-T4',
        state: 'current',
      },
      currentQuarter: '2027-T1',
    });
    expect(texts(sheetOf((await writeBilan(early)).grids, 'Synthèse'))[4]).toBe(
      `Période en cours${NBSP}: elle se termine le 31/12/2026, bien que le classeur soit déjà passé au trimestre ` +
        `2027-T1. Les chiffres sont arrêtés à 2026-T4 et l’état des fiches est celui des feuilles d’axe${NBSP}; ` +
        'refaites le bilan après le 31/12/2026 pour ses chiffres définitifs.',
    );
  });

  it('says a period to come has nothing expected yet, a last quarter not closed or closed with nothing entered', async () => {
    const future = sampleBilan({
      period: { kind: 'annual', year: 2029, first: '2029-T1', last: '2029-T4', measuredTo: '2027-T2', state: 'future' },
      currentQuarter: '2027-T2',
    });
    expect(texts(sheetOf((await writeBilan(future)).grids, 'Synthèse'))[4]).toBe(
      `Période à venir${NBSP}: elle commence en 2029-T1, après le trimestre en cours (2027-T2). Rien n’y est encore ` +
        `attendu${NBSP}; les chiffres cumulés, la réalisation et l’état des fiches sont ceux de 2027-T2.`,
    );
    const notClosed = sampleBilan({ period: { statesFrom: 'sheets' } });
    expect(texts(sheetOf((await writeBilan(notClosed)).grids, 'Synthèse'))[4]).toBe(
      `Le trimestre 2030-T4 n’a pas été clôturé${NBSP}: l’état des fiches est celui des feuilles d’axe.`,
    );
    const closedEmpty = sampleBilan({ period: { statesFrom: 'empty-closing' } });
    expect(texts(sheetOf((await writeBilan(closedEmpty)).grids, 'Synthèse'))[4]).toBe(
      'Le trimestre 2030-T4 a été clôturé sans qu’aucun état n’y soit saisi (statut, avancement, mise en œuvre, ' +
        `difficultés, commentaire)${NBSP}: l’état des fiches à la fin de la période est vide.`,
    );
  });

  it('titles the CDSF part, and says when no fiche is in it', async () => {
    const midterm = { kind: 'midterm' as const, first: '2026-T1', last: '2028-T3', measuredTo: '2028-T3' };
    const cdsf = sampleBilan({ cdsf: true, keys: ['3.1', '3.2'], period: midterm });
    const sheet = sheetOf((await writeBilan(cdsf)).grids, 'Synthèse');
    expect(texts(sheet)[0]).toBe(
      'Bilan intermédiaire \u2013 Communauté de communes des Monts du Pilat \u2013 volet petite enfance (CDSF)',
    );
    expect(texts(sheet)[4]).toBeNull();
    const empty = sampleBilan({ cdsf: true, keys: [] });
    const emptySheet = sheetOf((await writeBilan(empty)).grids, 'Synthèse');
    expect(texts(emptySheet)[4]).toMatch(/^Aucune fiche ne relève du volet petite enfance/);
    expect(
      sheetOf((await writeBilan(empty)).grids, 'Fiches').rows.some((row) => row?.[0]?.value === 'Aucune fiche.'),
    ).toBe(true);
  });
});

// Printed at 00:30 on the machine's clock, on a day UTC has not reached yet east of it (Paris, La Réunion): the
// bilan is dated by today's date as every command reads it (other zones: tests/cli/today-in-local-time.test.ts).
it('gives the edition date as today’s date on the machine’s clock', () => {
  const dated = (instant: Date) =>
    buildBilanWorkbook(bilan, { writtenAt: instant.toISOString() }).sheets[0]!.rows.map((row) => row?.cells[0]?.value);
  expect(dated(new Date(2030, 11, 15, 0, 30))).toContain('Bilan édité le 15/12/2030.');
  expect(dated(new Date(2030, 11, 14, 23, 30))).toContain('Bilan édité le 14/12/2030.');
});
