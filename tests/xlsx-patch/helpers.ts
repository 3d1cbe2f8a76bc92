import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { WorkbookChanges, WorkbookPort, WriteContext } from '../../src/app/port';
import { readWorkbookState } from '../../src/app/workbook-state';
import { buildStateWorkbook } from '../../src/app/write-state';
import type { GridCell, WorkbookGrids } from '../../src/domain/grid';
import { cellAddress } from '../../src/layout/a1';
import { renameSheets } from '../../src/layout/formula-references';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { packageLayout } from '../../src/xlsx/patch/package-parts';
import { ZipPackage } from '../../src/xlsx/patch/zip-package';
import { readXlsx } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { createXlsxFilePort } from '../../src/xlsx/xlsx-file-port';
import type { Plan } from '../../src/domain/plan';
import { keptForRun } from '../helpers/kept-for-run';
import { roundTrip, typeInto, type Entry } from '../rewrite/helpers';

export function gridsOf(bytes: Uint8Array): WorkbookGrids {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(`unreadable: ${read.error.code} ${JSON.stringify(read.error.params)}`);
  return read.grids;
}

/**
 * A workbook as the tools write it, with values typed in its input cells. Made once per run for the same plan,
 * entries and day (tests/helpers/kept-for-run.ts): some forty calls a run, half of them for one master of the merge's
 * tests.
 */
export function filledWorkbook(plan: Plan, entries: readonly Entry[], today: Date): Promise<Uint8Array> {
  return keptForRun('filled', [plan, entries, today], () => filledWorkbookNow(plan, entries, today));
}

async function filledWorkbookNow(plan: Plan, entries: readonly Entry[], today: Date): Promise<Uint8Array> {
  const fresh = await roundTrip((await buildNewWorkbook(plan, { today })).spec);
  const reading = await readWorkbookState(typeInto(fresh, entries));
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return writeXlsx((await buildStateWorkbook(reading.state, { now: today })).spec);
}

/** The file port over `bytes`, keeping what each write gave and the context it was given. */
export function recordingPort(bytes: Uint8Array, { whole = false } = {}) {
  const written: Uint8Array[] = [];
  const contexts: (WriteContext | undefined)[] = [];
  const inner = createXlsxFilePort(bytes, (saved) => void written.push(saved));
  const port: WorkbookPort = {
    read: () => inner.read(),
    write: (spec, context) => {
      contexts.push(context);
      return inner.write(spec, whole ? { ...(context?.after ? { after: context.after } : {}) } : context);
    },
  };
  return { port, written, contexts, last: () => written[written.length - 1] };
}

/** The changes a write was given (a rewrite that keeps the shape), or a failure saying there were none. */
export function changesOf(context: WriteContext | undefined): WorkbookChanges {
  if (!context?.changes) throw new Error('the rewrite was not given cell changes');
  return context.changes;
}

/**
 * A cell as both readers of a file agree on it: empty text and a missing cell are the same, and so are two formulas
 * that differ only by the quotes around a sheet's name (a rewrite keeps `Paramètres!$B$9` as LibreOffice or Excel
 * saved it, where a whole write gives `'Paramètres'!$B$9`: `sameFormula`).
 */
function comparable(cell: GridCell | null | undefined): GridCell | null {
  if (!cell || (!cell.formula && (cell.value === null || cell.value === ''))) return null;
  return cell.formula ? { ...cell, formula: renameSheets(cell.formula, (sheet) => sheet) } : cell;
}

/** Every cell that differs between two readings, as `sheet!A1: before → after`. */
export function gridDifferences(a: WorkbookGrids, b: WorkbookGrids): string[] {
  const differences: string[] = [];
  const names = [...new Set([...a.sheets, ...b.sheets].map((sheet) => sheet.name))];
  for (const name of names) {
    const left = a.sheets.find((sheet) => sheet.name === name);
    const right = b.sheets.find((sheet) => sheet.name === name);
    if (!left || !right || left.visibility !== right.visibility) {
      differences.push(`${name}: sheet`);
      continue;
    }
    const rows = Math.max(left.rows.length, right.rows.length);
    for (let r = 0; r < rows; r += 1) {
      const columns = Math.max(left.rows[r]?.length ?? 0, right.rows[r]?.length ?? 0);
      for (let c = 0; c < columns; c += 1) {
        const x = comparable(left.rows[r]?.[c]);
        const y = comparable(right.rows[r]?.[c]);
        if (JSON.stringify(x) !== JSON.stringify(y))
          differences.push(`${name}!${cellAddress(r + 1, c + 1)}: ${JSON.stringify(x)} → ${JSON.stringify(y)}`);
      }
    }
  }
  return differences;
}

