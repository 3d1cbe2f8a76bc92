import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { closeQuarterAndWrite, computeAndWrite } from '../../src/app/rewrite-use-cases';
import type { WorkbookGrids } from '../../src/domain/grid';
import { packageLayout } from '../../src/xlsx/patch/package-parts';
import { ZipPackage } from '../../src/xlsx/patch/zip-package';
import { StylesPatch } from '../../src/xlsx/patch/styles-patch';
import { parsePart, serializePart } from '../../src/xlsx/patch/xml-dom';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { recalcProfileSource, saveOneThroughLibreOffice } from '../helpers/libreoffice';
import { runCli } from '../cli/run-cli';
import { samplePlan } from '../layout/helpers/sample-plan';
import { locate, sheet } from '../rewrite/helpers';
import { cellAddress } from '../../src/layout/a1';
import { changesOf, filledWorkbook, gridDifferences, gridsOf, recordingPort } from './helpers';

/**
 * A tracking workbook saved by LibreOffice, where a person hid a column, widened another, filtered the Journal,
 * added a validation and a conditional format of their own and gave a cell a number format: compute and
 * close-quarter patch it, and all of that is still there, with every value and cached result right.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const available = { soffice: hasBinary('soffice'), 'LibreOffice recalc profile': fs.existsSync(recalcProfileSource()) };
const scratch = path.resolve(__dirname, '..', '..', '.scratch', 'xlsx-patch-libreoffice');

const PERSON_VALIDATION =
  '<dataValidation type="whole" allowBlank="1" showErrorMessage="1" sqref="AZ4:AZ9"><formula1>0</formula1><formula2>9</formula2></dataValidation>';
const PERSON_FORMAT_RULE = 'LEN(TRIM($E4))=0';
const PERSON_NUMBER_FORMAT = '0.0';

function sheetXml(files: Unzipped, name: string): { entry: string; xml: string } {
  const entry = packageLayout(new ZipPackage(zipSync(files, { level: 0 }))).sheets.find(
    (one) => one.name === name,
  )!.entry;
  return { entry, xml: strFromU8(files[entry]) };
}

/** The person's edits, made in the XML as a spreadsheet would save them. */
function editAsAPerson(bytes: Uint8Array, grids: WorkbookGrids): Uint8Array {
  const files = unzipSync(bytes);
  const axis = sheetXml(files, 'Axe 1');
  let xml = axis.xml;
  // Column E (Partenaires) hidden, column C (Intitulé) widened.
  xml = xml.replace(/<col min="5" max="5"([^>]*?)\/>/, '<col min="5" max="5"$1 hidden="1"/>');
  xml = xml.replace(/<col min="3" max="3" width="[^"]*"/, '<col min="3" max="3" width="61.5"');
  xml = xml.replace(/<dataValidations count="(\d+)">/, (_, count) => `<dataValidations count="${Number(count) + 1}">`);
  xml = xml.replace('</dataValidations>', `${PERSON_VALIDATION}</dataValidations>`);
  xml = xml.replace(
    /(<\/conditionalFormatting>)(?![\s\S]*<\/conditionalFormatting>)/,
    `$1<conditionalFormatting sqref="E4:E9"><cfRule type="expression" dxfId="0" priority="99"><formula>${PERSON_FORMAT_RULE}</formula></cfRule></conditionalFormatting>`,
  );
  // The cell of G1-QN2 in 2026-T2 shown with one decimal.
  const at = locate(sheet(grids, 'Axe 1'), 'G1-QN2', '2026-T2')!;
  const address = cellAddress(at.row + 1, at.column + 1);
  const stylesEntry = 'xl/styles.xml';
  const styles = new StylesPatch(parsePart(files[stylesEntry]));
  xml = xml.replace(new RegExp(`<c r="${address}"( s="(\\d+)")?`), (_, __, style) => {
    return `<c r="${address}" s="${styles.withNumberFormat(Number(style ?? 0), PERSON_NUMBER_FORMAT)}"`;
  });
  files[stylesEntry] = serializePart(styles.document);
  files[axis.entry] = strToU8(xml);
  // A filter on the Journal's Opération column that hides nothing.
  const journal = sheetXml(files, 'Journal');
  files[journal.entry] = strToU8(
    journal.xml.replace(
      /<autoFilter ref="([^"]+)"\/>/,
      '<autoFilter ref="$1"><filterColumn colId="1"><customFilters><customFilter operator="notEqual" val=" "/></customFilters></filterColumn></autoFilter>',
    ),
  );
  return zipSync(files);
}

/** The number format of a cell, from its style in the styles part. */
function cellFormatCode(files: Unzipped, sheetName: string, address: string): string | null {
  const cell = new RegExp(`<c r="${address}"[^>]*>`).exec(sheetXml(files, sheetName).xml)?.[0] ?? '';
  const style = Number(/\bs="(\d+)"/.exec(cell)?.[1] ?? 0);
  const styles = strFromU8(files['xl/styles.xml']);
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)];
  const formatId = /numFmtId="(\d+)"/.exec(xfs[style]?.[0] ?? '')?.[1];
  const numFmt = [...styles.matchAll(/<numFmt\b[^>]*>/g)].find((one) => one[0].includes(`numFmtId="${formatId}"`));
  return numFmt ? (/formatCode="([^"]*)"/.exec(numFmt[0])?.[1] ?? null) : null;
}

