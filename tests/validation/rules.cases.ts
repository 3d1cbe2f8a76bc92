import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage, type Issue } from '../../src/domain/issues';
import { namingWorkbook } from '../../src/cli/workbook-named';
import { issueCodes } from '../../src/domain/issue-codes';
import { validationIssueCodes } from '../../src/domain/issue-codes/validation';
import { settingsValueCell } from '../../src/layout/sheets/settings/settings-layout';
import {
  addressAt,
  addressOf,
  cleanGrids,
  columnIndex,
  GENERATION_DAY,
  headerRowIndex,
  rowIndex,
  setCellAt,
  setValue,
  sheet,
} from './clean-workbook';
import {
  AO_SHEET,
  aoAddress,
  aoColumnIndex,
  aoGrid,
  aoHeaderIndex,
  aoLabelRowIndex,
  aoRowIndex,
  HOLDER,
  setAoCell,
  setAoValue,
} from '../ao-sheet/ao-grid';

/**
 * Each rule of docs/WORKBOOK.md, « Issues », fires on a workbook broken on purpose for it, at the cell broken, and only
 * there: apart from the completeness warnings every fresh workbook has, the report holds exactly that issue.
 */

interface Expected {
  code: string;
  sheet: string | null;
  cell: string | null;
  rowKey?: string | null;
}

interface Case {
  name: string;
  /** Breaks the grids and says what the validator must report. */
  mutate: (grids: WorkbookGrids) => Expected;
  today?: Date;
}

const AXE1 = 'Axe 1';
const AXE3 = 'Axe 3';
/** The EPCI row of `Compétences AO` in the small plan. */
const EPCI = 'Communauté de communes test';

function nir(body13: string): string {
  const key = 97 - Number(BigInt(body13) % 97n);
  return `${body13}${String(key).padStart(2, '0')}`;
}