/** A copy of `bytes` as a file of its own under `scratch`, for the command line to rewrite in place. */
export function workbookFileIn(scratch: string, bytes: Uint8Array): string {
  fs.mkdirSync(scratch, { recursive: true });
  const file = path.join(fs.mkdtempSync(path.join(scratch, 'cli-')), 'suivi.xlsx');
  fs.writeFileSync(file, bytes);
  return file;
}

export const NOTE = 'Chiffre donné par la ludothèque le 3 avril';

/**
 * How a sheet's notes may reach us damaged: the comments part cut short (a copy interrupted), not well-formed, named
 * by the sheet's relationship but absent from the package, that relationship pointing at another part (the styles), or
 * the sheet's relationships part itself cut.
 */
export type NotesDamage = 'cut' | 'malformed' | 'missing' | 'elsewhere' | 'relationships cut';

export interface CellNotesOptions {
  text?: string;
  damage?: NotesDamage;
}

/** The workbook with a note on each of `addresses` of `sheetName`, as a spreadsheet saves them: a comments part. */
export function withCellNotes(
  bytes: Uint8Array,
  sheetName: string,
  addresses: readonly string[],
  { text = NOTE, damage }: CellNotesOptions = {},
): Uint8Array {
  const files = unzipSync(bytes);
  const entry = packageLayout(new ZipPackage(bytes)).sheets.find((one) => one.name === sheetName)!.entry;
  const rels = entry.replace(/([^/]+)$/, '_rels/$1.rels');
  const relationship =
    '<Relationship Id="rIdNote1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments9.xml"/>';
  files[rels] = strToU8(
    files[rels]
      ? strFromU8(files[rels]).replace('</Relationships>', `${relationship}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationship}</Relationships>`,
  );
  const notes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<authors><author>Agent CTG</author></authors><commentList>' +
    addresses
      .map(
        (address) =>
          `<comment ref="${address}" authorId="0"><text><r><rPr><b/></rPr><t>Agent CTG:</t></r>` +
          `<r><t xml:space="preserve">\n${text}</t></r></text></comment>`,
      )
      .join('') +
    '</commentList></comments>';
  files['xl/comments9.xml'] = strToU8(notes);
  // Damaged as a copy cut short leaves it: the part ends inside the note.
  if (damage === 'cut')
    files['xl/comments9.xml'] = files['xl/comments9.xml'].subarray(0, files['xl/comments9.xml'].length - 60);
  if (damage === 'malformed') files['xl/comments9.xml'] = strToU8(notes.replace('</text>', '</txt>'));
  if (damage === 'missing' || damage === 'elsewhere') delete files['xl/comments9.xml'];
  if (damage === 'elsewhere')
    files[rels] = strToU8(strFromU8(files[rels]).replace('../comments9.xml', '../styles.xml'));
  if (damage === 'relationships cut') files[rels] = files[rels].subarray(0, files[rels].length - 30);
  return zipSync(files);
}

/** What a worksheet may write after `<mergeCells>`, in the schema's order: merged ranges go before the first found. */
const AFTER_MERGED_RANGES =
  /<(?:\w+:)?(?:phoneticPr|conditionalFormatting|dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]/;

/**
 * The workbook with `ranges` of `sheetName` merged as a spreadsheet saves them (`<mergeCell ref>`), its cells left as
 * they are: Excel empties a range's other cells when it merges them (type them empty first to be Excel), LibreOffice
 * may keep what they hold, hidden under the first.
 */
export function withMergedCells(bytes: Uint8Array, sheetName: string, ranges: readonly string[]): Uint8Array {
  const files = unzipSync(bytes);
  const entry = packageLayout(new ZipPackage(bytes)).sheets.find((one) => one.name === sheetName)!.entry;
  const xml = strFromU8(files[entry]);
  const refs = ranges.map((range) => `<mergeCell ref="${range}"/>`).join('');
  const existing = xml.indexOf('</mergeCells>');
  const dataEnd = xml.indexOf('</sheetData>');
  const after = xml.slice(dataEnd).search(AFTER_MERGED_RANGES);
  const at = existing >= 0 ? existing : after >= 0 ? dataEnd + after : xml.lastIndexOf('</worksheet>');
  const added = existing >= 0 ? refs : `<mergeCells count="${ranges.length}">${refs}</mergeCells>`;
  files[entry] = strToU8(xml.slice(0, at) + added + xml.slice(at));
  return zipSync(files);
}
