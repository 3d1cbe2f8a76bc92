import { createRoot } from 'react-dom/client';
import { whenOfficeReady } from '../excel/office-ready';
import { App } from './App';

async function start(): Promise<void> {
  const office = await whenOfficeReady();
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(<App inOffice={office.host !== null} />);
}

void start();
