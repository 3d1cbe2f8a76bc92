import { strFromU8, unzipSync } from 'fflate';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { emptySheet, setCell } from '../../src/layout/sheet-building';
import { writeXlsx } from '../../src/xlsx/writer';
import { samplePlan } from '../layout/helpers/sample-plan';
import { changesOf, gridsOf, recordingPort } from './helpers';

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

/**
 * A person's formula saved without its result (a file written by a script: openpyxl keeps no results) is kept at its
 * address, holding what was read: the rewrite keeps the workbook's shape and patches it, rather than writing it whole
 * at every compute and copying the person's own sheet back without its look each time.
 */
describe('a person’s formula without a stored result, beside an axis table', () => {
  it('lets a compute patch the workbook: the formula stays, the person’s sheet keeps its look', async () => {
    const spec = (await buildNewWorkbook(samplePlan(), { today })).spec;
    const axis = spec.sheets.find((sheet) => sheet.name === 'Axe 1')!;
    const besideTable = axis.rows[2].cells.length + 1; // right after the table's last column, in a fiche's row
    setCell(axis, 5, besideTable, { value: { formula: 'SUM(D5:E5)', result: null } });
    const own = emptySheet('Mes notes');
    own.columns = [{ width: 41 }];
    setCell(own, 1, 1, { value: 'Réunion du 12 mai', style: { bold: true, fill: 'FFEE99' } });
    spec.sheets.splice(spec.sheets.length - 1, 0, own);
    const start = await writeXlsx(spec);
    expect(gridsOf(start).sheets.find((sheet) => sheet.name === 'Axe 1')?.rows[4]?.[besideTable - 1]).toMatchObject({
      formula: 'SUM(D5:E5)',
      uncalculated: true,
    });

    const recorded = recordingPort(start);
    const outcome = await computeAndWrite(recorded.port, { now: later });
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done')
      expect(outcome.notes.map((note) => note.code)).not.toContain('sheet-copied-as-values');
    changesOf(recorded.contexts[0]);
    const axisAfter = gridsOf(recorded.last()).sheets.find((sheet) => sheet.name === 'Axe 1');
    expect(axisAfter?.rows[4]?.[besideTable - 1]?.formula).toBe('SUM(D5:E5)');
    const notesXml = Object.entries(unzipSync(recorded.last()))
      .filter(([name]) => name.startsWith('xl/worksheets/'))
      .map(([, bytes]) => strFromU8(bytes))
      .find((xml) => xml.includes('width="41'));
    expect(notesXml).toBeDefined();
  }, 60_000);
});