const cases: Case[] = [
  // Wrong types
  ...[120, -1, 50.5, '50', true].map((value): Case => ({
    name: `Avancement ${JSON.stringify(value)}`,
    mutate: (g) => ({
      code: 'progress-invalid',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1', 'Avancement (%)', value),
    }),
  })),
  {
    name: 'Référence as text',
    mutate: (g) => ({
      code: 'number-invalid',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN1', 'Référence', 'environ 10'),
    }),
  },
  {
    name: 'Cible past ±10¹², the bound of its data validation (a typing slip pasted in)',
    mutate: (g) => ({
      code: 'number-out-of-bounds',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN1', 'Cible', 1e13),
    }),
  },
  {
    name: 'a Quantitatif quarter past −10¹²',
    mutate: (g) => ({
      code: 'number-out-of-bounds',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN1', '2026-T1', -2e12),
    }),
  },
  {
    name: 'Cible as a number stored as text',
    mutate: (g) => ({ code: 'number-invalid', sheet: AXE3, cell: setValue(sheet(g, AXE3), 'PE1-QN1', 'Cible', '12') }),
  },
  ...['Commentaire', 'Difficultés'].map((header): Case => ({
    name: `an error value in ${header}`,
    mutate: (g) => ({
      code: 'text-is-error',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), header === 'Commentaire' ? 'G1-QN1' : 'G1', header, '#N/A', {
        isError: true,
        formula: 'VLOOKUP("x",A1:B2,2,FALSE)',
      }),
    }),
  })),
  ...['T3 2026', '2031-T1', 2026].map((value): Case => ({
    name: `Abandonnée en ${JSON.stringify(value)}`,
    mutate: (g) => ({
      code: 'abandoned-in-invalid',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1', 'Abandonnée en', value),
    }),
  })),
  // Statut and « Abandonnée en » disagreeing by hand (docs/WORKBOOK.md, « Abandoned fiches »): a warning at the quarter.
  ...['En cours', null].map((status): Case => ({
    name: `a quarter in « Abandonnée en » while Statut is ${status === null ? 'empty' : `« ${status} »`}`,
    mutate: (g) => {
      if (status) setValue(sheet(g, AXE1), 'G1', 'Statut', status);
      return {
        code: 'abandoned-in-status-mismatch',
        sheet: AXE1,
        cell: setValue(sheet(g, AXE1), 'G1', 'Abandonnée en', '2026-T2'),
        rowKey: 'G1',
      };
    },
  })),
  {
    name: 'Statut « Abandonnée » with « Abandonnée en » after Q',
    mutate: (g) => {
      setValue(sheet(g, AXE1), 'G1', 'Statut', 'Abandonnée');
      return {
        code: 'abandoned-in-status-mismatch',
        sheet: AXE1,
        cell: setValue(sheet(g, AXE1), 'G1', 'Abandonnée en', '2026-T4'),
        rowKey: 'G1',
      };
    },
  },
  {
    name: '« 15/03 » taken for a date in a Quantitatif quarter',
    mutate: (g) => ({
      code: 'number-is-date',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN1', '2026-T1', 46096, { isDate: true }),
    }),
  },
  {
    name: '« 85 % » in Cible',
    mutate: (g) => ({
      code: 'percent-read-as-fraction',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN1', 'Cible', 0.85, { isPercent: true }),
    }),
  },
  {
    name: 'a date typed as text',
    mutate: (g) => ({
      code: 'date-invalid',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G2', 'Dernière mise à jour', '12/03/2026'),
    }),
  },
  {
    name: 'a year typed as a number where a date goes (2026 is 18/07/1905)',
    mutate: (g) => ({
      code: 'date-invalid',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G2', 'Dernière mise à jour', 2026),
    }),
  },
  {
    name: 'a date after 2100 (it would make its copy the newest of a territory forever)',
    mutate: (g) => ({
      code: 'date-invalid',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G2', 'Dernière mise à jour', 109575, { isDate: true }),
    }),
  },
  {
    name: 'a « Dernière mise à jour » after today (a typo that would date its copy of the territory)',
    mutate: (g) => ({
      code: 'update-date-in-future',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G2', 'Dernière mise à jour', 72686, { isDate: true }), // 01/01/2099
    }),
  },
  {
    name: 'a champ d’intervention outside the convention vocabulary, which a consolidation counts apart',
    mutate: (g) => ({
      code: 'outside-convention-vocabulary',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1', "Champ(s) d'intervention", 'Parentalité'),
    }),
  },
  {
    name: 'a public outside the convention vocabulary',
    mutate: (g) => ({
      code: 'outside-convention-vocabulary',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G2', 'Public(s)', 'Famile'),
    }),
  },
  {
    name: 'a date column holding a word',
    mutate: (g) => ({
      code: 'date-invalid',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G2', 'Dernière mise à jour', 'hier'),
    }),
  },
  {
    name: 'text in a Quantitatif quarter',
    mutate: (g) => ({
      code: 'quarter-value-not-number',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN1', '2026-T1', 'une dizaine'),
    }),
  },
  {
    name: 'a number stored as text in a Quantitatif quarter',
    mutate: (g) => ({
      code: 'quarter-value-number-as-text',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN1', '2026-T2', '12'),
    }),
  },
  {
    name: 'a Qualitatif quarter outside the scale',
    mutate: (g) => ({
      code: 'quarter-value-not-in-scale',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QL1', '2026-T1', 'Bien'),
    }),
  },
  {
    name: 'a number in a Qualitatif quarter',
    mutate: (g) => ({
      code: 'quarter-value-not-in-scale',
      sheet: AXE3,
      cell: setValue(sheet(g, AXE3), 'PE1-QL1', '2026-T2', 3),
    }),
  },
  // Values outside lists
  {
    name: 'Statut outside the list',
    mutate: (g) => ({
      code: 'value-not-in-list',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G3', 'Statut', 'Terminée'),
    }),
  },
  {
    name: 'Fréquence outside the list',
    mutate: (g) => ({
      code: 'value-not-in-list',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G2-QN1', 'Fréquence', 'Mensuelle'),
    }),
  },
  {
    name: "Règle d'agrégation outside the list",
    mutate: (g) => ({
      code: 'value-not-in-list',
      sheet: AXE3,
      cell: setValue(sheet(g, AXE3), 'PE1-QN1', "Règle d'agrégation", 'Maximum'),
    }),
  },
  // Structure
  {
    name: 'a key changed',
    mutate: (g) => ({
      code: 'key-changed',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN2', 'Clé', 'G1-QN7'),
      rowKey: 'G1-QN7',
    }),
  },
  {
    name: 'a key erased',
    mutate: (g) => {
      const grid = sheet(g, AXE1);
      const cell = addressOf(grid, 'G2-QN1', 'Clé');
      setValue(grid, 'G2-QN1', 'Clé', null);
      return { code: 'empty-key', sheet: AXE1, cell, rowKey: 'G2-QN1' };
    },
  },
  {
    name: 'a row copied (duplicated key)',
    mutate: (g) => {
      const grid = sheet(g, AXE3);
      const copy = grid.rows[rowIndex(grid, 'PE1-QL1')].map((cell) => (cell ? { ...cell } : null));
      grid.rows.push(copy);
      return { code: 'duplicate-key', sheet: AXE3, cell: `A${grid.rows.length}`, rowKey: 'PE1-QL1' };
    },
  },
  {
    name: 'a row added by hand',
    mutate: (g) => {
      const grid = sheet(g, AXE3);
      const row = grid.rows.length;
      setCellAt(grid, row, columnIndex(grid, 'Clé'), { value: 'PE9' });
      setCellAt(grid, row, columnIndex(grid, 'Type'), { value: 'Fiche' });
      setCellAt(grid, row, columnIndex(grid, 'Intitulé'), { value: 'Nouvelle fiche' });
      return { code: 'unknown-key', sheet: AXE3, cell: addressAt(row, columnIndex(grid, 'Clé')), rowKey: 'PE9' };
    },
  },
  {
    name: 'a row deleted',
    mutate: (g) => {
      const grid = sheet(g, AXE1);
      grid.rows.splice(rowIndex(grid, 'G1-QL1'), 1);
      return { code: 'missing-row', sheet: AXE1, cell: null, rowKey: 'G1-QL1' };
    },
  },
  {
    name: 'a criterion moved under another fiche',
    mutate: (g) => {
      const grid = sheet(g, AXE1);
      const [moved] = grid.rows.splice(rowIndex(grid, 'G1-QN1'), 1);
      grid.rows.splice(rowIndex(grid, 'G2-QN1') + 1, 0, moved);
      return { code: 'axis-rows-out-of-order', sheet: AXE1, cell: addressOf(grid, 'G1-QN1', 'Clé'), rowKey: 'G1-QN1' };
    },
  },
  {
    name: 'a criterion cut into another axis sheet',
    mutate: (g) => {
      const from = sheet(g, AXE1);
      const to = sheet(g, AXE3);
      const [moved] = from.rows.splice(rowIndex(from, 'G1-QN1'), 1);
      to.rows.splice(rowIndex(to, 'PE1-QN1') + 1, 0, moved);
      return { code: 'criterion-outside-fiche', sheet: AXE3, cell: addressOf(to, 'G1-QN1', 'Clé'), rowKey: 'G1-QN1' };
    },
  },
  {
    name: 'a Type changed',
    mutate: (g) => ({
      code: 'wrong-row-type',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G2-QN1', 'Type', 'Qualitatif'),
      rowKey: 'G2-QN1',
    }),
  },
  {
    name: 'a criterion’s Intitulé cleared',
    mutate: (g) => ({
      code: 'criterion-title-empty',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G2-QN1', 'Intitulé', null),
      rowKey: 'G2-QN1',
    }),
  },
  {
    name: 'a note shaped like a key under the table, after an empty row',
    mutate: (g) => {
      const grid = sheet(g, AXE1);
      const row = grid.rows.length + 1;
      setCellAt(grid, row, 0, { value: 'T4' });
      return { code: 'note-like-row', sheet: AXE1, cell: addressAt(row, 0) };
    },
  },
  {
    name: 'a column header renamed',
    mutate: (g) => {
      const grid = sheet(g, AXE3);
      const header = headerRowIndex(grid);
      const column = columnIndex(grid, 'Unité');
      setCellAt(grid, header, column, null);
      return { code: 'missing-column', sheet: AXE3, cell: null };
    },
  },
  {
    name: 'a column added',
    mutate: (g) => {
      const grid = sheet(g, AXE1);
      const header = headerRowIndex(grid);
      const column = grid.rows[header].length;
      setCellAt(grid, header, column, { value: 'Notes' });
      return { code: 'unknown-column', sheet: AXE1, cell: addressAt(header, column) };
    },
  },
  {
    name: 'a value typed in a grey cell of a fiche row (Unité)',
    mutate: (g) => ({
      code: 'grey-cell-value',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1', 'Unité', 'familles'),
      rowKey: 'G1',
    }),
  },
  {
    name: 'a value typed in a grey cell of a criterion row (Statut)',
    mutate: (g) => ({
      code: 'grey-cell-value',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN1', 'Statut', 'En cours'),
      rowKey: 'G1-QN1',
    }),
  },
  {
    name: 'two quarter cells merged: the second, hidden, reads empty and cannot be filled',
    mutate: (g) => {
      const axis = sheet(g, AXE1);
      const first = addressOf(axis, 'G1-QN1', '2026-T1');
      axis.mergedRanges = [`${first}:${addressOf(axis, 'G1-QN1', '2026-T2')}`];
      return { code: 'merged-cells', sheet: AXE1, cell: first, rowKey: 'G1-QN1' };
    },
  },
  {
    name: 'a fiche’s last field merged over grey cells it does not use (nothing hidden is read)',
    mutate: (g) => {
      const axis = sheet(g, AXE1);
      const first = addressOf(axis, 'G1', 'Mis à jour par (structure)');
      axis.mergedRanges = [`${first}:${addressOf(axis, 'G1', 'Unité')}`];
      return { code: 'merged-unused-cells', sheet: AXE1, cell: first, rowKey: 'G1' };
    },
  },
  {
    name: 'a value typed over a rate formula (it would be replaced by the formula)',
    mutate: (g) => ({
      code: 'value-in-computed-cell',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN1', 'Renseignement cumulé', 0.3),
      rowKey: 'G1-QN1',
    }),
  },
  {
    name: 'a formula with its result in an input cell (a rewrite would keep the result only)',
    mutate: (g) => ({
      code: 'formula-in-input-cell',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1', 'Difficultés', 'G1 à voir', { formula: 'A4&" à voir"' }),
      rowKey: 'G1',
    }),
  },
  {
    name: 'a formula with its result in a quarter cell',
    mutate: (g) => ({
      code: 'formula-in-input-cell',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN1', '2026-T1', 5, { formula: '2+3' }),
      rowKey: 'G1-QN1',
    }),
  },
  {
    name: 'a column header typed twice',
    mutate: (g) => {
      const grid = sheet(g, AXE1);
      const header = headerRowIndex(grid);
      const column = grid.rows[header].length + 1;
      setCellAt(grid, header, column, { value: 'Cible' });
      return { code: 'duplicate-column', sheet: AXE1, cell: addressAt(header, column) };
    },
  },
  {
    name: 'the Clé header lost',
    mutate: (g) => {
      const grid = sheet(g, AXE3);
      setCellAt(grid, headerRowIndex(grid), columnIndex(grid, 'Clé'), { value: 'Code' });
      return { code: 'missing-header-row', sheet: AXE3, cell: null };
    },
  },
  {
    name: 'Paramètres deleted',
    mutate: (g) => {
      g.sheets = g.sheets.filter((s) => s.name !== 'Paramètres');
      return { code: 'missing-sheet', sheet: 'Paramètres', cell: null };
    },
  },
  {
    name: 'a current quarter that is not AAAA-Tn',
    mutate: (g) => {
      const cell = settingsValueCell('currentQuarter');
      const grid = sheet(g, 'Paramètres');
      const match = /^([A-Z]+)(\d+)$/.exec(cell)!;
      setCellAt(grid, Number(match[2]) - 1, match[1].charCodeAt(0) - 65, { value: '2026-T5' });
      return { code: 'current-quarter-invalid', sheet: 'Paramètres', cell };
    },
  },
  {
    name: 'a current quarter after the convention',
    mutate: (g) => {
      const cell = settingsValueCell('currentQuarter');
      const match = /^([A-Z]+)(\d+)$/.exec(cell)!;
      setCellAt(sheet(g, 'Paramètres'), Number(match[2]) - 1, match[1].charCodeAt(0) - 65, { value: '2031-T1' });
      return { code: 'current-quarter-invalid', sheet: 'Paramètres', cell };
    },
  },
  {
    name: 'Paramètres: the current quarter as a formula with its result (a rewrite would keep the result only)',
    mutate: (g) => {
      const cell = settingsValueCell('currentQuarter');
      const match = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const [row, column] = [Number(match[2]) - 1, match[1].charCodeAt(0) - 65];
      const grid = sheet(g, 'Paramètres');
      const current = String(grid.rows[row][column]!.value);
      setCellAt(grid, row, column, { value: current, formula: `"${current.slice(0, 6)}"&"${current.slice(6)}"` });
      return { code: 'formula-in-input-cell', sheet: 'Paramètres', cell };
    },
  },
  {
    name: 'Paramètres: the start of the convention as a formula with its result',
    mutate: (g) => {
      const cell = settingsValueCell('periodStart');
      const match = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const [row, column] = [Number(match[2]) - 1, match[1].charCodeAt(0) - 65];
      const grid = sheet(g, 'Paramètres');
      setCellAt(grid, row, column, { ...grid.rows[row][column]!, formula: 'DATE(2026,1,1)' });
      return { code: 'formula-in-input-cell', sheet: 'Paramètres', cell };
    },
  },
  {
    name: 'Paramètres: the territory typed over (a rewrite would put back the name _ctg records)',
    mutate: (g) => {
      const cell = settingsValueCell('territory');
      const match = /^([A-Z]+)(\d+)$/.exec(cell)!;
      setCellAt(sheet(g, 'Paramètres'), Number(match[2]) - 1, match[1].charCodeAt(0) - 65, { value: 'Pilat Est' });
      return { code: 'settings-territory-mismatch', sheet: 'Paramètres', cell };
    },
  },
  {
    name: '_ctg: a note typed beside its values (every rewrite writes the sheet again whole: it would be lost)',
    mutate: (g) => {
      setCellAt(sheet(g, '_ctg'), 1, 7, { value: 'à garder' });
      return { code: 'ctg-cell-typed', sheet: '_ctg', cell: 'H2' };
    },
  },
  // Warnings
  {
    name: 'a value after Q',
    mutate: (g) => ({
      code: 'value-after-current-quarter',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1-QN1', '2027-T1', 4),
    }),
  },
  {
    name: 'the Public(s) column of Axe 3 emptied for its one fiche, as the other axis sheet fills it',
    mutate: (g) => ({
      code: 'plan-column-emptied',
      sheet: AXE3,
      cell: setValue(sheet(g, AXE3), 'PE1', 'Public(s)', null),
    }),
  },
  {
    name: 'Réalisée without any value',
    mutate: (g) => ({
      code: 'done-without-values',
      sheet: AXE3,
      cell: setValue(sheet(g, AXE3), 'PE1', 'Statut', 'Réalisée'),
      rowKey: 'PE1',
    }),
  },
  {
    name: 'Q lagging behind today',
    today: new Date(2027, 1, 1),
    mutate: () => ({ code: 'current-quarter-lagging', sheet: 'Paramètres', cell: settingsValueCell('currentQuarter') }),
  },
  {
    name: 'an e-mail address in Mise en œuvre',
    mutate: (g) => ({
      code: 'personal-data',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G1', 'Mise en œuvre', 'Contact : marie.dupont@example.fr'),
    }),
  },
  {
    name: 'a phone number in Difficultés',
    mutate: (g) => ({
      code: 'personal-data',
      sheet: AXE1,
      cell: setValue(sheet(g, AXE1), 'G2', 'Difficultés', 'Famille à rappeler au 06 12 34 56 78'),
    }),
  },
  {
    name: 'a social security number in Commentaire',
    mutate: (g) => ({
      code: 'personal-data',
      sheet: AXE3,
      cell: setValue(sheet(g, AXE3), 'PE1-QN1', 'Commentaire', `Dossier ${nir('2850578006084')}`),
    }),
  },
  {
    name: 'an e-mail address kept in Historique that the tracking no longer holds',
    mutate: (g) => {
      const record = ['2026-T1', 'PE1-QN1', 'Commentaire', 'Voir avec marie.dupont@example.fr', '2026-04-02T10:00:00Z'];
      record.forEach((value, column) => setCellAt(sheet(g, 'Historique'), 1, column, { value }));
      return { code: 'personal-data-in-records', sheet: 'Historique', cell: 'D2', rowKey: 'PE1-QN1' };
    },
  },
  {
    name: 'the Guide’s title typed over, which the next rewrite puts back',
    mutate: (g) => {
      setCellAt(sheet(g, 'Guide'), 0, 0, { value: 'Guide (version du COPIL)' });
      return { code: 'tool-text-typed-over', sheet: 'Guide', cell: 'A1' };
    },
  },
  {
    name: 'an axis title changed in its sheet, which Annexe 4 shows from the next rewrite',
    mutate: (g) => {
      setCellAt(sheet(g, AXE1), 0, 0, { value: 'Axe 1 – Gouvernance (COPIL)' });
      const annexe = sheet(g, 'Annexe 4 \u2013 Suivi');
      const row = annexe.rows.findIndex((cells) => cells?.[0]?.value === AXE1);
      return { code: 'copied-text-outdated', sheet: annexe.name, cell: addressAt(row, 1) };
    },
  },
  // Compétences AO (the small plan has only its EPCI row: a commune row is written in for the total check)
  {
    name: 'AO header row lost',
    mutate: (g) => {
      setAoCell(aoGrid(g), aoHeaderIndex(aoGrid(g)), 0, 'Noms');
      return { code: 'ao-header-missing', sheet: AO_SHEET, cell: null };
    },
  },
  {
    name: 'AO declared population as text',
    mutate: (g) => {
      const grid = aoGrid(g);
      const row = aoLabelRowIndex(grid, 'Population totale déclarée');
      const cell = setAoCell(grid, row, aoColumnIndex(grid, 'Population (INSEE)'), 'environ 15 000');
      return { code: 'ao-population-invalid', sheet: AO_SHEET, cell };
    },
  },
  {
    name: 'AO declared population typed as a date (46 023 inhabitants to the formulas)',
    mutate: (g) => {
      const grid = aoGrid(g);
      const row = aoLabelRowIndex(grid, 'Population totale déclarée');
      const column = aoColumnIndex(grid, 'Population (INSEE)');
      grid.rows[row][column] = { value: 46023, isDate: true };
      return { code: 'ao-population-invalid', sheet: AO_SHEET, cell: aoAddress(row, column) };
    },
  },
  {
    name: 'AO declared population past ±10¹²',
    mutate: (g) => {
      const grid = aoGrid(g);
      const row = aoLabelRowIndex(grid, 'Population totale déclarée');
      const cell = setAoCell(grid, row, aoColumnIndex(grid, 'Population (INSEE)'), 1e13);
      return { code: 'ao-population-invalid', sheet: AO_SHEET, cell };
    },
  },
  {
    name: 'AO: a population typed in the EPCI row, a grey cell the rewrite writes empty',
    mutate: (g) => {
      const grid = aoGrid(g);
      const cell = setAoValue(grid, EPCI, 'Population (INSEE)', 16700);
      return { code: 'grey-cell-value', sheet: AO_SHEET, cell };
    },
  },
  {
    name: 'AO: a « Sous-total » row between the EPCI and a commune',
    mutate: (g) => {
      const grid = aoGrid(g);
      const epci = aoRowIndex(grid, EPCI);
      const commune = grid.rows[epci].map((cell, index) =>
        index === 0 ? { value: 'Commune test' } : index === 1 ? { value: 'Commune' } : cell,
      );
      grid.rows.splice(epci + 1, 0, [{ value: 'Sous-total' }], commune);
      return { code: 'ao-row-unrecognised', sheet: AO_SHEET, cell: aoAddress(epci + 1, 0) };
    },
  },
  {
    name: 'AO population: a formula saved without its result',
    mutate: (g) => {
      const grid = aoGrid(g);
      const row = aoLabelRowIndex(grid, 'Population totale déclarée');
      const column = aoColumnIndex(grid, 'Population (INSEE)');
      grid.rows[row][column] = { value: null, formula: 'A1+1', uncalculated: true };
      return { code: 'formula-without-value', sheet: AO_SHEET, cell: aoAddress(row, column) };
    },
  },
  {
    name: 'AO holder: a formula with its result',
    mutate: (g) => {
      const grid = aoGrid(g);
      const row = aoRowIndex(grid, EPCI);
      const column = aoColumnIndex(grid, 'Recenser les besoins');
      grid.rows[row][column] = { value: HOLDER.all, formula: 'E9' };
      return { code: 'formula-in-input-cell', sheet: AO_SHEET, cell: aoAddress(row, column) };
    },
  },
  {
    name: 'AO declared population: a formula with its result',
    mutate: (g) => {
      const grid = aoGrid(g);
      const row = aoLabelRowIndex(grid, 'Population totale déclarée');
      const column = aoColumnIndex(grid, 'Population (INSEE)');
      grid.rows[row][column] = { value: 15431, formula: '15000+431' };
      return { code: 'formula-in-input-cell', sheet: AO_SHEET, cell: aoAddress(row, column) };
    },
  },
  {
    name: 'AO holder outside its list',
    mutate: (g) => ({
      code: 'ao-value-not-in-list',
      sheet: AO_SHEET,
      cell: setAoValue(aoGrid(g), EPCI, 'Recenser les besoins', 'Oui'),
    }),
  },
  {
    name: 'AO: an EPCI of more than 10 000 inhabitants without RPE',
    mutate: (g) => {
      const grid = aoGrid(g);
      setAoValue(grid, EPCI, 'Soutenir la qualité', HOLDER.all);
      setAoCell(
        grid,
        aoLabelRowIndex(grid, 'Population totale déclarée'),
        aoColumnIndex(grid, 'Population (INSEE)'),
        12000,
      );
      return { code: 'ao-requirement-not-met', sheet: AO_SHEET, cell: setAoValue(grid, EPCI, 'RPE existant', 'Non') };
    },
  },
  {
    name: 'AO populations above the declared total',
    mutate: (g) => {
      const grid = aoGrid(g);
      const row = aoRowIndex(grid, EPCI) + 1;
      grid.rows[row] = [];
      setAoCell(grid, row, 0, 'Commune A');
      setAoCell(grid, row, aoColumnIndex(grid, 'Type'), 'Commune');
      setAoCell(grid, row, aoColumnIndex(grid, 'Population (INSEE)'), 500);
      setAoCell(grid, row, aoColumnIndex(grid, "Planifier l'offre d'accueil"), HOLDER.all);
      const population = aoColumnIndex(grid, 'Population (INSEE)');
      setAoCell(grid, aoLabelRowIndex(grid, 'Population totale déclarée'), population, 400);
      const check = aoLabelRowIndex(grid, 'Contrôle');
      return { code: 'ao-population-total-mismatch', sheet: AO_SHEET, cell: aoAddress(check, population) };
    },
  },
  {
    name: 'AO sheet deleted',
    mutate: (g) => {
      g.sheets = g.sheets.filter((s) => s.name !== AO_SHEET);
      return { code: 'missing-sheet', sheet: AO_SHEET, cell: null };
    },
  },
  {
    name: 'not a tracking workbook',
    mutate: (g) => {
      g.sheets = g.sheets.filter((s) => s.name !== '_ctg');
      return { code: 'not-a-tracking-workbook', sheet: null, cell: null };
    },
  },
];

