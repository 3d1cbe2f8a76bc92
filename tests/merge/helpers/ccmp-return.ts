import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeAndWrite } from '../../../src/app/merge/merge-workbook';
import type { WorkbookGrids } from '../../../src/domain/grid';
import { gridsOf, recordingPort } from '../../xlsx-patch/helpers';
import { masterAndCcmpExtract } from './returned-extract';

/** The master is generated in 2026-T3, and the return merged into it later in that quarter. */
const generatedOn = new Date('2026-08-10T10:00:00Z');
const mergedOn = new Date('2026-09-20T08:00:00Z');

/**
 * For a suite about what one returned extract holds: the sample plan's master and CCMP's extract of it, made once
 * before the suite's tests, the extract's grids to edit (`extract`), and `merge`, a return merged into a copy of the
 * master (a dry run unless told; `written`: the master as the merge wrote it).
 */
export function ccmpReturnSuite(name: string) {
  const folder = mkdtempSync(join(tmpdir(), `ctg-merge-${name}-`));
  let made: { masterBytes: Uint8Array; extractGrids: WorkbookGrids } | undefined;
  beforeAll(async () => {
    const { masterBytes, extractBytes } = await masterAndCcmpExtract(
      generatedOn,
      join(folder, 'suivi.xlsx'),
      join(folder, 'extrait.xlsx'),
    );
    made = { masterBytes, extractGrids: gridsOf(extractBytes) };
  }, 60_000);
  const ready = () => {
    if (!made) throw new Error('the master and its extract are made before the suite’s tests');
    return made;
  };
  return {
    extract: (): WorkbookGrids => ready().extractGrids,
    async merge(grids: WorkbookGrids, { dryRun = true } = {}) {
      const recording = recordingPort(ready().masterBytes);
      const outcome = await mergeAndWrite(recording.port, [{ file: 'retour.xlsx', grids }], { now: mergedOn, dryRun });
      if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
      return { report: outcome.report, written: () => gridsOf(recording.last()) };
    },
  };
}
