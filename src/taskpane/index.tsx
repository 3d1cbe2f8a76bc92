import { createRoot } from 'react-dom/client';
import { whenOfficeReady } from '../excel/office-ready';
import { App } from './App';
import { memoryStore, type KeyValueStore } from './status/last-validation';

/** The browser's storage for the add-in's origin, or memory when the host refuses it. */
function browserStore(): KeyValueStore {
  try {
    return window.localStorage ?? memoryStore();
  } catch {
    return memoryStore();
  }
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  // The Office.js back end comes in its own script, fetched while Office starts.
  const [office, excel] = await Promise.all([whenOfficeReady(), import('./excel-workbook')]);
  const inExcel = office.host !== null;
  const workbook = inExcel ? excel.openWorkbook() : null;
  const files = inExcel ? excel.excelFileActions() : undefined;
  createRoot(container).render(<App workbook={workbook} files={files} store={browserStore()} />);
}

void start();
