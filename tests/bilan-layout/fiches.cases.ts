import { buildBilanWorkbook } from '../../src/layout/bilan/bilan-workbook';
import { at, rowValues, rowWith, sheetOf, writeBilan, type WrittenBilan } from './helpers/written-bilan';
import { embeddedPlanBilan } from './helpers/plan-bilan';
import { quartersBetween, sampleBilan, WRITTEN_AT } from './helpers/sample-bilan';

/**
 * `Fiches` as the written file shows it: « Top 5 » first then the others, each group axis by axis; per fiche its row
 * (state at the period's end), its Mise en œuvre and Difficultés in full, one row per criterion with the period's
 * values as one text; rows as high as their wrapped texts.
 */

const NBSP = '\u00a0';
const bilan = sampleBilan();
let written: WrittenBilan;
beforeAll(async () => {
  written = await writeBilan(bilan);
});
const fiches = () => sheetOf(written.grids, 'Fiches');
const specSheet = () => written.spec.sheets.find((sheet) => sheet.name === 'Fiches')!;
const FICHE_FILL = 'F2F2F2';

/** The keys in column A of the fiche rows (bold, grey), below the header rows, in order. */
function ficheKeys(): string[] {
  return specSheet()
    .rows.slice(5)
    .flatMap((row) =>
      row.cells[0]?.style?.fill === FICHE_FILL && row.cells[0].style.bold ? [String(row.cells[0].value)] : [],
    );
}

it('repeats two header rows, the fiches’ and the criteria’s', () => {
  expect(rowValues(fiches(), 4)).toEqual([
    'Fiche',
    'Intitulé de la fiche',
    'Axe',
    'Statut',
    null,
    'Porteur(s)',
    'Avancement (%)',
    'Réalisation',
    'Renseignement de la période',
    'Intérêt',
  ]);
  expect(rowValues(fiches(), 5)).toEqual([
    'Critère',
    'Intitulé du critère',
    'Unité',
    'Référence',
    'Cible',
    'Valeurs de la période',
    'Dernière valeur',
    'Réalisation',
    'Renseignement de la période',
    'Commentaire',
  ]);
  expect(specSheet().print).toMatchObject({ paper: 'A4', fitToWidth: true, titleRows: { first: 4, last: 5 } });
});

it('puts the « Top 5 » fiches first, then the others, each group in plan order under its headings', () => {
  expect(ficheKeys()).toEqual([
    '1.2',
    '3.1',
    '1.1',
    '1.3',
    '1.4',
    '2.1',
    '2.2',
    '2.3',
    '2.4',
    '3.2',
    '3.3',
    '3.4',
    '3.5',
  ]);
  const sheet = fiches();
  const top = rowWith(sheet, 1, `Fiches «${NBSP}Top 5${NBSP}»`);
  const others = rowWith(sheet, 1, 'Autres fiches');
  expect(top).toBeLessThan(rowWith(sheet, 1, '1.2'));
  expect(rowWith(sheet, 1, '3.1')).toBeLessThan(others);
  expect(at(sheet, top + 1, 1)?.value).toBe('Axe 1 \u2013 Accès aux droits et inclusion numérique');
  // Axis 3 is named again among the other fiches.
  const axis3 = 'Axe 3 \u2013 Soutien à la parentalité';
  expect(rowWith(sheet, 1, axis3, others)).toBeGreaterThan(rowWith(sheet, 1, axis3));
});

it('says when an abandoned fiche was abandoned, beside its status', () => {
  const abandoned = bilan.fiches.find((candidate) => candidate.status === 'Abandonnée')!;
  expect(abandoned.abandonedIn).not.toBeNull();
  expect(rowValues(fiches(), rowWith(fiches(), 1, abandoned.key))[3]).toBe(`Abandonnée (${abandoned.abandonedIn})`);
});

it('gives a fiche’s state at the period’s end, its Mise en œuvre and Difficultés in full', () => {
  const sheet = fiches();
  const fiche = bilan.fiches.find((candidate) => candidate.key === '3.1')!;
  const row = rowWith(sheet, 1, '3.1');
  const period = fiche.counts.period;
  const achievement = fiche.counts.achievementSum / fiche.counts.achieved;
  const values = rowValues(sheet, row);
  expect(values.slice(0, 7)).toEqual([
    '3.1',
    fiche.title,
    'Axe 3',
    'En cours',
    null,
    'Communauté de communes, Caf, centre social intercommunal, Département',
    fiche.progress,
  ]);
  expect(values[7]).toBeCloseTo(achievement, 12);
  expect(values[8]).toBeCloseTo(period.filled / period.expected, 12);
  expect(values[9]).toBe('Top 5');
  expect(rowValues(sheet, row + 1).slice(0, 2)).toEqual(['Mise en œuvre', fiche.implementation]);
  expect(rowValues(sheet, row + 2).slice(0, 2)).toEqual(['Difficultés', fiche.difficulties]);
  // Merged over the rest of the width, and high enough for the text's lines.
  expect(specSheet().merges).toContain(`B${row + 1}:J${row + 1}`);
  expect(specSheet().rows[row].height).toBeGreaterThanOrEqual(30);
  // A fiche without difficulties has no such row: its criteria follow its Mise en œuvre.
  const plain = rowWith(sheet, 1, '1.3');
  expect(rowValues(sheet, plain + 1).slice(0, 2)).toEqual(['Mise en œuvre', 'Ateliers mensuels.']);
  expect(at(sheet, plain + 2, 1)?.value).toBe('1.3.1');
});

