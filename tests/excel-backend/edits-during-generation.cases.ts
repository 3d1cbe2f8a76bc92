import { generateWorkbook } from '../../src/app/generate';
import { ExcelWorkbookError } from '../../src/excel';
import { samplePlan } from '../layout/helpers/sample-plan';
import { portOnFake } from './helpers/run-on-fake';

/**
 * A workbook generated into a new one replaces its lone empty sheet (`Feuil1`), deleted at the switch. A person may
 * type in it while the generation's requests run: what they typed is not deleted with it without a word.
 */
const today = new Date('2026-11-28T10:00:00Z');

describe('a person types in the new workbook’s empty sheet while the workbook is generated', () => {
  test('their value stays in the workbook, or the generation is refused naming the cell', async () => {
    const { fake, port } = portOnFake();
    // The generation's first request learns that Feuil1 is empty; the edit lands before its second.
    fake.personEdits.beforeRoundTrip(2, () => fake.seed.sheet('Feuil1', [['Notes de la réunion']], 'B2'));
    let error: unknown = null;
    try {
      await generateWorkbook(samplePlan(), port, { today });
    } catch (caught) {
      error = caught;
    }
    expect(fake.personEdits.pending()).toBe(0);
    expect(fake.inspect.sheetNames()).toContain('Feuil1');
    expect(fake.inspect.values('Feuil1', 'B2')).toEqual([['Notes de la réunion']]);
    if (error) {
      expect(error).toBeInstanceOf(ExcelWorkbookError);
      expect((error as Error).message).toContain('Feuil1!B2');
    }
  }, 60_000);

  test('without an edit, the empty sheet is replaced by the workbook’s', async () => {
    const { fake, port } = portOnFake();
    await generateWorkbook(samplePlan(), port, { today });
    expect(fake.inspect.sheetNames()).not.toContain('Feuil1');
  }, 60_000);
});
