import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { compoundFile } from '../helpers/compound-file';
import { convertThroughLibreOffice } from '../helpers/libreoffice';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { openDocumentSpreadsheet } from '../helpers/open-document';
import { recordConversionFolder, recordedConversionFolder, standInProgram, withEnv } from '../helpers/stand-in-program';
import { masterAndCcmpExtract } from '../merge/helpers/returned-extract';
import { runCli } from './run-cli';

/**
 * `validate` on a workbook saved as .ods or .xls (a partner's returned extract, before it is merged): converted by
 * LibreOffice as `merge` converts it (src/cli/spreadsheet-conversion.ts), in a temporary folder removed afterwards,
 * never next to the user's file; refused with the same advice as merge's when LibreOffice is not there. Stand-ins
 * for `soffice` give the outcomes; the real LibreOffice converts the extract once, when it is installed.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-validate-formats-'));
const path = (name: string) => join(folder, name);
const files = path('fichiers');
const extract = join(files, 'extrait.xlsx');
const ods = join(files, 'retour.ods');
let extractBytes: Uint8Array;
const itWithLibreOffice = itWhenAvailable({ soffice: hasBinary('soffice') });

beforeAll(async () => {
  mkdirSync(files);
  ({ extractBytes } = await masterAndCcmpExtract(new Date('2026-08-10T10:00:00Z'), path('suivi.xlsx'), extract));
  writeFileSync(ods, openDocumentSpreadsheet());
}, 60_000);

/** The command line run with LibreOffice as `program` names it ('' for none). */
const withLibreOffice = (program: string, args: string[]) => withEnv('CTG_LIBREOFFICE', program, () => runCli(args));

/** The conversion's folder the last stand-in run recorded. */
const recorded = path('conversion-folder');

const convertedLine =
  'Ce classeur .ods a été converti en .xlsx par LibreOffice pour être vérifié, dans un dossier temporaire effacé ' +
  'ensuite\u00a0; le fichier lui-même n’a pas été modifié.';

// The stand-ins are shell scripts.
const describePosix = process.platform === 'win32' ? describe.skip : describe;