const beyondBaseline = (issues: Issue[]) => issues.filter((issue) => issue.code !== 'incomplete-current-quarter');

describe('a freshly generated workbook', () => {
  it('has no error and no warning but completeness', async () => {
    const report = await validateGrids(await cleanGrids(), { today: GENERATION_DAY });
    expect(report.readable).toBe(true);
    expect(report.errors).toBe(0);
    expect(report.issues.length).toBeGreaterThan(0);
    expect(beyondBaseline(report.issues)).toEqual([]);
  });
});

describe('each rule fires on the cell broken for it, and only there', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const grids = await cleanGrids();
    const expected = testCase.mutate(grids);
    const report = await validateGrids(grids, { today: testCase.today ?? GENERATION_DAY });
    const found = beyondBaseline(report.issues).map(({ code, sheet: s, cell, rowKey }) => ({
      code,
      sheet: s,
      cell,
      ...(expected.rowKey !== undefined ? { rowKey } : {}),
    }));
    expect(found).toEqual([expected]);
    const issue = beyondBaseline(report.issues)[0];
    expect(issue.severity).toBe(issueCodes[issue.code].severity);
    const message = renderIssueMessage(issue);
    expect(message).not.toMatch(/Problème non décrit|undefined|null/);
    if (issue.cell) expect(message).toContain(`cellule ${issue.cell}`);
  });

  it('covers every code of the table but completeness (below), the unreadable period, the Paramètres/_ctg/record readers (tested with them in tests/layout); the rewrites’ codes are tested with them (tests/app, tests/rewrite)', async () => {
    const covered = new Set<string>();
    for (const testCase of cases) covered.add(testCase.mutate(await cleanGrids()).code);
    const untested = Object.keys(validationIssueCodes).filter((code) => !covered.has(code));
    expect(untested.sort()).toEqual([
      // A malformed line of Contributions: tests/rewrite/contributions.cases.ts
      'contribution-row-invalid',
      'ctg-fingerprint-mismatch',
      'ctg-format-version-missing',
      // A key's type changed by hand in the key list: tests/rewrite/ctg-key-list-type-changed.cases.ts
      'ctg-key-list-invalid',
      // The convention dates changed by hand: tests/typed-input/convention-dates.cases.ts
      'ctg-period-changed',
      // A retired key's key or type changed by hand: tests/rewrite/ctg-typed-under-retired-keys.cases.ts
      'ctg-retired-key-changed',
      // A row of the retired keys emptied by hand: tests/rewrite/ctg-cleared-retired-row.cases.ts
      'ctg-retired-key-cleared',
      'format-too-new',
      'incomplete-current-quarter',
      'period-unreadable',
      // A formula typed over a record's cell: tests/rewrite/record-sheet-notes.cases.ts
      'record-cell-formula',
      // A column inserted among a record sheet's: tests/cli/validate-record-sheets.cases.ts,
      // tests/rewrite/record-sheet-notes.cases.ts
      'record-column-inserted',
      'record-header-missing',
      // A note typed under or between the lines of a record sheet: tests/rewrite/record-sheet-notes.cases.ts
      'record-line-not-a-record',
      'settings-date-invalid',
      // A Paramètres label typed over: tests/layout/settings-read.cases.ts, tests/rewrite/tool-texts.cases.ts
      'settings-label-edited',
      'settings-label-missing',
      // A row inserted in Paramètres: tests/typed-input/messages.cases.ts
      'settings-label-moved',
      // A value of a Paramètres list changed: tests/layout/settings-read.cases.ts, tests/rewrite/tool-texts.cases.ts
      'settings-list-value-changed',
      'settings-period-mismatch',
      'settings-quarter-invalid',
      'settings-quarter-outside-period',
      'settings-siren-invalid',
    ]);
  });
});

