import { openDocumentSpreadsheet } from '../helpers/open-document';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readExtractMeta } from '../../src/app';
import { quarterLabel } from '../../src/domain/periods';
import { isoDateToSerial } from '../../src/domain/excel-dates';
import { gridsOf } from '../xlsx-patch/helpers';
import { locate, valueAt } from '../rewrite/helpers';
import { convertThroughLibreOffice } from '../helpers/libreoffice';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { loadWithExcelJs } from '../xlsx/helpers/exceljs-load';
import { cellAddress } from '../../src/layout/a1';
import { runCli } from '../cli/run-cli';
import {
  fillExtract,
  masterAndCcmpExtract,
  protectionOf,
  unexpectedDifferences,
  type KeyedEdit,
} from './helpers/returned-extract';

/**
 * The recipient fills the extract, LibreOffice saves it (as .xlsx, .ods, and as an old .xls), and `ctg-suivi merge`
 * takes it back: the values arrive, nothing else of the master changes, and what the extract carries (`_ctg`, locked
 * cells, lists) survives LibreOffice. Four LibreOffice calls here (three saves, then the merges' conversions).
 */

const soffice = hasBinary('soffice');
const itWithLibreOffice = itWhenAvailable({ soffice });

const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3
const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-lo-'));
const path = (name: string) => join(folder, name);
/** The conversions' temporary folders go here, to be seen removed. */
const conversionTemp = path('tmp');

const edits: KeyedEdit[] = [
  { key: 'G2', header: 'Statut', value: 'En cours' },
  { key: 'G1', header: 'Avancement (%)', value: 50 },
  { key: 'G1', header: 'Difficultés', value: 'Local indisponible' },
  { key: 'G1', header: 'Mise en œuvre', value: '=HYPERLINK("http://exemple.fr") tapé en texte' },
  { key: 'G1', header: 'Dernière mise à jour', value: new Date(Date.UTC(2026, 8, 15)) },
  { key: 'G1-QN1', header: '2026-T2', value: 6 },
  { key: 'G1-QL1', header: '2026-T3', value: 'Satisfaisant' },
];
const expectedApplied = [
  'G1 Avancement (%) 50',
  'G1 Difficultés Local indisponible',
  'G1 Dernière mise à jour 2026-09-15',
  'G1 Mise en œuvre =HYPERLINK("http://exemple.fr") tapé en texte',
  'G1-QL1 2026-T3 Satisfaisant',
  'G1-QN1 2026-T2 6',
  'G2 Statut En cours',
].sort();

let masterBytes: Uint8Array;
/** The filled extract as LibreOffice saved it, by format. */
const saved: Record<'xlsx' | 'ods' | 'xls', Uint8Array> = {} as never;

beforeAll(async () => {
  mkdirSync(conversionTemp);
  let extractBytes: Uint8Array;
  ({ masterBytes, extractBytes } = await masterAndCcmpExtract(generatedOn, path('suivi.xlsx'), path('extrait.xlsx')));
  const filled = await fillExtract(extractBytes, edits);
  if (!soffice) return;
  for (const format of ['xlsx', 'ods', 'xls'] as const) {
    saved[format] = convertThroughLibreOffice({ extrait: filled }, format, {
      scratch: 'merge-libreoffice',
      recalculate: false,
    }).extrait;
  }
}, 120_000);