it('continues a Mise en œuvre longer than Excel’s highest row shows on the rows below it, each merged and whole', async () => {
  const long = bilan.fiches.find((fiche) => fiche.key === '1.1')!;
  const text = Array.from({ length: 30 }, (_, index) => `Étape n°${index + 1} : ${long.implementation}`).join(' ');
  const { grids, spec } = await writeBilan({
    ...bilan,
    fiches: bilan.fiches.map((fiche) => (fiche.key === '1.3' ? { ...fiche, implementation: text } : fiche)),
  });
  const sheet = sheetOf(grids, 'Fiches');
  const row = rowWith(sheet, 1, '1.3');
  const criterion = rowWith(sheet, 1, '1.3.1');
  const rows = Array.from({ length: criterion - row - 1 }, (_, index) => row + 1 + index);
  expect(rows.length).toBeGreaterThan(1);
  // The label once, the text in parts that read as the text, each part's row under Excel's 409 points.
  expect(rows.map((r) => at(sheet, r, 1)?.value ?? null)).toEqual(['Mise en œuvre', ...rows.slice(1).map(() => null)]);
  expect(rows.map((r) => at(sheet, r, 2)?.value).join(' ')).toBe(text);
  const fichesSpec = spec.sheets.find((candidate) => candidate.name === 'Fiches')!;
  for (const r of rows) {
    expect(fichesSpec.merges).toContain(`B${r}:J${r}`);
    expect(fichesSpec.rows[r - 1].height).toBeLessThanOrEqual(409);
  }
});

it('continues a criterion’s Commentaire longer than Excel’s highest row shows on the rows below it, in its column', async () => {
  // Some 3,000 characters, each sentence marked: more than the 27 lines of a 409-point row in a column 28 wide.
  const text = Array.from({ length: 40 }, (_, index) => `Remarque n°${index + 1} : suivi avec les partenaires.`).join(
    ' ',
  );
  const { grids, spec } = await writeBilan({
    ...bilan,
    fiches: bilan.fiches.map((fiche) =>
      fiche.key === '1.4'
        ? { ...fiche, criteria: fiche.criteria.map((c) => (c.key === '1.4.1' ? { ...c, comment: text } : c)) }
        : fiche,
    ),
  });
  const sheet = sheetOf(grids, 'Fiches');
  const first = rowWith(sheet, 1, '1.4.1');
  const next = rowWith(sheet, 1, '1.4.2');
  const rows = Array.from({ length: next - first }, (_, index) => first + index);
  expect(rows.length).toBeGreaterThan(1);
  // The criterion's row once, then its Commentaire's parts alone in column J, that read as the text.
  expect(
    rows.slice(1).map((r) =>
      rowValues(sheet, r)
        .slice(0, 9)
        .every((value) => value === null),
    ),
  ).toEqual(rows.slice(1).map(() => true));
  expect(rows.map((r) => at(sheet, r, 10)?.value).join(' ')).toBe(text);
  const fichesSpec = spec.sheets.find((candidate) => candidate.name === 'Fiches')!;
  for (const r of rows) expect(fichesSpec.rows[r - 1].height).toBeLessThanOrEqual(409);
});

it('continues a Commentaire of one word a line (a list of communes) longer than a row shows, every line shown', async () => {
  // Forty lines of one word each: no space to cut at, only line breaks; 40 lines of 15 points are more than 409.
  const communes = Array.from({ length: 40 }, (_, index) => `Saint-Genest-Malifaux-${index + 1}`);
  const { grids, spec } = await writeBilan({
    ...bilan,
    fiches: bilan.fiches.map((fiche) =>
      fiche.key === '1.4'
        ? {
            ...fiche,
            criteria: fiche.criteria.map((c) => (c.key === '1.4.1' ? { ...c, comment: communes.join('\n') } : c)),
          }
        : fiche,
    ),
  });
  const sheet = sheetOf(grids, 'Fiches');
  const first = rowWith(sheet, 1, '1.4.1');
  const rows = Array.from({ length: rowWith(sheet, 1, '1.4.2') - first }, (_, index) => first + index);
  const shown = rows.map((r) => String(at(sheet, r, 10)?.value ?? ''));
  expect(shown.flatMap((text) => text.split(/\s+/))).toEqual(communes);
  // Each row as high as the lines it holds, none beyond Excel's 409 points: no line cut off.
  const fichesSpec = spec.sheets.find((candidate) => candidate.name === 'Fiches')!;
  rows.forEach((r, index) => {
    const lines = shown[index].split('\n').length;
    expect(fichesSpec.rows[r - 1].height).toBeGreaterThanOrEqual(lines * 15);
    expect(fichesSpec.rows[r - 1].height).toBeLessThanOrEqual(409);
  });
});

