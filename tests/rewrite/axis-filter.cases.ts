import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { degradationNotes } from '../../src/excel/excel-texts';
import { cellAddress } from '../../src/layout/a1';
import { packageLayout } from '../../src/xlsx/patch/package-parts';
import { patchXlsx } from '../../src/xlsx/patch';
import { ZipPackage } from '../../src/xlsx/patch/zip-package';
import { generateOnFake } from '../excel-backend/helpers/run-on-fake';
import { samplePlan } from '../layout/helpers/sample-plan';
import { filledWorkbook, gridsOf, recordingPort } from '../xlsx-patch/helpers';
import { sheet } from './helpers';

/**
 * An axis sheet's autofilter covers its table as written (docs/WORKBOOK.md, « Axis sheets »), the columns a person
 * added after it included, whether the rewrite writes the workbook whole or patches its cells; a person's own
 * filter criteria stay. A patched rewrite never adds rows to an axis table (a new key moves its shape: the workbook
 * is written whole, its filter over every row), so only those columns can grow it.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const letters = (column: number) => cellAddress(1, column).replace(/\d+/g, '');

function axisXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const entry = packageLayout(new ZipPackage(bytes)).sheets.find((one) => one.name === 'Axe 1')!.entry;
  return strFromU8(files[entry]);
}

const filterOf = (xml: string) => /<autoFilter ref="([^"]+)"/.exec(xml)?.[1] ?? null;

describe('the axis sheet’s filter over its table as a rewrite writes it', () => {
  it('in a file: the filter grows to the added column, the person’s criterion kept', async () => {
    const start = await filledWorkbook(samplePlan(), [], today);
    const axis = sheet(gridsOf(start), 'Axe 1');
    const header = axis.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé')) + 1;
    const width = axis.rows[header - 1].length;
    const fiche = axis.rows.findIndex((row) => row?.[0]?.value === 'G1') + 1;
    const tools = filterOf(axisXml(start))!;
    expect(tools).toBe(`A${header}:${letters(width)}${axis.rows.length}`);
    // The person types a column after the table, and filters Type on « Fiche ».
    let typed = patchXlsx(start, {
      cells: [
        { sheet: 'Axe 1', row: header, column: width + 1, content: 'Notes internes' },
        { sheet: 'Axe 1', row: fiche, column: width + 1, content: 'à relancer' },
      ],
      ranges: [],
    });
    const files = unzipSync(typed);
    const entry = packageLayout(new ZipPackage(typed)).sheets.find((one) => one.name === 'Axe 1')!.entry;
    files[entry] = strToU8(
      strFromU8(files[entry]).replace(
        /<autoFilter ref="([^"]+)"\/>/,
        '<autoFilter ref="$1"><filterColumn colId="1"><filters><filter val="Fiche"/></filters></filterColumn></autoFilter>',
      ),
    );
    typed = zipSync(files);
    const file = recordingPort(typed);

    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');

    expect(file.contexts[0]?.changes).toBeDefined();
    const xml = axisXml(file.last());
    expect(filterOf(xml)).toBe(`A${header}:${letters(width + 1)}${axis.rows.length}`);
    expect(xml).toContain('<filterColumn colId="1"><filters><filter val="Fiche"/></filters></filterColumn>');
    // Written again, the file's filter already covers the column: the sheet's filter is left as it is.
    const again = recordingPort(file.last());
    expect((await computeAndWrite(again.port, { now: later })).status).toBe('done');
    expect(filterOf(axisXml(again.last()))).toBe(`A${header}:${letters(width + 1)}${axis.rows.length}`);
  }, 60_000);

  it('in the open workbook (fake Excel): the filter grows to the added column, and only once', async () => {
    const { fake, port } = await generateOnFake(samplePlan(), today, { undoApi: true });
    const axis = fake.inspect.snapshotGrid('Axe 1');
    const header = axis.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé')) + 1;
    const width = axis.rows[header - 1].length;
    const fiche = axis.rows.findIndex((row) => row?.[0]?.value === 'G1') + 1;
    const last = axis.rows.length;
    expect(fake.inspect.autoFilter('Axe 1')).toBe(`A${header}:${letters(width)}${last}`);
    fake.seed.sheet('Axe 1', [['Notes internes']], cellAddress(header, width + 1));
    fake.seed.sheet('Axe 1', [['à relancer']], cellAddress(fiche, width + 1));

    expect((await computeAndWrite(port, { now: later })).status).toBe('done');

    expect(fake.inspect.autoFilter('Axe 1')).toBe(`A${header}:${letters(width + 1)}${last}`);
    // Read again, the filter is known to be so: the next rewrite does not apply it again (nor lift the protection).
    await port.read();
    const filter = { sheet: 'Axe 1', autoFilter: `A${header}:${letters(width + 1)}${last}` };
    expect(port.capabilities().undo).toBe(true);
    expect(port.excelUndoKept({ cells: [], ranges: [filter] })).toBe(true);
  }, 60_000);

  it('in the open workbook (fake Excel): a filter the person removed stays removed', async () => {
    const { fake, port } = await generateOnFake(samplePlan(), today, { undoApi: true });
    const axis = fake.inspect.snapshotGrid('Axe 1');
    const header = axis.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé')) + 1;
    const width = axis.rows[header - 1].length;
    fake.seed.sheet('Axe 1', [['Notes internes']], cellAddress(header, width + 1));
    const options = fake.inspect.protection('Axe 1').options as Excel.WorksheetProtectionOptions;
    await fake.officeJs.Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem('Axe 1');
      worksheet.protection.unprotect();
      worksheet.autoFilter.remove();
      worksheet.protection.protect(options);
      await context.sync();
    });

    expect((await computeAndWrite(port, { now: later })).status).toBe('done');
    expect(fake.inspect.autoFilter('Axe 1')).toBeNull();
    expect((await computeAndWrite(port, { now: later })).status).toBe('done');
    expect(fake.inspect.autoFilter('Axe 1')).toBeNull();
  }, 60_000);

  it('in an Excel without ExcelApi 1.9 (filter not known): the filter is left alone, without a note', async () => {
    const { fake, port } = await generateOnFake(samplePlan(), today, { undoApi: true });
    const axis = fake.inspect.snapshotGrid('Axe 1');
    const header = axis.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé')) + 1;
    const width = axis.rows[header - 1].length;
    const written = fake.inspect.autoFilter('Axe 1');
    fake.seed.sheet('Axe 1', [['Notes internes']], cellAddress(header, width + 1));
    fake.setApiVersion('1.8');

    expect((await computeAndWrite(port, { now: later })).status).toBe('done');

    expect(fake.inspect.autoFilter('Axe 1')).toBe(written);
    expect(port.notes()).not.toContain(degradationNotes.sheetAutoFilter);
    // Nothing to lift for it on the protected sheet: Excel's undo is kept for the filter.
    await port.read();
    const filter = { sheet: 'Axe 1', autoFilter: `A${header}:${letters(width + 1)}${axis.rows.length}` };
    expect(port.excelUndoKept({ cells: [], ranges: [filter] })).toBe(true);
  }, 60_000);

  it('rows added at the end of the table: the workbook is written whole, its filter over them', async () => {
    const start = await filledWorkbook(samplePlan(), [], today);
    const before = sheet(gridsOf(start), 'Axe 1').rows.length;
    const plan = samplePlan();
    const fiche = plan.axes[0].fiches.at(-1)!;
    fiche.criteria.push({ key: `${fiche.key}-QN1`, kind: 'quantitative', text: 'Nombre de familles', line: 0 });
    const file = recordingPort(start);

    expect((await regenerateAndWrite(file.port, plan, { now: later })).status).toBe('done');

    expect(file.contexts[0]?.changes).toBeUndefined();
    const after = sheet(gridsOf(file.last()), 'Axe 1');
    expect(after.rows.length).toBe(before + 1);
    expect(filterOf(axisXml(file.last()))).toMatch(new RegExp(`^A3:[A-Z]+${before + 1}$`));
  }, 60_000);
});
