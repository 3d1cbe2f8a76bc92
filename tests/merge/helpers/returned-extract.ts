import { strFromU8, unzipSync } from 'fflate';
import type { WorkbookGrids } from '../../../src/domain/grid';
import { readFileSync, writeFileSync } from 'node:fs';
import { gridDifferences, filledWorkbook } from '../../xlsx-patch/helpers';
import { samplePlan } from '../../layout/helpers/sample-plan';
import { clockAt, restoreClock } from '../../cli/clock';
import { runCli } from '../../cli/run-cli';
import { keptForRun } from '../../helpers/kept-for-run';
import type { Entry } from '../../rewrite/helpers';

// Apart, with nothing of the command line: the task pane's suites fill extracts too.
export { fillExtract, type KeyedEdit } from './fill-extract';

/** The grids with each formula cell reduced to its formula: its cached result follows the cells merged. */
function formulasOnly(grids: WorkbookGrids): WorkbookGrids {
  return {
    sheets: grids.sheets.map((grid) => ({
      ...grid,
      rows: grid.rows.map((row) =>
        (row ?? []).map((cell) => (cell?.formula ? { value: null, formula: cell.formula } : cell)),
      ),
    })),
  };
}

/**
 * What a merge changed in the master besides what it should: every differing cell but the merged ones (`merged`:
 * `Sheet!A1`), the records it adds to (Journal, Contributions) and `_ctg`'s last write date (B8). A formula must stay
 * the same; its result may follow.
 */
export function unexpectedDifferences(
  before: WorkbookGrids,
  after: WorkbookGrids,
  merged: readonly string[],
): string[] {
  const expected = new Set([...merged, '_ctg!B8']);
  return gridDifferences(formulasOnly(before), formulasOnly(after)).filter((line) => {
    const place = line.slice(0, line.indexOf(':'));
    if (expected.has(place)) return false;
    const sheet = place.includes('!') ? place.slice(0, place.lastIndexOf('!')) : place;
    return sheet !== 'Journal' && sheet !== 'Contributions';
  });
}

/**
 * Whether each cell of a sheet is locked, as Excel reads the file: the cell's style's `<protection locked>` (locked
 * unless it says `0` or `false`), and whether the sheet is protected. Read from the XML, since ExcelJS does not read
 * LibreOffice's `true`/`false` attributes.
 */
export function protectionOf(bytes: Uint8Array, sheet: string): { sheet: boolean; locked: (cell: string) => boolean } {
  const parts = unzipSync(bytes);
  const text = (name: string) => strFromU8(parts[name]);
  const escaped = sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const id = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(text('xl/workbook.xml'))?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(
    text('xl/_rels/workbook.xml.rels'),
  )?.[1];
  if (!id || !target) throw new Error(`no sheet ${sheet}`);
  const xml = text(`xl/${target.replace(/^\/?xl\//, '')}`);
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text('xl/styles.xml'))![1];
  const styles = cellXfs.match(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
  const lockedStyle = (index: number) => !/<protection [^>]*locked="(0|false)"/.test(styles[index] ?? '');
  return {
    sheet: /<sheetProtection [^>]*sheet="(1|true)"/.test(xml),
    locked: (cell) => {
      const style = new RegExp(`<c r="${cell}"(?: [^>]*)? s="(\\d+)"`).exec(xml)?.[1];
      return lockedStyle(Number(style ?? 0));
    },
  };
}

/**
 * When the masters' extracts are made: after the instants the tests give their masters and merges (2026's third
 * quarter), before any real run's clock, which a test's later extract of the same master is made at.
 */
const EXTRACTED_AT = new Date('2026-10-01T08:00:00Z');

/**
 * A master of the sample plan with a Statut and a first quarter typed (generated on `generatedOn`), and the values of
 * `typed`, written to `master`, and CCMP's extract of it made by the command line, written to `extract`. Both are made once per run
 * (tests/helpers/kept-for-run.ts) and copied: some twenty-five calls a run, for the same few masters. The extract is
 * made at a fixed instant (`EXTRACTED_AT`), so that its bytes are the same from one run to the next and LibreOffice's
 * conversions of files made from it are kept (tests/helpers/libreoffice-cache.ts) rather than made again each run.
 */
export async function masterAndCcmpExtract(
  generatedOn: Date,
  master: string,
  extract: string,
  typed: readonly Entry[] = [],
): Promise<{ masterBytes: Uint8Array; extractBytes: Uint8Array }> {
  const masterBytes = await filledWorkbook(
    samplePlan(),
    [{ key: 'G1', header: 'Statut', value: 'En cours' }, { key: 'G1-QN1', header: '2026-T1', value: 4 }, ...typed],
    generatedOn,
  );
  writeFileSync(master, masterBytes);
  const extractBytes = await keptForRun('ccmp-extract', masterBytes, async () => {
    clockAt(EXTRACTED_AT);
    const run = await runCli(['extract', master, '--porteur', 'CCMP', '-o', extract]).finally(restoreClock);
    if (run.code !== 0) throw new Error(run.stderr);
    return new Uint8Array(readFileSync(extract));
  });
  writeFileSync(extract, extractBytes);
  return { masterBytes, extractBytes };
}
