import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SheetGrid } from '../../src/domain/grid';
import { territoryFolder, type TerritoryFolder } from '../consolidation/helpers/territories';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { saveOneThroughLibreOffice } from '../helpers/libreoffice';
import { gridsOf } from '../xlsx-patch/helpers';
import { runCli } from './run-cli';

/**
 * `ctg-suivi consolidate` on a folder of territory workbooks, as a Caf runs it: the JSON document, the exit code, the
 * workbook written, and that workbook recalculated by LibreOffice showing the figures the JSON gives.
 */

let files: TerritoryFolder;
let output: string;
let json: {
  file: string;
  territories: {
    name: string;
    file: string;
    fillPeriod: number | null;
    fillCumulative: number | null;
    achievement: number | null;
    errors: number;
    counts: {
      fiches: number;
      statuses: Record<'notStarted' | 'inProgress' | 'done' | 'postponed' | 'abandoned' | 'noStatus', number>;
    };
  }[];
  total: { fillPeriod: number | null; fillCumulative: number | null; achievement: number | null };
  fields: { name: string; matched: boolean; fillCumulative: number | null; achievement: number | null }[];
  rejected: { file: string; code: string; reason: string; territory: string | null }[];
  duplicates: { kept: string; dropped: string }[];
};
let code: number;

beforeAll(async () => {
  files = await territoryFolder();
  output = join(files.folder, 'consolidation.xlsx');
  const run = await runCli(['consolidate', files.folder, '-o', output, '--json']);
  code = run.code;
  json = JSON.parse(run.stdout);
}, 90_000);

/** The rows of a table whose header row holds `first`, as records by header. */
function table(grid: SheetGrid, first: string): Record<string, unknown>[] {
  const headerIndex = grid.rows.findIndex((row) => row?.[0]?.value === first);
  const headers = grid.rows[headerIndex].map((cell) => String(cell?.value ?? ''));
  return grid.rows
    .slice(headerIndex + 1)
    .filter((row) => row?.[0]?.value)
    .map((row) => Object.fromEntries(headers.map((header, column) => [header, row[column]?.value ?? null])));
}

const shown = (rate: number | null) => (rate === null ? '' : rate);

