// The bar that explains an Excel failure: its message, then what the failure left in the workbook; after merges of
// earlier partners written, those first, then what became of the rest — never a sentence left hanging.
import './support/jsdom-globals';
import { render } from '@testing-library/react';
import { ExcelWorkbookError } from '../../src/excel';
import { ExcelErrorBar } from '../../src/taskpane/common/excel-error-bar';
import { texts } from '../../src/taskpane/texts';

describe('what a later merge’s failure left, after earlier merges written', () => {
  const before = texts.merge.partlyWritten(['lien.xlsx'], 1);

  it('says what the rest left when Excel tells it, as the rest of the sentence', () => {
    const failure = new ExcelWorkbookError('AccessDenied', 'Excel a refusé la modification.', undefined, 'restored');
    const { container } = render(<ExcelErrorBar error={failure} before={before} rest={texts.merge.restOfMerge} />);
    expect(container.textContent).toContain(
      'Pour la suite de la fusion\u00a0: le classeur a été remis comme avant\u00a0: ce que l’opération',
    );
  });

  it('ends on what was written when what the rest left is not known: no « Pour la suite » with nothing after it', () => {
    const { container } = render(
      <ExcelErrorBar error={new Error('réseau')} before={before} rest={texts.merge.restOfMerge} />,
    );
    const text = container.textContent ?? '';
    expect(text).not.toContain('Pour la suite de la fusion');
    expect(text.trim().endsWith('(«\u00a0Annuler la dernière fusion\u00a0» la retire).')).toBe(true);
  });
});