/** What the person set, as found in the file. */
function personsSettings(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const at = locate(sheet(gridsOf(bytes), 'Axe 1'), 'G1-QN2', '2026-T2')!;
  const axis = sheetXml(files, 'Axe 1').xml;
  const journal = sheetXml(files, 'Journal').xml;
  return {
    hiddenColumn:
      /<col [^>]*min="5"[^>]*hidden="(1|true)"/.test(axis) || /<col [^>]*hidden="(1|true)"[^>]*min="5"/.test(axis),
    width: /<col [^>]*min="3"[^>]*width="61\.5/.test(axis) || /<col [^>]*width="61\.5[^>]*min="3"/.test(axis),
    validation: /<dataValidation [^>]*sqref="AZ4:AZ9"/.test(axis),
    conditionalFormat: axis.includes(PERSON_FORMAT_RULE),
    journalFilter: /<autoFilter [^>]*>\s*<filterColumn colId="1"/.test(journal),
    journalFilterRef: /<autoFilter ref="([^"]+)"/.exec(journal)?.[1] ?? null,
    numberFormat: cellFormatCode(files, 'Axe 1', cellAddress(at.row + 1, at.column + 1)),
  };
}

describe('a LibreOffice-saved workbook with a person’s settings, rewritten', () => {
  let saved: Uint8Array;

  beforeAll(async () => {
    if (!available.soffice) return;
    // Closed once (Historique made, a whole write), then edited by a person and saved by LibreOffice.
    const filled = await filledWorkbook(
      samplePlan(),
      [
        { key: 'G1', header: 'Statut', value: 'En cours' },
        { key: 'G1-QN2', header: '2026-T2', value: 12 },
        { key: 'G1-QN2', header: 'Cible', value: 40 },
      ],
      today,
    );
    const closing = recordingPort(filled);
    expect((await closeQuarterAndWrite(closing.port, { now: later })).status).toBe('done');
    const closed = closing.last();
    saved = saveOneThroughLibreOffice(editAsAPerson(closed, gridsOf(closed)), 'suivi', {
      scratch: 'xlsx-patch-libreoffice',
    });
  }, 180_000);

  itWhenAvailable(available)(
    'keeps them through compute and close-quarter on the command line, and validates',
    async () => {
      expect(personsSettings(saved)).toMatchObject({
        hiddenColumn: true,
        width: true,
        validation: true,
        conditionalFormat: true,
        journalFilter: true,
        numberFormat: PERSON_NUMBER_FORMAT,
      });
      fs.mkdirSync(scratch, { recursive: true });
      const file = path.join(fs.mkdtempSync(path.join(scratch, 'cli-')), 'suivi.xlsx');
      fs.writeFileSync(file, saved);
      expect((await runCli(['compute', file])).code).toBe(0);
      const closed = await runCli(['close-quarter', file]);
      expect(closed.code).toBe(0);
      const after = new Uint8Array(fs.readFileSync(file));
      const settings = personsSettings(after);
      expect(settings).toMatchObject({
        hiddenColumn: true,
        width: true,
        validation: true,
        conditionalFormat: true,
        journalFilter: true,
        numberFormat: PERSON_NUMBER_FORMAT,
      });
      const journalRows = sheet(gridsOf(after), 'Journal').rows.filter((row) =>
        row.some((cell) => cell !== null),
      ).length;
      expect(settings.journalFilterRef).toBe(`A1:L${journalRows}`);
      expect((await runCli(['validate', file])).code).toBe(0);
    },
    120_000,
  );

  itWhenAvailable(available)(
    'gives the values and results of a whole write, that LibreOffice recalculates alike, and re-opens whole',
    async () => {
      const now = new Date('2026-09-01T08:00:00Z');
      const patched = recordingPort(saved);
      const whole = recordingPort(saved, { whole: true });
      for (const port of [patched, whole]) {
        expect((await computeAndWrite(port.port, { now })).status).toBe('done');
        expect((await closeQuarterAndWrite(port.port, { now })).status).toBe('done');
      }
      patched.contexts.forEach((context) => changesOf(context));
      const result = gridsOf(patched.last());
      expect(gridDifferences(result, gridsOf(whole.last()))).toEqual([]);

      // The person's number format is still the cell's.
      expect(personsSettings(patched.last()).numberFormat).toBe(PERSON_NUMBER_FORMAT);

      // LibreOffice opens the patched file, recalculates every formula to the cached results, and loses no value.
      const recalculated = gridsOf(
        saveOneThroughLibreOffice(patched.last(), 'patched', { scratch: 'xlsx-patch-libreoffice' }),
      );
      const mismatches: string[] = [];
      for (const grid of result.sheets) {
        const other = sheet(recalculated, grid.name);
        grid.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (!cell || (cell.value === null && !cell.formula)) return;
            const again = other.rows[r]?.[c]?.value ?? null;
            const same =
              typeof cell.value === 'number' && typeof again === 'number'
                ? Math.abs(cell.value - again) < 1e-9
                : (cell.value ?? '') === (again ?? '');
            if (!same)
              mismatches.push(
                `${grid.name}!${r + 1}:${c + 1} ${JSON.stringify(cell.value)} → ${JSON.stringify(again)}`,
              );
          }),
        );
      }
      expect(mismatches).toEqual([]);
    },
    180_000,
  );
});