describePosix('validate on an .ods', () => {
  it('converts it through LibreOffice and checks what comes out, writing nothing next to it', async () => {
    // A stand-in whose conversion gives the extract's .xlsx.
    const converts = standInProgram(
      folder,
      'converts',
      `${recordConversionFolder(recorded)}; cp "${extract}" "$out/retour.xlsx"`,
    );
    const before = readdirSync(files).sort();
    const run = await withLibreOffice(converts, ['validate', ods]);
    expect(existsSync(recordedConversionFolder(recorded))).toBe(false);
    const direct = await runCli(['validate', extract]);
    expect(run.code).toBe(direct.code);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[1]).toBe(convertedLine);
    expect([lines[0], ...lines.slice(2)].join('\n')).toBe(direct.stdout.split(extract).join(ods));

    const json = await withLibreOffice(converts, ['validate', ods, '--json']);
    expect(existsSync(recordedConversionFolder(recorded))).toBe(false);
    const document = JSON.parse(json.stdout);
    expect(document.convertedFrom).toBe('ods');
    expect(document.extract).toMatchObject({ recipient: 'CCMP' });
    expect(JSON.parse((await runCli(['validate', extract, '--json'])).stdout).convertedFrom).toBeNull();
    expect(readdirSync(files).sort()).toEqual(before);
  });

  it('without LibreOffice, refuses it with the advice to save it as .xlsx (exit 2)', async () => {
    const message =
      `${ods} est un classeur .ods\u00a0: LibreOffice, qui le convertirait, n’est pas installé sur cet ordinateur. ` +
      'Ouvrez-le dans Excel ou LibreOffice, enregistrez-le au format Classeur Excel (.xlsx), puis vérifiez le ' +
      'fichier .xlsx.';
    expect(await withLibreOffice('', ['validate', ods])).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
    const json = await withLibreOffice('', ['validate', ods, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'needs-libreoffice', message, file: ods } });
  });

  it('says a text file named .ods is no workbook, without LibreOffice, as it says of one named .xlsx', async () => {
    const notes = join(files, 'notes.ods');
    writeFileSync(notes, 'Réunion du 12 mars : relancer la CCMP.\n');
    const started = path('converter-started-for-text');
    const fails = standInProgram(folder, 'fails', `touch "${started}"; exit 1`);
    const message =
      `${notes}\u00a0: ce fichier est un document texte, pas un classeur\u00a0: il ne peut pas être lu comme un ` +
      'tableau de suivi. Utilisez à sa place le classeur lui-même (.xlsx), ou demandez-le à qui vous a envoyé ce document.';
    for (const program of [fails, '']) {
      expect(await withLibreOffice(program, ['validate', notes])).toEqual({
        code: 2,
        stdout: '',
        stderr: `${message}\n`,
      });
      const json = await withLibreOffice(program, ['validate', notes, '--json']);
      expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'not-xlsx', message, file: notes } });
    }
    expect(existsSync(started)).toBe(false);
    const renamed = join(files, 'notes.xlsx');
    writeFileSync(renamed, 'Réunion du 12 mars : relancer la CCMP.\n');
    expect((await runCli(['validate', renamed])).stderr).toBe(`${message.split(notes).join(renamed)}\n`);
  });

  it('says an .xls cut short (a download interrupted) is cut, without converting what is left of it', async () => {
    const whole = compoundFile(16);
    const xls = join(files, 'coupe.xls');
    writeFileSync(xls, whole.slice(0, whole.length / 2));
    // LibreOffice makes an empty workbook of what is left, which would then be « pas un classeur de suivi ».
    const started = path('converter-started');
    const converts = standInProgram(
      folder,
      'converts-anything',
      `touch "${started}"; ${recordConversionFolder(recorded)}; cp "${extract}" "$out/retour.xlsx"`,
    );
    const message =
      `${xls}\u00a0: le fichier est incomplet\u00a0: il a été coupé (téléchargement ou copie interrompus). ` +
      'Demandez-en une nouvelle copie ou récupérez l’original.';
    expect(await withLibreOffice(converts, ['validate', xls])).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
    const json = await withLibreOffice(converts, ['validate', xls, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'truncated', message, file: xls } });
    expect(existsSync(started)).toBe(false);
  });

  it('converts a whole .xls whose allocation table ends past the file as the SheetJS library writes it', async () => {
    // Web applications export .xls with that library: the sectors past the file's end are marked ends of chains.
    const xls = join(files, 'export-web.xls');
    writeFileSync(xls, compoundFile(16, 'end-of-chain'));
    const converts = standInProgram(
      folder,
      'converts-web-export',
      `${recordConversionFolder(recorded)}; cp "${extract}" "$out/retour.xlsx"`,
    );
    const run = await withLibreOffice(converts, ['validate', xls, '--json']);
    expect(run.stderr).toBe('');
    const direct = JSON.parse((await runCli(['validate', extract, '--json'])).stdout);
    expect(JSON.parse(run.stdout)).toMatchObject({
      convertedFrom: 'xls',
      errors: direct.errors,
      extract: direct.extract,
    });
  });

  itWithLibreOffice(
    'checks an extract LibreOffice saved as .ods as it checks the .xlsx',
    async () => {
      const saved = join(files, 'retour-lo.ods');
      writeFileSync(
        saved,
        convertThroughLibreOffice({ extrait: extractBytes }, 'ods', {
          scratch: 'validate-libreoffice',
          recalculate: false,
        }).extrait,
      );
      // The real LibreOffice, through a stand-in that records the conversion's folder.
      const soffice = standInProgram(
        folder,
        'soffice-recorded',
        `${recordConversionFolder(recorded)}; exec soffice "$@"`,
      );
      const run = await withLibreOffice(soffice, ['validate', saved, '--json']);
      expect(run.code).toBe(0);
      const document = JSON.parse(run.stdout);
      const direct = JSON.parse((await runCli(['validate', extract, '--json'])).stdout);
      expect(document).toMatchObject({ errors: 0, convertedFrom: 'ods', extract: direct.extract });
      expect(document.issues.map((issue: { code: string }) => issue.code)).toEqual(
        direct.issues.map((issue: { code: string }) => issue.code),
      );
      expect(existsSync(recordedConversionFolder(recorded))).toBe(false);
    },
    60_000,
  );
});