/** Merges `file` into a fresh copy of the master with the command line; the JSON report and the master after. */
async function mergeFile(name: string, bytes: Uint8Array, extra: string[] = []) {
  const master = path(`suivi-${name}.xlsx`);
  writeFileSync(master, masterBytes);
  writeFileSync(path(name), bytes);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = conversionTemp;
  try {
    const run = await runCli(['merge', master, path(name), '--json', ...extra]);
    return { run, document: JSON.parse(run.stdout), master, after: gridsOf(new Uint8Array(readFileSync(master))) };
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

type Applied = { key: string; column: string; new: unknown; sheet: string; cell: string };
const appliedLines = (applied: Applied[]) => applied.map((c) => `${c.key} ${c.column} ${String(c.new)}`).sort();
const mergedCells = (applied: Applied[]) => applied.map((change) => `${change.sheet}!${change.cell}`);

describe('an extract filled in and saved by LibreOffice, merged back', () => {
  itWithLibreOffice('keeps the extract’s _ctg, its locked cells and its lists through LibreOffice', async () => {
    const meta = readExtractMeta(gridsOf(saved.xlsx))!;
    expect(meta.partner).toBe('CCMP');
    expect(meta.upTo && quarterLabel(meta.upTo)).toBe('2026-T3');
    expect(meta.sent).toEqual(
      expect.arrayContaining([
        { key: 'G1', field: 'status', value: { type: 'text', value: 'En cours' } },
        { key: 'G1-QN1', field: '2026-T1', value: { type: 'number', value: 4 } },
      ]),
    );
    // Found by text in the grids, checked in the file's XML as Excel reads it.
    const grids = gridsOf(saved.xlsx);
    const axis = grids.sheets.find((sheet) => sheet.name === 'Axe 1')!;
    const address = (key: string, header: string) => {
      const at = locate(axis, key, header)!;
      return cellAddress(at.row + 1, at.column + 1);
    };
    const protection = protectionOf(saved.xlsx, 'Axe 1');
    expect(protection.sheet).toBe(true);
    expect(protection.locked(address('G1-QN1', '2026-T3'))).toBe(false);
    expect(protection.locked(address('G1-QN1', 'Commentaire'))).toBe(false);
    expect(protection.locked(address('G1', 'Statut'))).toBe(false);
    expect(protection.locked(address('G1-QN1', '2026-T4'))).toBe(true);
    expect(protection.locked(address('G1-QN1', 'Cible'))).toBe(true);
    expect(protection.locked(address('G1', 'Intitulé'))).toBe(true);
    expect(protection.locked(address('G1', 'Partenaires'))).toBe(true);
    for (const { name } of grids.sheets) expect([name, protectionOf(saved.xlsx, name).sheet]).toEqual([name, true]);
    // The lists: Statut still chooses from its list.
    const workbook = await loadWithExcelJs(saved.xlsx);
    expect(workbook.getWorksheet('Axe 1')!.getCell(address('G1', 'Statut')).dataValidation).toMatchObject({
      type: 'list',
    });
    expect(workbook.getWorksheet('Axe 1')!.getCell(address('G1-QL1', '2026-T3')).dataValidation).toMatchObject({
      type: 'list',
    });
  });

  itWithLibreOffice(
    'takes every value of the .xlsx saved by LibreOffice, and changes nothing else',
    async () => {
      const before = gridsOf(masterBytes);
      const { run, document, after, master } = await mergeFile('retour-lo.xlsx', saved.xlsx);
      expect(run.code).toBe(0);
      expect(appliedLines(document.applied)).toEqual(expectedApplied);
      expect(document.rejected).toEqual([]);
      expect(document.notes).toEqual([]);
      expect(unexpectedDifferences(before, after, mergedCells(document.applied))).toEqual([]);
      expect(valueAt(after, 'G1', 'Mise en œuvre')).toEqual({ value: '=HYPERLINK("http://exemple.fr") tapé en texte' });
      expect(valueAt(after, 'G1', 'Dernière mise à jour')).toMatchObject({
        value: isoDateToSerial('2026-09-15'),
        isDate: true,
      });
      // Merged again: nothing changes.
      const again = await runCli(['merge', master, path('retour-lo.xlsx'), '--json']);
      expect(JSON.parse(again.stdout)).toMatchObject({ written: false, applied: [] });
    },
    30_000,
  );

  itWithLibreOffice(
    'converts the .ods and the .xls through LibreOffice and takes the same values',
    async () => {
      const before = gridsOf(masterBytes);
      for (const name of ['retour.ods', 'retour.xls']) {
        const format = name.endsWith('.ods') ? 'ods' : 'xls';
        const { run, document, after } = await mergeFile(name, saved[format]);
        expect({ name, code: run.code, unreadable: document.unreadable }).toEqual({ name, code: 0, unreadable: [] });
        expect(appliedLines(document.applied)).toEqual(expectedApplied);
        expect(document.applied[0].source).toBe(name);
        expect(document.rejected).toEqual([]);
        // Still an extract of CCMP: no « file without _ctg » note.
        expect(document.notes).toEqual([]);
        expect(unexpectedDifferences(before, after, mergedCells(document.applied))).toEqual([]);
      }
      expect(readdirSync(conversionTemp)).toEqual([]);
    },
    60_000,
  );

  it('without LibreOffice, refuses the .ods with the advice to save it as .xlsx, and merges the others', async () => {
    const other = await fillExtract(new Uint8Array(readFileSync(path('extrait.xlsx'))), [
      { key: 'G2', header: 'Statut', value: 'Réalisée' },
    ]);
    writeFileSync(path('autre.xlsx'), other);
    // An .ods as LibreOffice writes it when there is one; else the least the reader tells as one: it is never opened.
    const ods = saved.ods ?? openDocumentSpreadsheet();
    const previous = process.env.CTG_LIBREOFFICE;
    process.env.CTG_LIBREOFFICE = path('pas-de-libreoffice');
    try {
      writeFileSync(path('suivi-sans-lo.xlsx'), masterBytes);
      writeFileSync(path('retour-sans-lo.ods'), ods);
      const run = await runCli(['merge', path('suivi-sans-lo.xlsx'), path('retour-sans-lo.ods'), path('autre.xlsx')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('retour-sans-lo.ods est un classeur .ods\u00a0: LibreOffice');
      expect(run.stderr).toContain('enregistrez-le au format Classeur Excel (.xlsx)');
      expect(run.stdout).toContain('1 valeur reprise');
      const after = gridsOf(new Uint8Array(readFileSync(path('suivi-sans-lo.xlsx'))));
      expect(valueAt(after, 'G2', 'Statut')?.value).toBe('Réalisée');
      const json = await runCli(['merge', path('suivi.xlsx'), path('retour-sans-lo.ods'), '--json', '--dry-run']);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout).unreadable).toEqual([
        expect.objectContaining({ code: 'needs-libreoffice', file: path('retour-sans-lo.ods') }),
      ]);
    } finally {
      if (previous === undefined) delete process.env.CTG_LIBREOFFICE;
      else process.env.CTG_LIBREOFFICE = previous;
    }
  }, 30_000);
});
