import { bilanDocument, bilanSheets, buildBilan, type Bilan, type BilanKind } from '../../app/bilan';
import type { Issue } from '../../app';
import type { ProducedFile } from '../files/file-output';
import { loadXlsxWriter } from '../files/xlsx-modules';
import type { WorkbookAccess } from '../workbook-access';

/** A bilan made in the pane: its summary and its file (null when the file could not be made), or why none. */
export type MadeBilan =
  | { ok: true; bilan: Bilan; title: string; warnings: Issue[]; file: ProducedFile | null }
  | { ok: false; issues: Issue[] };

/**
 * `ctg-suivi bilan` on the open workbook: the sheets a bilan needs read (`bilanSheets`), the bilan built, and its
 * workbook written to .xlsx bytes by the same writer, under the command line's default name. The open workbook is
 * only read.
 */
export async function makeBilan(
  workbook: WorkbookAccess,
  options: { kind: BilanKind; year: number | null; cdsf: boolean; now: Date },
): Promise<MadeBilan> {
  const grids = await workbook.read({ sheets: bilanSheets });
  const outcome = await buildBilan(grids, {
    kind: options.kind,
    ...(options.year === null ? {} : { year: options.year }),
    cdsf: options.cdsf,
    today: options.now,
    reread: (sheets) => workbook.read({ sheets }),
  });
  if (!outcome.ok) return { ok: false, issues: outcome.issues };
  const document = bilanDocument(outcome.bilan, options.now);
  let file: ProducedFile | null = null;
  try {
    const { writeXlsx } = await loadXlsxWriter();
    file = { name: document.fileName, bytes: await writeXlsx(document.spec) };
  } catch (error) {
    // Logged for whoever opens the developer tools; the pane says the workbook is missing, the summary stays.
    console.error(error);
  }
  return {
    ok: true,
    bilan: outcome.bilan,
    title: document.title,
    warnings: [...outcome.warnings, ...document.warnings],
    file,
  };
}
