import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App, type AppProps } from '../../../src/taskpane/App';
import { createExcelFileActions, createExcelPort, type ExcelPort } from '../../../src/excel';
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from '../../fake-excel';

/** A date inside the embedded plan's period (2026–2030): its quarter, 2026-T2, becomes the current quarter. */
export const TODAY = new Date('2026-05-15T10:00:00Z');

/**
 * The task pane rendered on a fake Excel (`fakeOptions`: its ExcelApi version, its platform), the Office.js port and
 * the file actions built on it as in the add-in.
 */
export function renderPaneOnFake(
  props: Partial<AppProps> = {},
  fakeOptions: FakeExcelOptions = {},
): { fake: FakeExcel; port: ExcelPort } {
  const fake = createFakeExcel({ sheets: ['Feuil1'], ...fakeOptions });
  const office = { excel: fake.officeJs.Excel, office: fake.officeJs.Office };
  const port = createExcelPort(office);
  render(<App workbook={port} today={() => TODAY} files={createExcelFileActions(office)} {...props} />);
  return { fake, port };
}

/**
 * Waits for the working part of the pane, which loads after its frame (a lazily loaded chunk), and shows its tasks
 * once it knows what the open workbook is.
 */
export async function paneLoaded(): Promise<void> {
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Suivi CTG');
  await screen.findByRole('tablist', { name: 'Tâches' }, { timeout: 60_000 });
}

/** Selects the task's tab (« Trimestre », « Vérification », « Création »). */
export function openTask(name: string): void {
  fireEvent.click(screen.getByRole('tab', { name }));
  expect(screen.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

/** Waits until the start view has read the workbook. */
export async function statusRead(): Promise<void> {
  await paneLoaded();
  await waitFor(() => expect(screen.queryByText('Lecture du classeur…')).toBeNull());
}

/**
 * Clicks « Relire le classeur » and waits until the workbook is read again, as a person does after changing the
 * workbook outside the pane (here: generated through the port after the pane opened, which it may have read first).
 */
export async function readAgain(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Relire le classeur' }));
  });
  await statusRead();
}

export async function chooseEmbeddedPlan(): Promise<void> {
  await paneLoaded();
  openTask('Création');
  fireEvent.click(screen.getByRole('radio', { name: /Plan intégré/ }));
}

/** Clicks "Créer le classeur de suivi" and waits for the outcome (summary, refusal or error). */
export async function clickGenerate(): Promise<void> {
  openTask('Création');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Créer le classeur de suivi' }));
  });
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull(), { timeout: 20_000 });
}

export async function clickValidate(): Promise<void> {
  openTask('Vérification');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier le classeur' }));
  });
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull(), { timeout: 20_000 });
}

/** The live region of the section titled `heading`. */
export function liveRegionOf(heading: string): HTMLElement {
  const section = screen.getByRole('region', { name: heading });
  return within(section).getByRole('status');
}
