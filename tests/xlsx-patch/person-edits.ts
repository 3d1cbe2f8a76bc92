import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { cellAddress } from '../../src/layout/a1';
import { packageLayout } from '../../src/xlsx/patch/package-parts';
import { StylesPatch } from '../../src/xlsx/patch/styles-patch';
import { parsePart, serializePart } from '../../src/xlsx/patch/xml-dom';
import { ZipPackage } from '../../src/xlsx/patch/zip-package';
import { locate, sheet } from '../rewrite/helpers';
import { gridsOf } from './helpers';

/**
 * What a person sets around the cells of a tracking workbook (a hidden column, a wider one, a validation and a
 * conditional format of their own, a number format, a filter on the Journal), made in the XML as a spreadsheet
 * would save them, and found again in a file.
 */

const PERSON_VALIDATION =
  '<dataValidation type="whole" allowBlank="1" showErrorMessage="1" sqref="AZ4:AZ9"><formula1>0</formula1><formula2>9</formula2></dataValidation>';
export const PERSON_FORMAT_RULE = 'LEN(TRIM($E4))=0';
export const PERSON_NUMBER_FORMAT = '0.0';

/** What the person typed before making their edits: a status, a quarter's value and a target. */
export const PERSON_ENTRIES = [
  { key: 'G1', header: 'Statut', value: 'En cours' },
  { key: 'G1-QN2', header: '2026-T2', value: 12 },
  { key: 'G1-QN2', header: 'Cible', value: 40 },
] as const;

/** Every edit of `editAsAPerson`, as `personsSettings` finds it in a file that kept them all. */
export const ALL_PERSON_SETTINGS = {
  hiddenColumn: true,
  width: true,
  validation: true,
  conditionalFormat: true,
  journalFilter: true,
  numberFormat: PERSON_NUMBER_FORMAT,
} as const;

function sheetXml(files: Unzipped, name: string): { entry: string; xml: string } {
  const entry = packageLayout(new ZipPackage(zipSync(files, { level: 0 }))).sheets.find(
    (one) => one.name === name,
  )!.entry;
  return { entry, xml: strFromU8(files[entry]) };
}

/** The person's edits, made in the XML as a spreadsheet would save them. */
export function editAsAPerson(bytes: Uint8Array, grids: WorkbookGrids): Uint8Array {
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
export function personsSettings(bytes: Uint8Array) {
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
