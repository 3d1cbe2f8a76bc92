import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { consolidationRead } from '../../src/app/consolidate/consolidation-read';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { WholeWriteRefused } from '../../src/domain/whole-write-refused';
import { renderIssueMessage } from '../../src/domain/issues';
import { readXlsx } from '../../src/xlsx/reader';
import { createXlsxFilePort } from '../../src/xlsx/xlsx-file-port';
import { runCli } from '../cli/run-cli';
import { samplePlan, samplePlanWithoutG1QL1 } from '../layout/helpers/sample-plan';
import { filledWorkbook, gridsOf, recordingPort, withCellNotes, workbookFileIn, type NotesDamage } from './helpers';

/**
 * A sheet whose notes (comments) part is damaged, its cells intact: the cells are read as before, and what could
 * not be read is said at the sheet, not blamed on the whole sheet. A rewrite that writes the workbook whole would
 * drop those notes unsaid: it is refused, the file left as it was; one that only patches cells leaves the notes part
 * as it was, and goes on.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const damages: NotesDamage[] = ['cut', 'malformed', 'missing', 'elsewhere', 'relationships cut'];
const scratch = path.resolve(__dirname, '..', '..', '.scratch', 'xlsx-patch-damaged-notes');

let plain: Uint8Array;
beforeAll(async () => {
  plain = await filledWorkbook(samplePlan(), [{ key: 'G1-QN2', header: '2026-T2', value: 12 }], today);
}, 60_000);

const damaged = (damage: NotesDamage) => withCellNotes(plain, 'Axe 1', ['X6'], { damage });
const axisOf = (bytes: Uint8Array) => gridsOf(bytes).sheets.find((sheet) => sheet.name === 'Axe 1')!;

/** What a person reads of the damaged notes: the sheet, its notes (comments) unread, and what to do. */
function expectNotesSaid(message: string) {
  expect(message).toContain('Axe 1');
  expect(message).toContain('notes (commentaires)');
  expect(message).toMatch(/n’ont pas pu être lues/);
  expect(message).not.toMatch(/Le fichier est incomplet|Le contenu de la feuille/);
  expect(message).toMatch(/puis réessayez/);
}

describe('a sheet whose notes part is damaged', () => {
  it.each(damages)('(%s) has its cells read as they are', (damage) => {
    const axis = axisOf(damaged(damage));
    expect(axis.rows).toEqual(axisOf(plain).rows);
    expect(axis).not.toHaveProperty('notes');
  });

  it.each(damages)(
    '(%s) is named by validate at its sheet, in French, with what to do',
    async (damage) => {
      const file = workbookFileIn(scratch, damaged(damage));
      const run = await runCli(['validate', file, '--json']);
      expect(run.code).toBe(1);
      const issues = JSON.parse(run.stdout).issues as { code: string; sheet: string; cell: null; message: string }[];
      const said = issues.filter((issue) => issue.code === 'cell-notes-unreadable');
      expect(said).toEqual([expect.objectContaining({ severity: 'error', sheet: 'Axe 1', cell: null })]);
      expectNotesSaid(said[0].message);
    },
    60_000,
  );

  it('refuses a rewrite that would write the workbook whole, and writes nothing', async () => {
    const recorded = recordingPort(damaged('cut'));
    const outcome = await regenerateAndWrite(recorded.port, samplePlanWithoutG1QL1(), { now: later });
    expect(outcome.status).toBe('refused');
    if (outcome.status !== 'refused') return;
    expect(outcome.issues.map((issue) => [issue.code, issue.sheet])).toEqual([['cell-notes-unreadable', 'Axe 1']]);
    expect(renderIssueMessage(outcome.issues[0])).toBe(
      'Axe 1\u00a0: les notes (commentaires) attachées aux cellules de cette feuille n’ont pas pu être lues, car la ' +
        'partie du fichier qui les garde est coupée (copie ou téléchargement interrompus). Les cellules de la feuille ' +
        'sont lues, mais le classeur n’est pas réécrit en entier tant que ces notes ne se lisent pas, pour ne pas les ' +
        'perdre. Ouvrez le classeur dans Excel (qui propose de le réparer) ou LibreOffice, vérifiez les notes de cette ' +
        'feuille, reprenez d’une copie antérieure du fichier celles qui manquent, enregistrez-le, puis réessayez.',
    );
    expect(recorded.written).toEqual([]);
  }, 60_000);

  it('refuses generate --force from an amended plan on the command line, the file left byte for byte', async () => {
    const original = damaged('malformed');
    const file = workbookFileIn(scratch, original);
    const planFile = path.join(path.dirname(file), 'plan-modifie.json');
    fs.writeFileSync(planFile, JSON.stringify(samplePlanWithoutG1QL1()));

    const run = await runCli(['generate', '--plan', planFile, '-o', file, '--force']);

    expect(run.code).toBe(1);
    expectNotesSaid(run.stderr);
    expect(Buffer.compare(fs.readFileSync(file), original)).toBe(0);
    expect(fs.existsSync(`${file}.bak`)).toBe(false);
  }, 60_000);

  it('lets a compute that only patches cells go on, the notes part and the sheet’s relationships kept as they were', async () => {
    const start = damaged('cut');
    const recorded = recordingPort(start);
    const outcome = await computeAndWrite(recorded.port, { now: later, quarter: '2026-T3' });
    expect(outcome.status).toBe('done');
    expect(recorded.contexts[0]?.changes).toBeDefined();
    const before = unzipSync(start);
    const after = unzipSync(recorded.last());
    expect(Buffer.compare(after['xl/comments9.xml'], before['xl/comments9.xml'])).toBe(0);
    const rels = Object.keys(before).filter((name) => name.startsWith('xl/worksheets/_rels/'));
    for (const name of rels) expect(Buffer.compare(after[name], before[name])).toBe(0);
    expect(Buffer.compare(recorded.last(), start)).not.toBe(0);
  }, 60_000);

  it('refuses to be written whole when the patch cannot be made, rather than drop the notes', async () => {
    const start = damaged('cut');
    const written: Uint8Array[] = [];
    const port = createXlsxFilePort(start, (bytes) => void written.push(bytes));
    const grids = await port.read();
    // A change the patch cannot make (no such sheet in the package): the port would otherwise write the spec whole.
    const changes = { cells: [{ sheet: 'Nulle part', row: 1, column: 1, content: 1 }], ranges: [] };
    const spec: WorkbookSpec = (await buildNewWorkbook(samplePlan(), { today })).spec;
    await expect(port.write(spec, { after: grids, changes, patchOnly: true })).rejects.toBeInstanceOf(
      WholeWriteRefused,
    );
    expect(written).toEqual([]);
    // Not told `patchOnly`, the same write is made whole.
    await port.write(spec, { after: grids, changes });
    expect(written).toHaveLength(1);
  });

  it('does not change what a consolidation reads', () => {
    const read = readXlsx(damaged('cut'), consolidationRead);
    const plainRead = readXlsx(plain, consolidationRead);
    expect(read).toEqual(plainRead);
  });
});
