import { act } from '@testing-library/react';
import { embeddedPlan, generateWorkbook } from '../../../src/app';
import { createExcelPort, type ExcelPort } from '../../../src/excel';
import { createFakeExcel, type FakeExcel, type KeptWorkbook } from '../../fake-excel';
import { TODAY } from './pane-on-fake';

/**
 * A workbook that many tests of a suite start from, made once by `make` through the Office.js port in a fake Excel
 * of its own (one sheet, Feuil1, as `renderPaneOnFake` opens), then copied into each test's fake Excel
 * (`fake.putBack`): the same cells, formats, names and selection as if `make` had run there, without writing them
 * again for each test (generating the embedded plan's workbook on the fake takes about half a second).
 */
export function sharedWorkbook(make: (port: ExcelPort) => Promise<unknown>): (fake: FakeExcel) => Promise<void> {
  let kept: Promise<KeptWorkbook> | undefined;
  const keep = async (): Promise<KeptWorkbook> => {
    const source = createFakeExcel({ sheets: ['Feuil1'] });
    await make(createExcelPort({ excel: source.officeJs.Excel, office: source.officeJs.Office }));
    return source.keep();
  };
  return async (fake) => {
    kept ??= keep();
    // In act: the pane rendered on `fake` may finish its first read while the workbook is made.
    await act(async () => {
      fake.putBack(await kept!);
    });
  };
}

/** The embedded plan's tracking workbook, generated at TODAY, opened in `fake`'s Excel. */
export const openGeneratedWorkbook = sharedWorkbook((port) =>
  generateWorkbook(embeddedPlan().plan, port, { today: TODAY }),
);
