import { existsSync, mkdtempSync, promises, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { writeOutputFile } from '../../src/cli/output-file';

// Failures of the write itself, which the checks made before it cannot foresee: said in French, nothing left behind.
describe('writing the output file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ctg-output-file-'));

  afterEach(() => jest.restoreAllMocks());

  it('a folder where no file can be created (ENOENT, as in /proc) is said so, not as « erreur du système »', async () => {
    const refusal = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    jest.spyOn(promises, 'writeFile').mockRejectedValue(refusal);
    const path = join(folder, 'sortie.xlsx');
    const outcome = await writeOutputFile(path, new Uint8Array([1, 2, 3]), false);
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? '' : outcome.error.message;
    expect(message).toContain(`Impossible d’écrire ${path}`);
    expect(message).toContain('aucun fichier ne peut y être créé');
    expect(message).not.toMatch(/erreur du système|ENOENT/);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });
});
