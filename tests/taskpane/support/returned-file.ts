import { act, fireEvent, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import type { WorkbookGrids } from '../../../src/domain/grid';
import { extractWorkbook, findWorkbookRecipient, loadValidState } from '../../../src/app';
import type { ExcelPort } from '../../../src/excel';
import { writeXlsx } from '../../../src/xlsx/writer';
import { fillExtract, type KeyedEdit } from '../../merge/helpers/fill-extract';
import { XLSX_MIME_TYPE } from '../../../src/taskpane/files/save-download';
import { typeInto, type Entry } from '../../rewrite/helpers';
import { TODAY } from './pane-on-fake';

/** The type of an .xlsx file, as the pane offers it for download. */
export const XLSX_TYPE = XLSX_MIME_TYPE;

/** The axis sheets of `grids` with `entries` typed in, as an .xlsx file a partner sends back (no `_ctg`). */
export async function returnedFile(grids: WorkbookGrids, entries: readonly Entry[], name: string): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of typeInto(grids, entries).sheets) {
    if (!sheet.name.startsWith('Axe ') || !('rows' in sheet)) continue;
    const added = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell && cell.value !== null && cell.value !== undefined) {
          added.getCell(r + 1, c + 1).value = cell.value as ExcelJS.CellValue;
        }
      }),
    );
  }
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return new File([bytes as BlobPart], name, { type: XLSX_TYPE });
}

/**
 * `partner`'s extract of the open workbook, returned with `edits` typed in, as the file `name`; `changed`: what else
 * the partner did to the file.
 */
export async function returnedExtract(
  port: ExcelPort,
  partner: string,
  edits: KeyedEdit[],
  name: string,
  changed: (bytes: Uint8Array) => Promise<Uint8Array> = async (bytes) => bytes,
): Promise<File> {
  const loaded = await loadValidState(port, TODAY);
  if (!loaded.ok) throw new Error('the workbook is not valid');
  const made = await extractWorkbook(loaded.state, findWorkbookRecipient(loaded.state, partner)!, { now: TODAY });
  if (!made.ok) throw new Error(`no extract for ${partner}`);
  const bytes = await changed(await fillExtract(await writeXlsx(made.extract.spec), edits));
  return new File([bytes as BlobPart], name, { type: XLSX_TYPE });
}

/** Picks `files` in the section's file field, as the system's dialog hands them over. */
export async function pick(section: HTMLElement, files: File[]): Promise<void> {
  const input = section.querySelector('input[type="file"]') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

/** Waits until the section shows no progress bar. */
export const noProgress = (section: HTMLElement) =>
  waitFor(() => expect(within(section).queryByRole('progressbar')).toBeNull(), { timeout: 60_000 });

/** Picks one returned file in the merge section, names its partner and waits for « Voir les changements »' preview. */
export async function previewReturned(section: HTMLElement, file: File, partner: string): Promise<void> {
  await pick(section, [file]);
  const named = new RegExp(`Partenaire qui a renvoyé ${file.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  fireEvent.change(await within(section).findByRole('textbox', { name: named }), { target: { value: partner } });
  await act(async () => {
    fireEvent.click(within(section).getByRole('button', { name: 'Voir les changements' }));
  });
  await noProgress(section);
}

/**
 * Picks a partner's returned extract in the merge section, waits for the pane to name its partner, and gives the
 * preview « Voir les changements » shows of it.
 */
export async function previewExtract(section: HTMLElement, file: File, partner: string): Promise<HTMLElement> {
  await pick(section, [file]);
  await within(section).findByText(`${file.name} : extrait de ${partner}`);
  await act(async () => {
    fireEvent.click(within(section).getByRole('button', { name: 'Voir les changements' }));
  });
  await noProgress(section);
  return within(section).getByRole('article', { name: file.name });
}
