/**
 * @jest-environment jsdom
 */
// The placeholder task pane (issue 3 replaces its body): French title and purpose, and a hint when opened
// outside Excel.
import { render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';

describe('placeholder task pane', () => {
  it('shows the French title and what the pane is for', () => {
    render(<App inOffice={true} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Suivi CTG');
    expect(screen.getByText(/Convention territoriale globale/)).toBeTruthy();
    expect(screen.queryByText(/depuis Excel/)).toBeNull();
  });

  it('tells the user to open it from Excel when there is no workbook around it', () => {
    render(<App inOffice={false} />);
    expect(screen.getByText('Ouvrez ce volet depuis Excel pour travailler sur un classeur.')).toBeTruthy();
  });
});
