import { openDocumentSpreadsheet } from '../helpers/open-document';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureFile } from '../../src/cli/consolidate/measure-file';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';
import { standInProgram, withEnv } from '../helpers/stand-in-program';

/**
 * A territory's workbook saved by a person as .ods or .xls: converted by LibreOffice when it is there, as merge does
 * (src/cli/spreadsheet-conversion.ts), then measured as any workbook; left out with what to do when it is not, or
 * when the conversion fails. Stand-ins for `soffice` (shell scripts) give the conversion's outcomes; the real
 * LibreOffice's conversion is tested with merge (tests/merge/libreoffice-round-trip.test.ts).
 */

const today = new Date('2027-06-01T10:00:00Z');
const inFolder = { kind: 'folder', folder: 'territoires' } as const;
const folder = mkdtempSync(join(tmpdir(), 'ctg-consolidate-formats-'));
let territory: string;

const program = (name: string, body: string) => standInProgram(folder, name, body);
const withLibreOffice = <T>(program: string, work: () => Promise<T>) => withEnv('CTG_LIBREOFFICE', program, work);

beforeAll(async () => {
  territory = join(folder, 'pilat.xlsx');
  writeFileSync(territory, await territoryBytes(pilat));
  writeFileSync(join(folder, 'pilat.ods'), openDocumentSpreadsheet());
}, 60_000);

// The stand-ins are shell scripts.
const describePosix = process.platform === 'win32' ? describe.skip : describe;

describePosix('a territory saved as .ods', () => {
  it('is converted by LibreOffice and measured, under its own name', async () => {
    // A stand-in whose conversion gives the territory's .xlsx.
    const converts = program(
      'converts',
      `prev=""; for a; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done; cp "${territory}" "$out/retour.xlsx"`,
    );
    const ods = join(folder, 'pilat.ods');
    const converted = await withLibreOffice(converts, () => measureFile(ods, { today }));
    const direct = await measureFile(territory, { today });
    expect(converted.ok && direct.ok).toBe(true);
    if (!converted.ok || !direct.ok) return;
    expect(converted.measure).toEqual({ ...direct.measure, file: ods });
  });

  // LibreOffice cuts a text longer than Excel's 32 767 characters at that length: the territory is kept, its figures
  // the same, and the cut cell told with its measure (the real conversion: consolidate-text-cut.cases.ts).
  it('is measured with its figures when the conversion cut a text, the cut told with where it is', async () => {
    const bytes = await territoryBytes({
      ...pilat,
      entries: [...pilat.entries, { key: 'G1', header: 'Mise en œuvre', value: 'A'.repeat(32_767) }],
    });
    const cutCopy = join(folder, 'pilat-coupe.xlsx');
    writeFileSync(cutCopy, bytes);
    const cutting = program(
      'converts-cutting',
      `prev=""; for a; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done; cp "${cutCopy}" "$out/retour.xlsx"`,
    );
    const ods = join(folder, 'pilat.ods');
    const converted = await withLibreOffice(cutting, () => measureFile(ods, { today }));
    const direct = await measureFile(territory, { today });
    expect(converted.ok && direct.ok).toBe(true);
    if (!converted.ok || !direct.ok) return;
    const { textCut, ...measure } = converted.measure;
    expect(textCut).toEqual({ sheet: 'Axe 1', cell: expect.stringMatching(/^[A-Z]+\d+$/), from: 'ods' });
    expect(measure.counts).toEqual(direct.measure.counts);
    expect(direct.measure.textCut).toBeUndefined();
  });

  it('is left out, with what to do, when LibreOffice is not installed', async () => {
    const ods = join(folder, 'pilat.ods');
    expect(await withLibreOffice('', () => measureFile(ods, { today, origin: inFolder }))).toEqual({
      ok: false,
      rejected: {
        file: ods,
        code: 'needs-libreoffice',
        reason:
          'Ce fichier est un classeur .ods\u00a0: LibreOffice, qui le convertirait, n’est pas installé sur cet ordinateur. ' +
          'Ouvrez-le dans Excel ou LibreOffice, enregistrez-le au format Classeur Excel (.xlsx), puis mettez-le à la ' +
          'place de l’ancien fichier dans le dossier et relancez la consolidation.',
      },
    });
  });

  it('given by name, is to be given again as .xlsx, not put in a folder', async () => {
    const ods = join(folder, 'pilat.ods');
    const fails = program('fails-given', 'echo "Error: source file could not be loaded" >&2; exit 1');
    for (const libreOffice of ['', fails]) {
      const outcome = await withLibreOffice(libreOffice, () => measureFile(ods, { today, origin: { kind: 'given' } }));
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.rejected.reason).toMatch(
        /enregistrez-le au format Classeur Excel \(\.xlsx\), puis donnez le fichier \.xlsx à la commande à la place de celui-ci et relancez la consolidation\.$/,
      );
      expect(outcome.rejected.reason).not.toContain('dossier');
    }
  });

  it('is left out, with what to do, when LibreOffice cannot convert it', async () => {
    const fails = program('fails', 'echo "Error: source file could not be loaded" >&2; exit 1');
    const ods = join(folder, 'pilat.ods');
    expect(await withLibreOffice(fails, () => measureFile(ods, { today, origin: inFolder }))).toEqual({
      ok: false,
      rejected: {
        file: ods,
        code: 'conversion-failed',
        reason:
          'LibreOffice n’a pas pu convertir ce classeur .ods (fichier abîmé ou protégé par un mot de passe\u00a0?). ' +
          'Ouvrez-le dans LibreOffice, enregistrez-le au format Classeur Excel (.xlsx), puis mettez-le à la place de ' +
          'l’ancien fichier dans le dossier et relancez la consolidation.',
      },
    });
  });
});
