import { groupedIssues } from '../../src/domain/messages/grouped-issues';
import { createIssue, type Issue } from '../../src/domain/issues';

/**
 * A report's refusals of one kind past the first five are counted on one line that says where they are
 * (src/domain/messages/grouped-issues.ts): the rows it names are where they are, never rows that hold none.
 */

const formulaAt = (sheet: string, cell: string): { source: string; issue: Issue } => ({
  source: 'retour.xlsx',
  issue: createIssue('merge-formula', { sheet, cell }, { formula: 'A1+1' }),
});

const moreLines = (items: ReturnType<typeof formulaAt>[]) =>
  groupedIssues(items).flatMap((line) => ('more' in line ? [line.more] : []));

it('names the rows of the others as a span when they follow one another', () => {
  const items = [10, 11, 12, 13, 14, 15, 16, 17].map((row) => formulaAt('Axe 1', `C${row}`));
  expect(moreLines(items)).toEqual(['… et 3 autres cellules contenant une formule (Axe 1, lignes 15 à 17).']);
});

it('does not name rows between the others that hold none of them as theirs', () => {
  const items = [10, 11, 12, 13, 14, 50, 900].map((row) => formulaAt('Axe 1', `C${row}`));
  expect(moreLines(items)).toEqual(['… et 2 autres cellules contenant une formule (Axe 1, lignes 50 et 900).']);
  const spread = [10, 11, 12, 13, 14, 50, 51, 900, 1200].map((row) => formulaAt('Axe 1', `C${row}`));
  expect(moreLines(spread)).toEqual([
    '… et 4 autres cellules contenant une formule (Axe 1, entre les lignes 50 et 1\u00a0200).',
  ]);
});

it('counts two cells of one row once in the rows it names', () => {
  const items = ['C10', 'D10', 'E10', 'F10', 'G10', 'C11', 'D11', 'C12'].map((cell) => formulaAt('Axe 1', cell));
  expect(moreLines(items)).toEqual(['… et 3 autres cellules contenant une formule (Axe 1, lignes 11 et 12).']);
});

it('names each sheet the others are on, a sheet without their cell by its name alone, a whole merge by nothing', () => {
  const items = [
    ...[10, 11, 12, 13, 14, 15, 16].map((row) => formulaAt('Axe 1', `C${row}`)),
    formulaAt('Axe 2', 'D4'),
    { source: 'retour.xlsx', issue: createIssue('merge-formula', { sheet: 'Axe 3', cell: null }, {}) },
  ];
  expect(moreLines(items)).toEqual([
    '… et 4 autres cellules contenant une formule (Axe 1, lignes 15 et 16\u00a0; Axe 2, ligne 4\u00a0; Axe 3).',
  ]);
  const takes = Array.from({ length: 7 }, (_, index) => ({
    source: '',
    issue: createIssue('merge-take-unused', { sheet: null, cell: null }, { take: `G1-QN${index}:2026-T1` }),
  }));
  expect(groupedIssues(takes).flatMap((line) => ('more' in line ? [line.more] : []))).toEqual([
    '… et 2 autres choix qui ne correspondent à aucun conflit.',
  ]);
});
