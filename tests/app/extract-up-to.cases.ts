import { sampleWorkbookState } from './sample-extract';
import { extractWorkbook, findWorkbookRecipient } from '../../src/app/extract';
import { type WorkbookState } from '../../src/app/workbook-state';
import { renderIssueMessage } from '../../src/domain/issues';

// The sample plan runs from 2026-01-01 to 2030-12-31; generated on this day, Q is 2026-T2.
const today = new Date('2026-05-10T09:00:00Z');

/** An extract's quarter typed by a person is read as Paramètres' current-quarter cell is read. */
describe('an extract up to a quarter typed by a person', () => {
  let state: WorkbookState;

  beforeAll(async () => {
    state = await sampleWorkbookState(today);
  }, 30_000);

  it.each(['2026-T3', '2026-t3', ' 2026-t3 '])('takes %p, and names the extract after 2026-T3', async (upTo) => {
    const made = await extractWorkbook(state, findWorkbookRecipient(state, 'CCMP')!, { now: today, upTo });
    if (!made.ok) throw new Error(JSON.stringify(made.issues));
    expect(made.extract.quarter).toBe('2026-T3');
    expect(made.extract.fileName).toMatch(/-2026-T3\.xlsx$/);
  });

  it('refuses a quarter that is none, quoting what was typed', async () => {
    const made = await extractWorkbook(state, findWorkbookRecipient(state, 'CCMP')!, { now: today, upTo: '2026 T3' });
    if (made.ok) throw new Error('accepted');
    expect(made.issues.map((issue) => issue.code)).toEqual(['quarter-malformed']);
    expect(renderIssueMessage(made.issues[0])).toContain('«\u00a02026 T3\u00a0»');
  });
});
