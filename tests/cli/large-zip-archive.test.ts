import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { DEFAULT_XLSX_READ_LIMITS } from '../../src/xlsx/reader';
import { runCli } from './run-cli';

const TERRITORY = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'format-v1', 'suivi-v1.xlsx')));

/**
 * A zip archive of territories' workbooks larger than a workbook may be (hundreds of territories sent at once) is told
 * to be extracted, as a smaller one is, not to have its images removed; it is not read whole to tell so.
 */
it('tells a zip archive of workbooks larger than a workbook may be to be extracted, not to be made smaller', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ctg-large-zip-'));
  const archive = join(root, 'territoires.zip');
  const filler = new Uint8Array(DEFAULT_XLSX_READ_LIMITS.maxFileBytes);
  writeFileSync(
    archive,
    zipSync({ 'loire/pilat.xlsx': TERRITORY, 'loire/forez.xlsx': [filler, { level: 0 }] }, { level: 0 }),
  );
  const run = await runCli(['validate', archive]);
  // validate reads one workbook: one of them is what to give it.
  expect(run.stderr + run.stdout).toContain(
    'ce fichier est une archive .zip, pas un classeur : extrayez-en les 2 classeurs qu’elle contient (clic droit ' +
      'sur l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis donnez à la commande, à sa place, ' +
      'celui de ces classeurs à traiter\u00a0: elle n’en lit qu’un à la fois.',
  );
  const consolidated = await runCli(['consolidate', archive, '-o', join(root, 'consolidation.xlsx'), '--json']);
  const { rejected } = JSON.parse(consolidated.stdout) as { rejected: { code: string; reason: string }[] };
  expect(rejected).toEqual([
    {
      file: archive,
      code: 'not-xlsx',
      reason:
        'Ce fichier est une archive .zip, pas un classeur : extrayez-en les 2 classeurs qu’elle contient (clic droit ' +
        'sur l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis donnez-les à la commande à sa place.',
      territory: null,
    },
  ]);
}, 60_000);

it('still tells a workbook larger than a workbook may be that it is too large, whatever it embeds', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ctg-large-workbook-'));
  const parts = unzipSync(TERRITORY);
  const big = join(root, 'suivi.xlsx');
  const filler = new Uint8Array(DEFAULT_XLSX_READ_LIMITS.maxFileBytes);
  writeFileSync(big, zipSync({ ...parts, 'xl/embeddings/Microsoft_Excel_Worksheet.xlsx': [filler, { level: 0 }] }));
  const run = await runCli(['validate', big]);
  expect(run.stderr + run.stdout).toContain('le fichier est trop volumineux pour être lu');
}, 60_000);
