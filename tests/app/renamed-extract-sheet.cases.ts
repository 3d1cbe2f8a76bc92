import { sampleExtractGrids } from './sample-extract';
import { validateGrids, type ValidationReport } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessageFor } from '../../src/domain/issues';
import { sheet, typeInto, type Entry } from '../rewrite/helpers';

const today = new Date('2026-05-10T09:00:00Z');

/**
 * A returned extract whose axis sheet its recipient renamed (docs/WORKBOOK.md, « Extracts »): the merge reads any
 * sheet with a `Clé` table, renamed or not, so checking the file before the merge says the same: the sheet is
 * checked under its new name, cell by cell, and a warning says the merge reads it anyway. Where the merge cannot read
 * the table (the sheet deleted, or renamed as one of the tools' own sheets, which the merge never reads), the
 * missing sheet stays an error.
 */
describe('a returned extract whose axis sheet was renamed', () => {
  let extract: WorkbookGrids;

  beforeAll(async () => {
    extract = await sampleExtractGrids('CCMP', today);
  }, 30_000);

  /** The extract with values typed in, its `Axe 1` then renamed `name`; `copied`: a row key whose row is pasted below. */
  function returned(entries: readonly Entry[], name: string, copied?: string): WorkbookGrids {
    const grids = typeInto(extract, entries);
    const axis = sheet(grids, 'Axe 1');
    const row = axis.rows.find((cells) => cells?.[0]?.value === copied);
    if (row) axis.rows = [...axis.rows, [...row]];
    axis.name = name;
    return grids;
  }

  /** Each issue as `severity code sheet!cell`, to compare two reports. */
  const issuesOf = (report: ValidationReport) =>
    report.issues.map((issue) => `${issue.severity} ${issue.code} ${issue.sheet}!${issue.cell}`);

  it('is no error: a warning on the renamed sheet says the merge reads it anyway', async () => {
    const report = await validateGrids(returned([{ key: 'G1', header: 'Statut', value: 'En cours' }], 'Mes fiches'), {
      today,
    });

    expect(report.errors).toBe(0);
    expect(report.issues.filter((issue) => issue.code === 'missing-sheet')).toEqual([]);
    const said = report.issues.filter((issue) => issue.code === 'extract-sheet-renamed');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ severity: 'warning', sheet: 'Mes fiches', cell: null });
    for (const surface of ['command-line', 'task-pane'] as const) {
      expect(renderIssueMessageFor(surface, said[0])).toBe(
        'La feuille «\u00a0Mes fiches\u00a0» est la feuille «\u00a0Axe 1\u00a0» de l’extrait, renommée\u00a0: la ' +
          'fusion la lit quand même, chaque ligne par sa clé, et le nom ne fait rien perdre.',
      );
    }
  });

  it('has its cells checked as the same sheet not renamed, each issue under its new name', async () => {
    const entries: Entry[] = [
      { key: 'G1-QN1', header: '2026-T1', value: 'beaucoup' },
      { key: 'G1', header: 'Statut', value: 'Commencée' },
      { key: 'G1-QL1', header: '2026-T1', value: '=A1' },
    ];
    const asSent = issuesOf(await validateGrids(returned(entries, 'Axe 1', 'G1-QN1'), { today }));
    const renamed = await validateGrids(returned(entries, 'Mes fiches', 'G1-QN1'), { today });

    // Something to compare: the typed values are errors on the sheet as sent.
    expect(asSent.filter((issue) => issue.startsWith('error ') && issue.includes(' Axe 1!')).length).toBeGreaterThan(1);
    expect(asSent).toContainEqual(expect.stringMatching(/^error duplicate-key Axe 1!A\d+$/));
    expect(issuesOf(renamed)).toEqual([
      'warning extract-sheet-renamed Mes fiches!null',
      ...asSent.map((issue) => issue.replace(' Axe 1!', ' Mes fiches!')),
    ]);
    // The messages name the sheet as the file has it, never as a sheet the file does not have.
    const onSheet = renamed.issues.filter((issue) => issue.sheet === 'Mes fiches' && issue.cell !== null);
    expect(onSheet.length).toBeGreaterThan(1);
    for (const issue of onSheet) {
      const message = renderIssueMessageFor('command-line', issue);
      expect(message).toMatch(/^Mes fiches, /);
      expect(message).not.toContain('Axe 1');
    }
  });

  it('is still an error when the sheet was renamed as one of the tools’ own sheets, which the merge never reads', async () => {
    const report = await validateGrids(returned([], 'Historique'), { today });

    expect(report.issues.filter((issue) => issue.code === 'extract-sheet-renamed')).toEqual([]);
    const missing = report.issues.filter((issue) => issue.code === 'missing-sheet');
    expect(missing.map((issue) => [issue.severity, issue.sheet, renderIssueMessageFor('command-line', issue)])).toEqual(
      [
        [
          'error',
          'Axe 1',
          'La feuille «\u00a0Axe 1\u00a0» manque. La feuille «\u00a0Historique\u00a0» semble être «\u00a0Axe 1\u00a0» ' +
            'renommée\u00a0: rendez-lui son nom.',
        ],
      ],
    );
  });

  it('is still an error when the sheet was deleted', async () => {
    const grids = typeInto(extract, []);
    grids.sheets = grids.sheets.filter((grid) => grid.name !== 'Axe 1');
    const report = await validateGrids(grids, { today });

    const missing = report.issues.filter((issue) => issue.code === 'missing-sheet');
    expect(missing.map((issue) => [issue.severity, issue.sheet, renderIssueMessageFor('command-line', issue)])).toEqual(
      [
        [
          'error',
          'Axe 1',
          'La feuille «\u00a0Axe 1\u00a0» manque. Elle a sans doute été supprimée ou renommée\u00a0: rétablissez-la ' +
            '(à partir d’une copie de sauvegarde) sous ce nom exact.',
        ],
      ],
    );
  });
});