describe('a row whose key was erased and whose Type is wrong', () => {
  it('says the key is missing, which one to type back, and the type it gives', async () => {
    const grids = await cleanGrids();
    const grid = sheet(grids, AXE1);
    const typeCell = addressOf(grid, 'G2-QN1', 'Type');
    setValue(grid, 'G2-QN1', 'Type', 'Qualitatif');
    setValue(grid, 'G2-QN1', 'Clé', null);
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    const wrongType = report.issues.filter((issue) => issue.code === 'wrong-row-type');
    expect(wrongType.map((issue) => issue.cell)).toEqual([typeCell]);
    const message = renderIssueMessage(wrongType[0]);
    expect(message).not.toContain('cette clé');
    expect(message).toMatch(/clé de cette ligne a été effacée.*Remettez «\sG2-QN1\s» dans la colonne «\sClé\s»/);
    expect(message).toMatch(/«\sQuantitatif\s» dans la colonne «\sType\s»/);
  });
});

describe('the territory typed over in Paramètres', () => {
  it('says what to do whether the workbook is that territory’s or a copy made for another one', async () => {
    // A copy renamed for another territory, told only « Remettez » the recorded name, became a copy of the first
    // territory for the consolidation, which then left it out of its totals: the advice names both cases, and the
    // way for a copy to get its own name (put back the name, then regenerate from its own convention's text).
    const grids = await cleanGrids();
    const cell = settingsValueCell('territory');
    const match = /^([A-Z]+)(\d+)$/.exec(cell)!;
    setCellAt(sheet(grids, 'Paramètres'), Number(match[2]) - 1, match[1].charCodeAt(0) - 65, { value: 'Pilat Est' });
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    const issue = report.issues.find((one) => one.code === 'settings-territory-mismatch')!;
    expect(renderIssueMessage(issue).replace(/\u00a0/g, ' ')).toBe(
      `Paramètres, cellule ${cell} : le territoire « Pilat Est » n’est plus celui enregistré par l’outil ` +
        '(« Territoire test ») : il a été modifié à la main. Si ce classeur est celui de « Territoire test », ' +
        'remettez « Territoire test » ; son nom se change dans le texte du plan, puis en régénérant le classeur. ' +
        'S’il a été copié pour en faire celui d’un autre territoire, remettez d’abord « Territoire test », puis ' +
        'régénérez-le depuis le texte de la convention de ce territoire (« npx ctg-suivi generate --plan ' +
        'convention.txt -o suivi.xlsx --force »), qui lui donne son nom : jusque-là, pour l’outil et pour la ' +
        'consolidation de la Caf, il reste une copie du classeur de « Territoire test ». Le classeur n’est pas ' +
        'réécrit d’ici là.',
    );
    // `validate pilat-est.xlsx` gives the command on the file it checked, to copy as it is.
    expect(renderIssueMessage(namingWorkbook(issue, 'pilat-est.xlsx')).replace(/\u00a0/g, ' ')).toContain(
      '(« npx ctg-suivi generate --plan convention.txt -o pilat-est.xlsx --force »)',
    );
  });

  it('says that a copy with its own SIREN is counted apart by the consolidation, unless it shares that SIREN', async () => {
    // Copies are joined by a valid SIREN or a name, not by the recorded name once the copy has a SIREN
    // (territory-copies.ts): « a copy of « Territoire test » for the consolidation » would be untrue.
    const grids = await cleanGrids();
    for (const [field, value] of [
      ['territory', 'Pilat Est'],
      ['epciSiren', '200 000 099'],
    ] as const) {
      const match = /^([A-Z]+)(\d+)$/.exec(settingsValueCell(field))!;
      setCellAt(sheet(grids, 'Paramètres'), Number(match[2]) - 1, match[1].charCodeAt(0) - 65, { value });
    }
    const report = await validateGrids(grids, { today: GENERATION_DAY });
    const issue = report.issues.find((one) => one.code === 'settings-territory-mismatch')!;
    const message = renderIssueMessage(issue).replace(/\u00a0/g, ' ');
    expect(message).toContain(
      'qui lui donne son nom : jusque-là, pour l’outil, il reste une copie du classeur de « Territoire test ». La ' +
        `consolidation de la Caf le compte déjà comme un territoire à part, par son SIREN (« 200 000 099 », cellule ` +
        `${settingsValueCell('epciSiren')}), sauf si le classeur de « Territoire test » porte le même. Le classeur ` +
        'n’est pas réécrit d’ici là.',
    );
    expect(message).not.toContain('pour la consolidation de la Caf, il reste une copie');
  });
});