describe('consolidate on a folder', () => {
  it('consolidates the territories, leaves the bad files out, exits 1 and names the workbook written', () => {
    expect(code).toBe(1);
    expect(json.file).toBe(output);
    expect(json.territories.map((territory) => territory.name)).toEqual([
      'Forez Est',
      'Monts du Pilat',
      'Pays de Saint-Bonnet',
    ]);
    expect(json.rejected.map((rejected) => rejected.code).sort()).toEqual(
      expect.arrayContaining(['consolidation-file-is-extract', 'format-too-new', 'not-a-tracking-workbook']),
    );
    expect(json.duplicates).toEqual([
      expect.objectContaining({ kept: files.path('pilat.xlsx'), dropped: files.path('pilat-ancien.xlsx') }),
    ]);
  });

  it('names the territory of an extract left out, as its Paramètres name it', () => {
    const extract = json.rejected.find((rejected) => rejected.code === 'consolidation-file-is-extract')!;
    expect(extract.territory).toBe('Monts du Pilat');
  });

  it('tells how to update the command line for a workbook of a newer format', () => {
    const newer = json.rejected.find((rejected) => rejected.code === 'format-too-new')!;
    expect(newer.reason).toMatch(
      /^Ce classeur a été créé par une version plus récente de l’outil \(format \d+, cette version lit jusqu’au format \d+\)\. /,
    );
    expect(newer.reason).toContain(
      'Mettez l’outil à jour\u00a0: prenez sa nouvelle version auprès de qui vous l’a fourni, mettez-la dans le ' +
        'dossier du projet, puis lancez-y npm ci && npm run build, et relancez la commande.',
    );
  });

  it('writes a workbook whose cached figures are the JSON’s', () => {
    const grids = gridsOf(new Uint8Array(readFileSync(output)));
    const rows = table(
      grids.sheets.find((sheet) => sheet.name === 'Territoires')!,
      'Territoire',
    );
    for (const territory of json.territories) {
      const row = rows.find((candidate) => candidate['Territoire'] === territory.name)!;
      expect(row['Renseignement cumulé']).toEqual(shown(territory.fillCumulative));
      expect(row['Erreurs de données']).toBe(territory.errors);
      // Fiches by status, « Sans statut » included: together they make the fiches, in the JSON as in the workbook.
      const { statuses } = territory.counts;
      expect([
        row['Non démarrée'],
        row['En cours'],
        row['Réalisée'],
        row['Reportée'],
        row['Abandonnée'],
        row['Sans statut'],
      ]).toEqual([
        statuses.notStarted,
        statuses.inProgress,
        statuses.done,
        statuses.postponed,
        statuses.abandoned,
        statuses.noStatus,
      ]);
      expect(Object.values(statuses).reduce((sum, n) => sum + n, 0)).toBe(territory.counts.fiches);
    }
  });

  it('next time, tells the consolidation left in the folder from the territories’ workbooks', async () => {
    const again = await runCli([
      'consolidate',
      files.folder,
      '-o',
      join(files.folder, 'consolidation-2.xlsx'),
      '--json',
    ]);
    const next = JSON.parse(again.stdout) as typeof json;
    expect(next.rejected).toContainEqual({
      file: output,
      code: 'consolidation-file-is-consolidation',
      reason: expect.stringContaining('Rangez les consolidations hors du dossier des territoires'),
      territory: null,
    });
    expect(next.territories.map((territory) => territory.name)).toEqual(
      json.territories.map((territory) => territory.name),
    );
  });

  it('given by name, tells to leave the consolidation out of the files given, not to give them one by one', async () => {
    const again = await runCli([
      'consolidate',
      output,
      files.path('pilat.xlsx'),
      '-o',
      join(files.folder, 'consolidation-3.xlsx'),
      '--json',
    ]);
    const { reason } = (JSON.parse(again.stdout) as typeof json).rejected.find((one) => one.file === output)!;
    expect(reason).toBe(
      'Ce fichier est un classeur de consolidation (écrit par ctg-suivi consolidate), pas le classeur de suivi d’un ' +
        'territoire\u00a0: il est écarté. Retirez-le des fichiers donnés à la commande.',
    );
  });

  itWhenAvailable({ soffice: hasBinary('soffice') })(
    'recalculated by LibreOffice, shows the figures of the JSON, territory by territory, in total and by champ',
    () => {
      const saved = saveOneThroughLibreOffice(new Uint8Array(readFileSync(output)), 'consolidation', {
        scratch: 'consolidate-run',
      });
      const grids = gridsOf(saved);
      const rows = table(
        grids.sheets.find((sheet) => sheet.name === 'Territoires')!,
        'Territoire',
      );
      const close = (value: unknown, rate: number | null) =>
        rate === null ? expect(value ?? '').toBe('') : expect(value as number).toBeCloseTo(rate, 12);
      for (const territory of [...json.territories, { name: 'Ensemble des territoires', ...json.total }]) {
        const row = rows.find((candidate) => candidate['Territoire'] === territory.name)!;
        close(row['Renseignement période'], territory.fillPeriod);
        close(row['Renseignement cumulé'], territory.fillCumulative);
        close(row['Réalisation'], territory.achievement);
      }
      const fields = table(
        grids.sheets.find((sheet) => sheet.name === 'Champs d’intervention')!,
        'Champ d’intervention',
      );
      for (const field of json.fields) {
        const row = fields.find(
          (candidate) =>
            candidate['Champ d’intervention'] === field.name && candidate['Territoire'] === 'Ensemble des territoires',
        )!;
        close(row['Renseignement cumulé'], field.fillCumulative);
        close(row['Réalisation'], field.achievement);
      }
    },
  );
});
