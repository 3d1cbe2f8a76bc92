// « Calculer » in the pane costs two round trips to Excel (one read, one write of the cells that changed), the same for a larger plan (three
// times here, ten times in tests/excel-backend): the pane's first look at the workbook taught the port its sheets,
// and the read hands the write what it learnt. Each call the pane makes to the workbook is recorded with the round
// trips it took on the fake Excel.
import './support/jsdom-globals';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { embeddedPlan, generateWorkbook } from '../../src/app';
import type { ReadOptions, WorkbookReader, WriteContext } from '../../src/app/port';
import { createExcelPort } from '../../src/excel';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { App } from '../../src/taskpane/App';
import { createFakeExcel } from '../fake-excel';
import { scaledPlan } from '../excel-backend/helpers/scaled-plan';
import { liveRegionOf, statusRead, TODAY } from './support/pane-on-fake';
import { fr } from './support/french';

const FOLLOW_UP = 'Suivi du trimestre';

async function calls(factor: number) {
  // Excel on Windows or Mac: on the web, a plan ten times larger passes the 5 MB limits and is split by size.
  const fake = createFakeExcel({ sheets: ['Feuil1'], requestPayloadLimit: Infinity, responsePayloadLimit: Infinity });
  const port = createExcelPort({
    excel: fake.officeJs.Excel,
    office: fake.officeJs.Office,
    requestBudgetBytes: Infinity,
  });
  await generateWorkbook(scaledPlan(embeddedPlan().plan, factor), port, { today: TODAY });
  // A person abandons the first fiche: « Calculer » then has cells to write (« Abandonnée en », a Journal line).
  await fake.officeJs.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Axe 1');
    const headers = fake.inspect.snapshotGrid('Axe 1').rows[2] ?? [];
    const status = headers.findIndex((cell) => cell?.value === 'Statut');
    sheet.getCell(3, status).values = [['Abandonnée']];
    await context.sync();
  });
  const log: { call: 'read' | 'write'; roundTrips: number }[] = [];
  const measured = async <T,>(call: 'read' | 'write', work: () => Promise<T>): Promise<T> => {
    const before = fake.stats.roundTrips;
    const result = await work();
    log.push({ call, roundTrips: fake.stats.roundTrips - before });
    return result;
  };
  const recording = {
    ...port,
    // The pane's options (the sheets its status needs) are passed on: what is counted is what it reads.
    read: ((options?: ReadOptions) =>
      measured('read', () => (options ? port.read(options) : port.read()))) as WorkbookReader['read'],
    write: (spec: WorkbookSpec, context?: WriteContext): Promise<void> =>
      measured('write', () => port.write(spec, context)),
  };
  render(<App workbook={recording} today={() => TODAY} />);
  await statusRead();
  log.length = 0;
  await act(async () => {
    fireEvent.click(await screen.findByRole('button', { name: 'Calculer' }));
  });
  await waitFor(() => expect(liveRegionOf(FOLLOW_UP).textContent).toContain(fr('2026-T2')), { timeout: 150_000 });
  // After the write the pane reads the workbook's status again (one round trip: the sheets are known).
  await waitFor(() => expect(log).toHaveLength(3), { timeout: 30_000 });
  return log;
}

describe('round trips of « Calculer » in the pane', () => {
  test.each([1, 3])(
    'one read and one write, one round trip each, for the plan ×%i',
    async (factor) => {
      expect(await calls(factor)).toEqual([
        { call: 'read', roundTrips: 1 },
        { call: 'write', roundTrips: 1 },
        { call: 'read', roundTrips: 1 },
      ]);
    },
    300_000,
  );
});
