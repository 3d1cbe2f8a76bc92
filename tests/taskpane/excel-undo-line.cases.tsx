// The line beside « Calculer » and « Clôturer le trimestre » that says when Excel's « Annuler » will not take
// their changes back: shown where the port says so (this Excel lacks ExcelUndoApiAll, or the rewrite must lift
// a sheet's protection), absent where it would be undone.
import './support/jsdom-globals';
import { act, render, screen, within } from '@testing-library/react';
import { createExcelPort } from '../../src/excel';
import { App } from '../../src/taskpane/App';
import { texts } from '../../src/taskpane/texts';
import { createFakeExcel } from '../fake-excel';
import { statusRead, TODAY } from './support/pane-on-fake';
import { openGeneratedWorkbook } from './support/shared-workbook';

const FOLLOW_UP = 'Suivi du trimestre';
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

async function paneOnTrackingWorkbook(keepsUndo?: boolean) {
  const fake = createFakeExcel({ sheets: ['Feuil1'] });
  await openGeneratedWorkbook(fake);
  const port = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office });
  const workbook = keepsUndo === undefined ? port : { ...port, rewriteKeepsExcelUndo: () => keepsUndo };
  await act(async () => {
    render(<App workbook={workbook} today={() => TODAY} />);
  });
  await statusRead();
  return within(await screen.findByRole('region', { name: FOLLOW_UP }, { timeout: 60_000 }));
}

describe('Excel’s « Annuler » beside the rewrites', () => {
  it('says in one line, beside the buttons, that Excel will not undo them and the Journal keeps each change', async () => {
    const section = await paneOnTrackingWorkbook();
    const line = section.getByText(plain(texts.followUp.excelUndoNotKept));
    expect(line.textContent).toContain('Journal');
    // Right after the buttons' row.
    expect(line.previousElementSibling?.textContent).toContain('Calculer');
  }, 90_000);

  it('says nothing where Excel will undo them', async () => {
    const section = await paneOnTrackingWorkbook(true);
    expect(section.queryByText(plain(texts.followUp.excelUndoNotKept))).toBeNull();
    expect(section.getByRole('button', { name: 'Calculer' })).toBeTruthy();
  }, 90_000);
});