it('lists every criterion with its values of the period as one text, a line per year, up to twenty quarters', () => {
  const sheet = fiches();
  const row = rowWith(sheet, 1, '3.1.1');
  const criterion = bilan.fiches.find((fiche) => fiche.key === '3.1')!.criteria[0];
  const quarters = quartersBetween('2026-T1', '2030-T4');
  expect(quarters).toHaveLength(20);
  const text = [2026, 2027, 2028, 2029, 2030]
    .map((year, y) => {
      const values = [1, 2, 3, 4].map((q) => `T${q}${NBSP}:${NBSP}${10 + (y * 4 + q - 1) * 2}`);
      return `${year}${NBSP}\u2013 ${values.join(`${NBSP}; `)}`;
    })
    .join('\n');
  expect(rowValues(sheet, row)).toEqual([
    '3.1.1',
    criterion.title,
    'familles',
    10,
    40,
    text,
    '48 (2030-T4)',
    criterion.achievement,
    criterion.fillPeriod,
    criterion.comment,
  ]);
  // The row shows the five years' lines, of the table's 11 points (the PDF test checks the last is above the next
  // row), and no more: a quarter's values on the line of its year, rather than three quarters and a half a line.
  expect(specSheet().rows[row - 1].height).toBe(5 * 15);
  // A qualitative criterion: its value is a text.
  const qualitative = rowValues(sheet, rowWith(sheet, 1, '1.4.2'));
  expect(qualitative.slice(2, 8)).toEqual([
    '',
    null,
    null,
    `2030${NBSP}\u2013 T4${NBSP}:${NBSP}Charte signée`,
    'Charte signée (2030-T4)',
    null,
  ]);
  // A fiche without criteria says so.
  expect(at(sheet, rowWith(sheet, 1, '3.4') + 2, 2)?.value).toBe('Aucun critère.');
});

it('shows only the values of the period up to the quarter measured', async () => {
  const annual = sampleBilan({
    period: { kind: 'annual', year: 2027, first: '2027-T1', last: '2027-T4', measuredTo: '2027-T2', state: 'current' },
  });
  const sheet = sheetOf((await writeBilan(annual)).grids, 'Fiches');
  expect(at(sheet, rowWith(sheet, 1, '1.2.1'), 6)?.value).toBe(
    `2027${NBSP}\u2013 T1${NBSP}:${NBSP}10${NBSP}; T2${NBSP}:${NBSP}12`,
  );
});

it('keeps an annual bilan’s four values on one line, a criterion with a short title one line high', async () => {
  const annual = sampleBilan({
    period: { kind: 'annual', year: 2027, first: '2027-T1', last: '2027-T4', measuredTo: '2027-T4' },
  });
  const { grids, spec } = await writeBilan(annual);
  const sheet = sheetOf(grids, 'Fiches');
  const row = rowWith(sheet, 1, '1.2.1');
  expect(at(sheet, row, 6)?.value).toBe(
    `2027${NBSP}\u2013 T1${NBSP}:${NBSP}10${NBSP}; T2${NBSP}:${NBSP}12${NBSP}; T3${NBSP}:${NBSP}14${NBSP}; T4${NBSP}:${NBSP}16`,
  );
  expect(spec.sheets[1].rows[row - 1].height).toBe(15);
});

it('says which quarter the latest value is from, one before the period when the period has none', async () => {
  const base = sampleBilan();
  const fiche = base.fiches.find((candidate) => candidate.key === '1.3')!;
  const earlier = { ...fiche.criteria[0], values: [], latest: 7.5, latestQuarter: '2025-T4' };
  const bilan = { ...base, fiches: base.fiches.map((f) => (f === fiche ? { ...f, criteria: [earlier] } : f)) };
  const sheet = sheetOf((await writeBilan(bilan)).grids, 'Fiches');
  expect(at(sheet, rowWith(sheet, 1, '1.3.1'), 7)?.value).toBe('7,5 (2025-T4)');
});

it('makes rows as high as their texts’ lines, wrapped word by word', () => {
  const sheet = buildBilanWorkbook(embeddedPlanBilan(), { writtenAt: WRITTEN_AT }).sheets[1];
  const height = (key: string) => sheet.rows.find((row) => row.cells[0]?.value === key)!.height;
  // « Construire un réseau partenarial efficace au service des habitants », bold: two lines of the title's column.
  expect(height('G21')).toBe(30);
  // « Nombre d’actions de formation et de perfectionnement réalisées par an »: two lines.
  expect(height('PE36-QN3')).toBe(30);
  // One line of title, a comment of three lines.
  expect(height('PE36-QN2')).toBe(45);
});
