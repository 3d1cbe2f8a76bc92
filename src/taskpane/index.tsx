import { createRoot } from 'react-dom/client';
import { createExcelPort } from '../excel';
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
  const office = await whenOfficeReady();
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const workbook = office.host !== null ? createExcelPort() : null;
  createRoot(container).render(<App workbook={workbook} store={browserStore()} />);
}

void start();
