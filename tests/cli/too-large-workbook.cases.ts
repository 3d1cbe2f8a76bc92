import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMessage } from '../../src/domain/messages';
import { DEFAULT_XLSX_READ_LIMITS } from '../../src/xlsx/reader';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';
import { runCli } from './run-cli';

/**
 * A real tracking workbook grown past the reader's 50 Mo by pictures pasted into it: every command that has that
 * limit refuses it with the same true message (too large to be read; a tracking workbook is far smaller; if it is
 * one, take out what was added, or save a copy without it), never « ce n’est pas un classeur de suivi ». The file is
 * sparse: refused from its size, before its bytes are read.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-too-large-'));
const path = (name: string) => join(folder, name);
const SIZE = 55 * 1024 * 1024;
const big = path('aix-avec-photos.xlsx');
let masterBytes: Uint8Array;

beforeAll(async () => {
  masterBytes = await territoryBytes(pilat);
  writeFileSync(path('suivi.xlsx'), masterBytes);
  writeFileSync(big, masterBytes);
  truncateSync(big, SIZE);
}, 60_000);

const reason = renderMessage('too-large', { size: SIZE, limit: DEFAULT_XLSX_READ_LIMITS.maxFileBytes });

describe('a workbook past the reader’s size limit', () => {
  it('is told too large to be read, with what to do, and never said not to be a tracking workbook', () => {
    expect(reason).toBe(
      'Le fichier est trop volumineux pour être lu (55\u00a0Mo, au plus 50\u00a0Mo). Un classeur de suivi est ' +
        'd’ordinaire bien plus petit\u00a0: si c’en est un, supprimez-en les images, objets ou feuilles ajoutés, ou ' +
        'enregistrez-en une copie sans eux, puis réessayez.',
    );
  });

  // « (50 Mo, au plus 50 Mo) » read as a file within the limit refused all the same.
  it.each([
    [1, '50,1\u00a0Mo, au plus 50\u00a0Mo'],
    [41_943, '50,1\u00a0Mo, au plus 50\u00a0Mo'],
    [52_429, '50,1\u00a0Mo, au plus 50\u00a0Mo'],
    [209_716, '50,2\u00a0Mo, au plus 50\u00a0Mo'],
    [5 * 1024 * 1024, '55\u00a0Mo, au plus 50\u00a0Mo'],
  ])('just over the limit (%p bytes more), shows a size that visibly exceeds it: %p', (over, shown) => {
    const limit = DEFAULT_XLSX_READ_LIMITS.maxFileBytes;
    expect(renderMessage('too-large', { size: limit + over, limit })).toContain(`(${shown}).`);
  });

  it('just over a limit of its own decimals, shows as many as tell them apart', () => {
    expect(renderMessage('too-large', { size: 1_000_001, limit: 1_000_000 })).toContain(
      '(0,96\u00a0Mo, au plus 0,95\u00a0Mo).',
    );
  });

  it.each([
    ['validate', [big]],
    ['compute', [big]],
    ['close-quarter', [big]],
    ['undo', [big]],
    ['extract', [big, '--tous-les-partenaires']],
    ['bilan', [big, '--kind', 'final']],
    ['merge (the master)', [big, path('suivi.xlsx')]],
  ])('%s refuses it (exit 2) with that message', async (command, args) => {
    const run = await runCli([command.split(' ')[0], ...args, '--json']);
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stdout);
    expect(error).toMatchObject({ code: 'file-too-large', file: big });
    expect(error.message).toBe(`${big}\u00a0: l${reason.slice(1)}`);
  });

  it('merge leaves out a returned file that large with that message, the master untouched', async () => {
    const run = await runCli(['merge', path('suivi.xlsx'), big, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).unreadable).toEqual([
      { file: big, code: 'file-too-large', message: `${big}\u00a0: l${reason.slice(1)}` },
    ]);
    expect(readFileSync(path('suivi.xlsx')).equals(Buffer.from(masterBytes))).toBe(true);
  });

  it('plan says a file that large is far more than a plan of actions', async () => {
    const huge = path('convention.txt');
    writeFileSync(huge, 'Convention territoriale globale');
    truncateSync(huge, 21 * 1024 * 1024);
    const run = await runCli(['plan', huge, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toBe(
      `Le fichier ${huge} est trop volumineux pour être lu (au plus 20\u00a0Mo)\u00a0: un plan d’actions (convention ` +
        'exportée en texte .txt, ou plan .json) est bien plus petit. Vérifiez que c’est le bon fichier.',
    );
  });

  it('consolidate leaves it out with that reason and consolidates the others', async () => {
    const run = await runCli(['consolidate', big, path('suivi.xlsx'), '-o', path('consolidation.xlsx'), '--json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    // The reason beside its file does not name it again.
    expect(json.rejected).toEqual([{ file: big, code: 'file-too-large', reason, territory: null }]);
    expect(json.territories).toHaveLength(1);
  });
});
