import { generateWorkbook, type GenerateSummary } from '../../../src/app/generate';
import type { Plan } from '../../../src/domain/plan';
import { createXlsxWriterPort } from '../../../src/xlsx/writer';

/** Generates the workbook of a plan through the use case and the .xlsx writer port; returns the file's bytes. */
export async function generateBytes(plan: Plan, today: Date): Promise<{ bytes: Uint8Array; summary: GenerateSummary }> {
  let bytes: Uint8Array | null = null;
  const summary = await generateWorkbook(
    plan,
    createXlsxWriterPort((written) => {
      bytes = written;
    }),
    { today },
  );
  if (!bytes) throw new Error('nothing written');
  return { bytes, summary };
}
