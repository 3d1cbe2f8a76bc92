import type { SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { buildConsolidationWorkbook } from '../../src/layout/consolidation/consolidation-workbook';
import { writeXlsx } from '../../src/xlsx/writer';
import { consolidation, gier, gridsOf, monts, pilat, writtenAt, writtenConsolidation } from './fixture';
import { DERIVED_HEADERS } from '../ao-sheet/ao-cases';

/**
 * The consolidation workbook as a user opens it: written by the file back end, read back by our reader. Sheets,
 * headers and values as shown; every rate a formula whose cached result is the fraction computed here from the
 * hand-made counts (filled / expected, sum of réalisations / criteria with one), the totals pooled, never averaged.
 */

let grids: WorkbookGrids;
beforeAll(async () => {
  grids = gridsOf(await writtenConsolidation());
});

const sheet = (name: string): SheetGrid => {
  const found = grids.sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};
const valueAt = (grid: SheetGrid, row: number, column: number) => grid.rows[row - 1]?.[column - 1]?.value ?? null;
const cellAt = (grid: SheetGrid, row: number, column: number) => grid.rows[row - 1]?.[column - 1] ?? null;
const rowTexts = (grid: SheetGrid, row: number) => (grid.rows[row - 1] ?? []).map((cell) => cell?.value ?? null);

/** The row whose cell in `column` is `text` (the first after `after`). */
function rowOf(grid: SheetGrid, column: number, text: string, after = 0): number {
  const index = grid.rows.findIndex((row, r) => r >= after && row?.[column - 1]?.value === text);
  if (index < 0) throw new Error(`no row ${text} in ${grid.name}`);
  return index + 1;
}

/** The value under a header of row `headerRow`, in row `row`, and its formula. */
function under(grid: SheetGrid, headerRow: number, header: string, row: number) {
  const column = rowTexts(grid, headerRow).indexOf(header) + 1;
  if (column === 0) throw new Error(`no header ${header} in ${grid.name}`);
  return cellAt(grid, row, column);
}

describe('the consolidation workbook, read back', () => {
  it('has its sheets in order, nothing hidden', () => {
    expect(grids.sheets.map((candidate) => [candidate.name, candidate.visibility])).toEqual([
      ['Guide', 'visible'],
      ['Territoires', 'visible'],
      ['Champs d’intervention', 'visible'],
      ['Champs par territoire', 'visible'],
      ['Publics', 'visible'],
      ['Publics par territoire', 'visible'],
      ['Compétences AO', 'visible'],
      ['Fichiers écartés', 'visible'],
    ]);
  });

  it('Territoires: the headers, one row of values per territory, the rates as formulas over the row’s counts', () => {
    const grid = sheet('Territoires');
    expect(valueAt(grid, 2, 1)).toBe(
      'Chaque territoire est mesuré à son trimestre en cours (colonne «\u00a0Trimestre\u00a0»). Consolidation écrite le 10/05/2027 à 11:30 (heure de Paris).',
    );
    expect(rowTexts(grid, 4)).toEqual([
      'Territoire',
      'SIREN',
      'Fichier',
      'Trimestre',
      'Fiches',
      'Critères',
      'Non démarrée',
      'En cours',
      'Réalisée',
      'Reportée',
      'Abandonnée',
      'Sans statut',
      'Fiches avec difficultés',
      'Erreurs de données',
      'Avertissements',
      'Valeurs attendues (trimestre)',
      'Valeurs renseignées (trimestre)',
      'Valeurs attendues (cumul)',
      'Valeurs renseignées (cumul)',
      'Critères avec cible',
      'Critères avec réalisation',
      'Somme des réalisations',
      'Renseignement période',
      'Renseignement cumulé',
      'Réalisation',
      'Renseignement cumulé (barre)',
    ]);
    expect(rowTexts(grid, 5).slice(0, 22)).toEqual([
      'Pilat Rhodanien',
      '200040491',
      'pilat.xlsx',
      '2027-T2',
      10,
      25,
      3,
      4,
      2,
      1,
      0,
      0,
      2,
      2,
      1,
      20,
      12,
      100,
      70,
      8,
      5,
      3.1,
    ]);
    expect(rowTexts(grid, 6).slice(0, 4)).toEqual(['Monts du Lyonnais', null, 'monts.xlsx', '2026-T4']);
    expect(valueAt(grid, 7, 1)).toBe('Vallée du Gier');
    // No cell of a territory row is a formula but its rates and bar.
    for (const row of [5, 6, 7])
      expect(grid.rows[row - 1].flatMap((cell, c) => (cell?.formula ? [c + 1] : []))).toEqual([23, 24, 25, 26]);

    const rate = (row: number, header: string) => under(grid, 4, header, row);
    expect(rate(5, 'Renseignement période')).toEqual({ value: 12 / 20, formula: 'IFERROR(Q5/P5,"")', isPercent: true });
    expect(rate(5, 'Renseignement cumulé')?.value).toBe(70 / 100);
    expect(rate(5, 'Réalisation')).toMatchObject({ value: 3.1 / 5, formula: 'IFERROR(V5/U5,"")' });
    // Nothing expected, no réalisation: the rates are empty, not 0 %.
    for (const header of ['Renseignement période', 'Renseignement cumulé', 'Réalisation'])
      expect(rate(6, header)?.value).toBe('');
    expect(rate(7, 'Renseignement cumulé')?.value).toBe(33 / 41);
    // 70 % is 14 characters of 20; 33/41 ≈ 80.5 % rounds to 16; nothing expected, no bar.
    expect(rate(5, 'Renseignement cumulé (barre)')?.value).toBe('█'.repeat(14));
    expect(rate(6, 'Renseignement cumulé (barre)')?.value).toBe('');
    expect(rate(7, 'Renseignement cumulé (barre)')?.value).toBe('█'.repeat(16));
  });

  it('Territoires: the total row sums the counts and divides the sums (pooled, not a mean of rates)', () => {
    const grid = sheet('Territoires');
    const total = rowOf(grid, 1, 'Ensemble des territoires');
    expect(total).toBe(8);
    const at = (header: string) => under(grid, 4, header, total);
    expect(at('Fiches')).toMatchObject({ value: 20, formula: 'SUM(E5:E7)' });
    expect(at('Erreurs de données')?.value).toBe(2);
    expect(at('Avertissements')?.value).toBe(5);
    expect(at('Valeurs attendues (cumul)')?.value).toBe(141);
    expect(at('Renseignement période')).toMatchObject({ value: (12 + 7) / (20 + 9), formula: 'IFERROR(Q8/P8,"")' });
    expect(at('Renseignement cumulé')?.value).toBe((70 + 33) / (100 + 41));
    expect(at('Réalisation')?.value).toBeCloseTo((3.1 + 1.75) / (5 + 3), 12);
    // The mean of the territories' rates would differ.
    expect(at('Renseignement cumulé')?.value).not.toBeCloseTo((0.7 + 33 / 41) / 2, 3);
  });

  it('Champs d’intervention: each champ’s row for all territories, then its territories; unmatched marked', () => {
    const grid = sheet('Champs d’intervention');
    expect(rowTexts(grid, 4).slice(0, 6)).toEqual([
      'Champ d’intervention',
      'Hors vocabulaire',
      'Territoire',
      'Fichier',
      'Fiches',
      'Critères',
    ]);
    const firstColumns = grid.rows.slice(4).map((row) => (row ?? []).slice(0, 4).map((cell) => cell?.value ?? null));
    expect(firstColumns).toEqual([
      ['Accès aux droits', 'Non', 'Ensemble des territoires', null],
      ['Accès aux droits', 'Non', 'Pilat Rhodanien', 'pilat.xlsx'],
      ['Accès aux droits', 'Non', 'Vallée du Gier', 'gier.xlsx'],
      ['Mobilité', 'Non', 'Ensemble des territoires', null],
      ['Mobilité', 'Non', 'Monts du Lyonnais', 'monts.xlsx'],
      ['Jardins partagés', 'Oui', 'Ensemble des territoires', null],
      ['Jardins partagés', 'Oui', 'Pilat Rhodanien', 'pilat.xlsx'],
    ]);
    const at = (header: string, row: number) => under(grid, 4, header, row);
    expect(at('Valeurs attendues (cumul)', 5)).toMatchObject({ value: 55, formula: 'SUM(P6:P7)' });
    expect(at('Renseignement cumulé', 5)?.value).toBe((30 + 11) / (40 + 15));
    expect(at('Réalisation', 5)?.value).toBeCloseTo((1.5 + 1.2) / (2 + 2), 12);
    expect(at('Renseignement période', 6)?.value).toBe(5 / 8);
    expect(at('Renseignement cumulé', 8)?.value).toBe('');
    expect(at('Renseignement cumulé', 11)?.value).toBe(4 / 9);
  });

  it('Champs par territoire: the territories side by side, each figure a formula over the counts of the champ’s sheet', () => {
    const grid = sheet('Champs par territoire');
    expect(rowTexts(grid, 4)).toEqual([null, 'Accès aux droits', null, 'Mobilité', null, 'Jardins partagés']);
    expect(rowTexts(grid, 5)).toEqual([null, null, null, null, null, 'Hors vocabulaire']);
    expect(rowTexts(grid, 6)).toEqual([
      'Territoire',
      ...Array.from({ length: 3 }, () => ['Renseignement cumulé', 'Réalisation']).flat(),
    ]);
    expect(grid.rows.slice(6).map((row) => row?.[0]?.value)).toEqual([
      'Pilat Rhodanien',
      'Monts du Lyonnais',
      'Vallée du Gier',
      'Ensemble des territoires',
    ]);
    expect(cellAt(grid, 7, 2)).toMatchObject({
      value: 30 / 40,
      formula: "IFERROR('Champs d’intervention'!Q6/'Champs d’intervention'!P6,\"\")",
    });
    expect(valueAt(grid, 7, 3)).toBe(1.5 / 2);
    // Monts du Lyonnais has no fiche of this champ: empty cells; its Mobilité expects nothing: empty texts.
    expect(cellAt(grid, 8, 2)).toBeNull();
    expect(valueAt(grid, 8, 4)).toBe('');
    expect(valueAt(grid, 9, 2)).toBe(11 / 15);
    expect(valueAt(grid, 10, 2)).toBe(41 / 55);
    expect(valueAt(grid, 7, 6)).toBe(4 / 9);
    expect(valueAt(grid, 7, 7)).toBe(0.25);
  });

  it('Publics and Publics par territoire: the same for the publics', () => {
    const grid = sheet('Publics');
    expect(valueAt(grid, 4, 1)).toBe('Public');
    const familles = rowOf(grid, 1, 'Familles');
    expect(valueAt(grid, familles, 3)).toBe('Ensemble des territoires');
    expect(under(grid, 4, 'Renseignement cumulé', familles)?.value).toBe(103 / 141);
    const everyone = rowOf(grid, 1, 'Tout public');
    expect(valueAt(grid, everyone, 2)).toBe('Oui');
    const matrix = sheet('Publics par territoire');
    expect(rowTexts(matrix, 4)).toEqual([null, 'Familles', null, 'Tout public']);
    expect(valueAt(matrix, 9, 4)).toBe(6 / 7);
    expect(valueAt(matrix, 10, 2)).toBe(103 / 141);
  });

  it('Champs par territoire and Publics par territoire: each hint names the one sheet its figures come from', () => {
    const fields = String(valueAt(sheet('Champs par territoire'), 2, 1));
    const publics = String(valueAt(sheet('Publics par territoire'), 2, 1));
    expect(fields).toContain('«\u00a0Champs d’intervention\u00a0»');
    expect(fields).not.toContain('Publics');
    expect(publics).toContain('«\u00a0Publics\u00a0»');
    expect(publics).not.toContain('Champs');
  });

  it('Compétences AO: every territory’s rows, requirements and obligations in Oui / Non / À renseigner', () => {
    const grid = sheet('Compétences AO');
    expect(rowTexts(grid, 4)).toEqual(['Territoire', 'Nom', 'Type', ...DERIVED_HEADERS]);
    expect(grid.rows.slice(4).map((row) => row.map((cell) => cell?.value ?? null))).toEqual([
      [
        'Pilat Rhodanien',
        'CC du Pilat Rhodanien',
        'EPCI',
        16800,
        'Oui',
        'Oui',
        'Oui',
        'Oui',
        'Oui',
        'Oui',
        'Non',
        'Oui',
      ],
      [
        'Pilat Rhodanien',
        'Pélussin',
        'Commune',
        3700,
        'Oui',
        'Oui',
        'À renseigner',
        'À renseigner',
        'À renseigner',
        'À renseigner',
        'À renseigner',
        'À renseigner',
      ],
      [
        'Monts du Lyonnais',
        'Saint-Martin',
        'Commune',
        900,
        'Oui',
        'Oui',
        'Non',
        'Non',
        'Non',
        'Non',
        'Sans objet',
        'Sans objet',
      ],
    ]);
  });

  it('Fichiers écartés: the file left out with its reason, and the duplicate with the choice', () => {
    const grid = sheet('Fichiers écartés');
    expect(rowTexts(grid, 3)).toEqual(['Fichier', 'Raison']);
    expect(rowTexts(grid, 4)).toEqual(['ancien.xlsx', 'Le classeur est d’une version plus récente du format.']);
    const title = rowOf(grid, 1, 'Doublons (deux fichiers d’un même territoire)');
    expect(rowTexts(grid, title + 1)).toEqual(['Territoire', 'Fichier gardé', 'Fichier non retenu', 'Raison']);
    expect(rowTexts(grid, title + 2)).toEqual([
      'Pilat Rhodanien',
      'pilat.xlsx',
      'pilat-copie.xlsx',
      'Mis à jour le 02/05/2027, l’autre le 10/01/2027.',
    ]);
  });

  it('Guide: says how each figure is computed', () => {
    const texts = sheet('Guide')
      .rows.map((row) => String(row?.[0]?.value ?? ''))
      .join('\n');
    expect(texts).toContain('Guide de la consolidation des CTG');
    for (const words of [
      'valeurs renseignées du trimestre divisées par valeurs attendues du trimestre',
      'somme des réalisations divisée par le nombre de critères avec réalisation',
      'son propre trimestre en cours',
      'jamais une moyenne des taux',
      'sans tenir compte des majuscules, des accents, des espaces ni des tirets',
      // Two conventions of a territory are no copies: the one in force is kept whatever their dates.
      'ce ne sont pas deux copies mais deux conventions du territoire',
      'celle qui est en vigueur est gardée, quelles que soient leurs dates',
      'De deux copies d’une même convention, la plus récente est gardée',
      'est écarté, avec la raison',
      // What makes a value expected and filled, and a criterion's réalisation (a review found them missing).
      'aux T2 et T4 si elle est «\u00a0Semestrielle\u00a0»',
      'toujours au dernier trimestre de la convention',
      'un nombre écrit comme du texte ne compte pas',
      'l’une des valeurs de l’échelle',
      '(dernière valeur renseignée − Référence) ÷ (Cible − Référence)',
      'les critères quantitatifs qui ont une cible',
      'additionne des trimestres différents',
      'arrondi à la tranche la plus proche',
      '«\u00a0Requis\u00a0: …\u00a0»',
      'ceux que les classeurs portent',
      'Un trimestre qui n’a pas encore commencé le jour de la consolidation n’attend encore rien',
    ])
      expect(texts).toContain(words);
    // The weight of a territory is what it expects, not its size.
    expect(texts).not.toContain('grand territoire');
    expect(texts).toContain('attend plus de valeurs');
  });

  it('counts of the fixture add up as the sheets show (the fixture is consistent)', () => {
    expect(consolidation.total.cumulative).toEqual({ filled: 103, expected: 141 });
    expect([pilat.file, monts.file, gier.file]).toEqual(consolidation.territories.map((t) => t.file));
  });
});

describe('a quarter given to all that falls outside a territory’s convention', () => {
  it('is said on each such territory’s row, in its Trimestre, and A2 points there', async () => {
    const [first, second, third] = consolidation.territories;
    const outside = {
      ...consolidation,
      quarter: '2026-T1',
      territories: [
        {
          ...first,
          quarter: '2026-T1',
          quarterOutside: 'before' as const,
          conventionQuarters: { first: '2026-T3', last: '2030-T4' },
        },
        { ...second, quarter: '2026-T1' },
        {
          ...third,
          quarter: '2026-T1',
          quarterOutside: 'after' as const,
          conventionQuarters: { first: '2021-T1', last: '2025-T4' },
        },
      ],
    };
    const grid = gridsOf(await writeXlsx(buildConsolidationWorkbook(outside, { writtenAt }))).sheets.find(
      (candidate) => candidate.name === 'Territoires',
    )!;
    expect(valueAt(grid, 2, 1)).toBe(
      'Tous les territoires sont mesurés au trimestre 2026-T1. Consolidation écrite le 10/05/2027 à 11:30 (heure de Paris). ' +
        '2 territoires sont mesurés hors de leur convention\u00a0: voir la colonne «\u00a0Trimestre\u00a0».',
    );
    expect([5, 6, 7].map((row) => [valueAt(grid, row, 1), valueAt(grid, row, 4)])).toEqual([
      // Named as the command line names them: the convention's first or last quarter.
      [first.territory, '2026-T1 (avant le début de sa convention, dont le premier trimestre est 2026-T3)'],
      [second.territory, '2026-T1'],
      [third.territory, '2026-T1 (après la fin de sa convention, dont le dernier trimestre est 2025-T4)'],
    ]);
  });
});

describe('a territory measured at a quarter that has not begun', () => {
  const [first, second, third] = consolidation.territories;
  const territoriesSheet = (changed: typeof consolidation) =>
    buildConsolidationWorkbook(changed, { writtenAt }).sheets[1];

  it('is said in its Trimestre, and A2 says how many and that nothing is expected of them', () => {
    const toCome = {
      ...consolidation,
      territories: [
        { ...first, quarter: '2027-T3', quarterNotBegun: true },
        second,
        { ...third, quarter: '2031-T1', quarterNotBegun: true },
      ],
    };
    const sheet = territoriesSheet(toCome);
    expect(String(sheet.rows[1]!.cells[0]!.value)).toBe(
      'Chaque territoire est mesuré à son trimestre en cours (colonne «\u00a0Trimestre\u00a0»). ' +
        'Consolidation écrite le 10/05/2027 à 11:30 (heure de Paris). ' +
        '2 territoires sont mesurés à un trimestre qui n’a pas encore commencé\u00a0: rien n’y est encore attendu ' +
        '(colonne «\u00a0Trimestre\u00a0»).',
    );
    expect([4, 5, 6].map((row) => sheet.rows[row]!.cells[3]!.value)).toEqual([
      '2027-T3 (pas encore commencé)',
      second.quarter,
      '2031-T1 (pas encore commencé)',
    ]);
  });

  it('after its convention’s end, is said to be so, not « not begun »: the convention is over', () => {
    const after = {
      ...consolidation,
      territories: [{ ...first, quarter: '2031-T1', quarterOutside: 'after' as const, quarterNotBegun: true }],
    };
    const sheet = territoriesSheet(after);
    expect(sheet.rows[4]!.cells[3]!.value).toBe(
      '2031-T1 (après la fin de sa convention, dont le dernier trimestre est 2030-T4)',
    );
    expect(String(sheet.rows[1]!.cells[0]!.value)).toContain(
      '1 territoire est mesuré hors de sa convention\u00a0: voir la colonne «\u00a0Trimestre\u00a0».',
    );
  });

  it('before its convention, is said to be so: nothing is expected there, begun or not', () => {
    const before = {
      ...consolidation,
      territories: [{ ...first, quarter: '2025-T4', quarterOutside: 'before' as const, quarterNotBegun: true }],
    };
    const sheet = territoriesSheet(before);
    expect(sheet.rows[4]!.cells[3]!.value).toBe(
      '2025-T4 (avant le début de sa convention, dont le premier trimestre est 2026-T1)',
    );
    expect(String(sheet.rows[1]!.cells[0]!.value)).toContain(
      '1 territoire est mesuré hors de sa convention\u00a0: voir la colonne «\u00a0Trimestre\u00a0».',
    );
  });
});

describe('territories whose text the conversion of their .ods or .xls cut', () => {
  it('are said in their Fichier, where the text is, and A2 says how many', () => {
    const [first, second, third] = consolidation.territories;
    const cut = {
      ...consolidation,
      territories: [
        { ...first, file: 'pilat.ods', textCut: { sheet: 'Axe 1', cell: 'M7', from: 'ods' as const } },
        second,
        { ...third, file: 'gier.xls', textCut: { sheet: 'Paramètres', cell: 'B3', from: 'xls' as const } },
      ],
    };
    const sheet = buildConsolidationWorkbook(cut, { writtenAt }).sheets[1];
    expect([4, 5, 6].map((row) => sheet.rows[row]!.cells[2]!.value)).toEqual([
      'pilat.ods (texte coupé à la conversion de LibreOffice\u00a0: feuille «\u00a0Axe 1\u00a0», cellule M7)',
      second.file,
      'gier.xls (texte coupé à la conversion de LibreOffice\u00a0: feuille «\u00a0Paramètres\u00a0», cellule B3)',
    ]);
    expect(String(sheet.rows[1]!.cells[0]!.value)).toContain(
      '2 territoires ont un texte coupé à la conversion de LibreOffice\u00a0: voir la colonne «\u00a0Fichier\u00a0».',
    );
    expect(
      String(buildConsolidationWorkbook(consolidation, { writtenAt }).sheets[1].rows[1]!.cells[0]!.value),
    ).not.toContain('coupé');
  });
});

describe('territories counted without columns no figure reads', () => {
  it('say it once in their Fichier, naming the columns by sheet', () => {
    const [first, second, third] = consolidation.territories;
    const missing = (sheet: string, column: string) => ({ sheet, column, reason: `${sheet} : ${column}` });
    const lacking = {
      ...consolidation,
      territories: [
        { ...first, file: 'pilat.xlsx', missingColumns: [missing('Axe 1', 'Commentaire')] },
        {
          ...second,
          file: 'forez.xlsx',
          missingColumns: [missing('Axe 1', 'Commentaire'), missing('Axe 1', 'Budget'), missing('Axe 1', 'Intérêt')],
        },
        {
          ...third,
          file: 'gier.xlsx',
          missingColumns: [
            missing('Axe 1', 'Commentaire'),
            missing('Axe 1', 'Budget'),
            missing('Axe 2', 'Commentaire'),
          ],
        },
      ],
    };
    const sheet = buildConsolidationWorkbook(lacking, { writtenAt }).sheets[1];
    const q = (text: string) => `«\u00a0${text}\u00a0»`;
    expect([4, 5, 6].map((row) => sheet.rows[row]!.cells[2]!.value)).toEqual([
      `pilat.xlsx (colonne ${q('Commentaire')} de la feuille ${q('Axe 1')} manquante\u00a0: à remettre par le territoire)`,
      `forez.xlsx (colonnes ${q('Commentaire')}, ${q('Budget')} et ${q('Intérêt')} de la feuille ${q('Axe 1')} ` +
        'manquantes\u00a0: à remettre par le territoire)',
      `gier.xlsx (colonnes ${q('Commentaire')} et ${q('Budget')} de la feuille ${q('Axe 1')}, ${q('Commentaire')} de ` +
        `la feuille ${q('Axe 2')} manquantes\u00a0: à remettre par le territoire)`,
    ]);
    expect(String(sheet.rows[1]!.cells[0]!.value)).toContain(
      '3 territoires sont comptés sans une colonne de leur classeur',
    );
  });
});

describe('territories measured outside their convention at their own quarter, and many of them', () => {
  const [first, second, third] = consolidation.territories;
  const territoriesSheet = (changed: typeof consolidation) =>
    buildConsolidationWorkbook(changed, { writtenAt }).sheets[1];
  const a2 = (changed: typeof consolidation) => String(territoriesSheet(changed).rows[1]!.cells[0]!.value);

  it('marks each on its row with its own quarter when no quarter was given to all', () => {
    const own = {
      ...consolidation,
      territories: [{ ...first, quarter: '2025-T4', quarterOutside: 'before' as const }, second, third],
    };
    expect(a2(own)).toContain(
      'Chaque territoire est mesuré à son trimestre en cours (colonne «\u00a0Trimestre\u00a0»). ' +
        'Consolidation écrite le 10/05/2027 à 11:30 (heure de Paris). ' +
        '1 territoire est mesuré hors de sa convention\u00a0: voir la colonne «\u00a0Trimestre\u00a0».',
    );
    expect(territoriesSheet(own).rows[4]!.cells[3]!.value).toBe(
      '2025-T4 (avant le début de sa convention, dont le premier trimestre est 2026-T1)',
    );
  });

  it('keeps A2 short however many there are: each is told on its own row', () => {
    const many = Array.from({ length: 1200 }, (_, index) => ({
      ...first,
      file: `t${index}.xlsx`,
      territory: `Communauté de communes numéro ${index + 1}`,
      quarter: '2031-T1',
      quarterOutside: 'after' as const,
    }));
    const text = a2({ ...consolidation, quarter: '2031-T1', territories: many });
    expect(text).toBe(
      'Tous les territoires sont mesurés au trimestre 2031-T1. Consolidation écrite le 10/05/2027 à 11:30 (heure de Paris). ' +
        '1\u00a0200 territoires sont mesurés hors de leur convention\u00a0: voir la colonne «\u00a0Trimestre\u00a0».',
    );
  });
});

describe('a text longer than a cell holds', () => {
  it('is written cut to Excel’s 32 767 characters, marked « … », so that Excel opens the file without repairing it', async () => {
    const reason = `Raison ${'x'.repeat(40_000)}`;
    const rejected = [{ file: 'long.xlsx', code: 'unexpected-error', reason }];
    const spec = buildConsolidationWorkbook({ ...consolidation, rejected }, { writtenAt });
    const read = gridsOf(await writeXlsx(spec));
    const written = read.sheets.find((candidate) => candidate.name === 'Fichiers écartés')!;
    const cell = written.rows
      .flatMap((row) => row ?? [])
      .find((found) => String(found?.value ?? '').startsWith('Raison x'));
    expect(String(cell?.value)).toHaveLength(32_767);
    expect(String(cell?.value).endsWith('…')).toBe(true);
  });
});

describe('the moment the consolidation was written', () => {
  // In Paris time, said so, as the reasons of its duplicates date the copies: one clock for every instant the Caf
  // reads in it, whatever the machine's zone (a machine in another zone: tests/cli/today-in-local-time.test.ts).
  it('is told in Paris time, to the minute, on either side of Paris’s midnight', () => {
    const written = (instant: string) =>
      String(buildConsolidationWorkbook(consolidation, { writtenAt: instant }).sheets[1].rows[1]!.cells[0]!.value);
    // 22:30 UTC is already the next day in Paris, when a machine in UTC or further west is still on 09/05.
    expect(written('2027-05-09T22:30:00.000Z')).toContain(
      'Consolidation écrite le 10/05/2027 à 00:30 (heure de Paris).',
    );
    expect(written('2027-05-09T21:30:00.000Z')).toContain(
      'Consolidation écrite le 09/05/2027 à 23:30 (heure de Paris).',
    );
  });
});
