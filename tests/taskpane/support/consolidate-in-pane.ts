import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { openTask, renderPaneOnFake, statusRead } from './pane-on-fake';

/**
 * The pane's « Consolidation » task on files picked at once: rendered on the fake Excel, the files picked, the
 * consolidation run to its end. Returns the task's section, to read what the Caf sees there.
 */
export async function consolidateInPane(files: File[]): Promise<HTMLElement> {
  renderPaneOnFake();
  await statusRead();
  openTask('Consolidation');
  const section = screen.getByRole('region', { name: 'Consolidation des territoires' });
  await act(async () => {
    fireEvent.change(section.querySelector('input[type="file"]')!, { target: { files } });
  });
  fireEvent.click(within(section).getByRole('button', { name: 'Consolider' }));
  await waitFor(() => expect(within(section).queryByRole('progressbar')).toBeNull(), { timeout: 60_000 });
  return section;
}
