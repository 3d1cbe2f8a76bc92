import { quarterLabel } from '../domain/periods';
import { allFiches, type Plan } from '../domain/plan';
import { buildNewWorkbook } from '../layout/workbook-layout';
import type { WorkbookWriter } from './port';

export interface GenerateOptions {
  /** The moment of generation (the current quarter derives from it; never TODAY() in the workbook). */
  today: Date;
}

export interface GenerateSummary {
  /** Sheet names in workbook order. */
  sheets: string[];
  /** The sheets a person sees, in order: all but the hidden ones (`_ctg`). What the summaries list. */
  visibleSheets: string[];
  ficheCount: number;
  criterionCount: number;
  /** `AAAA-Tn`. */
  currentQuarter: string;
  /** SHA-256 of the key list stored in `_ctg`. */
  planFingerprint: string;
}

/** Builds the tracking workbook of a plan and writes it through the port (a file, or the open workbook). */
export async function generateWorkbook(
  plan: Plan,
  port: WorkbookWriter,
  options: GenerateOptions,
): Promise<GenerateSummary> {
  const layout = await buildNewWorkbook(plan, { today: options.today });
  await port.write(layout.spec);
  const fiches = allFiches(plan);
  return {
    sheets: layout.spec.sheets.map((sheet) => sheet.name),
    visibleSheets: layout.spec.sheets.filter((sheet) => sheet.visibility === 'visible').map((sheet) => sheet.name),
    ficheCount: fiches.length,
    criterionCount: fiches.reduce((sum, fiche) => sum + fiche.criteria.length, 0),
    currentQuarter: quarterLabel(layout.currentQuarter),
    planFingerprint: layout.fingerprint,
  };
}
