import { strFromU8, strToU8, unzipSync, type Unzipped } from 'fflate';
import { concatenated } from '../bytes';
import { zipParts } from '../zip-writing';

/**
 * Fixes, in the zip ExcelJS wrote, what ExcelJS 4.4 writes wrongly or not at all (docs/TOOLING.md, « ExcelJS 4.4.0 »):
 * - `<sheetPr>` children in schema order (outlinePr before pageSetUpPr, exceljs #1348: Excel repairs the file);
 * - `<sheetProtection>` right after `<sheetData>`, where CT_Worksheet puts it (ExcelJS's streamed writer puts it after
 *   the conditional formats and validations);
 * - the hidden `_xlnm._FilterDatabase` name of each sheet-level autofilter (LibreOffice drops the filter without it);
 * - the manual page breaks across (`SheetSpec.columnBreaks`, given in sheet order), which ExcelJS does not write.
 */
export function postProcessXlsx(
  bytes: Uint8Array,
  columnBreaks: readonly (readonly number[] | undefined)[] = [],
): Uint8Array {
  const files = unzipSync(bytes);
  const sheetPaths = worksheetPathsInOrder(files);
  const filterNames: string[] = [];
  sheetPaths.forEach(({ path, name }, index) => {
    const { head, cells, tail } = worksheetParts(files[path]);
    const [fixedHead, fixedTail] = [
      orderSheetPrChildren(head),
      addColumnBreaks(placeSheetProtection(tail), columnBreaks[index] ?? []),
    ];
    if (fixedHead !== head || fixedTail !== tail)
      files[path] = concatenated([strToU8(fixedHead), cells, strToU8(fixedTail)]);
    const ref = sheetAutoFilterRef(fixedTail);
    if (ref) filterNames.push(filterDatabaseName(index, name, ref));
  });
  if (filterNames.length > 0) {
    files['xl/workbook.xml'] = strToU8(addDefinedNames(strFromU8(files['xl/workbook.xml']), filterNames));
  }
  return zipParts(files);
}

const SHEET_DATA_START = strToU8('<sheetData');
const SHEET_DATA_END = strToU8('</sheetData>');

/**
 * A worksheet part as the text before its `<sheetData>`, the bytes of its cells (`<sheetData>` to its end, left as
 * they are: most of a large sheet, never decoded) and the text after them. No `<sheetData>`: all of it is the head.
 */
function worksheetParts(part: Uint8Array): { head: string; cells: Uint8Array; tail: string } {
  const start = indexOfBytes(part, SHEET_DATA_START, 0);
  if (start < 0) return { head: strFromU8(part), cells: new Uint8Array(0), tail: '' };
  const close = indexOfBytes(part, SHEET_DATA_END, start);
  // `<sheetData/>` (an empty sheet) ends at its first `>`.
  const end = close < 0 ? part.indexOf(0x3e, start) + 1 : close + SHEET_DATA_END.length;
  return {
    head: strFromU8(part.subarray(0, start)),
    cells: part.subarray(start, end),
    tail: strFromU8(part.subarray(end)),
  };
}

function indexOfBytes(bytes: Uint8Array, sought: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(sought[0], from); at >= 0; at = bytes.indexOf(sought[0], at + 1)) {
    let length = 1;
    while (length < sought.length && bytes[at + length] === sought[length]) length++;
    if (length === sought.length) return at;
  }
  return -1;
}

const SHEET_PR_ORDER = ['tabColor', 'outlinePr', 'pageSetUpPr'];

/** Reorders the children of `<sheetPr>` (all empty elements in ExcelJS's output) as CT_SheetPr requires. */
export function orderSheetPrChildren(xml: string): string {
  return xml.replace(
    /<sheetPr(\s[^>]*)?>([\s\S]*?)<\/sheetPr>/,
    (whole, attributes: string | undefined, inner: string) => {
      const children = inner.match(/<[A-Za-z]+\b[^>]*\/>|<([A-Za-z]+)\b[^>]*>[\s\S]*?<\/\1>/g) ?? [];
      if (children.join('') !== inner.trim()) return whole;
      const rank = (child: string) => {
        const index = SHEET_PR_ORDER.indexOf(/^<([A-Za-z]+)/.exec(child)![1]);
        return index < 0 ? SHEET_PR_ORDER.length : index;
      };
      const sorted = [...children].sort((a, b) => rank(a) - rank(b));
      return `<sheetPr${attributes ?? ''}>${sorted.join('')}</sheetPr>`;
    },
  );
}

const SHEET_PROTECTION = /<sheetProtection\b[^>]*\/>/;

/**
 * A worksheet's tail (what follows `</sheetData>`) with its `<sheetProtection/>` first, where CT_Worksheet puts it
 * (ExcelJS writes no `<sheetCalcPr>`).
 */
export function placeSheetProtection(tail: string): string {
  const protection = SHEET_PROTECTION.exec(tail);
  if (!protection || protection.index === 0) return tail;
  return protection[0] + tail.slice(0, protection.index) + tail.slice(protection.index + protection[0].length);
}

/**
 * What comes right before `<colBreaks>` in CT_Worksheet: it goes after the last of these, which are all top-level
 * (a conditional format's own `<extLst>`, inside `<conditionalFormatting>`, comes earlier and is never matched).
 */
const BEFORE_COLUMN_BREAKS =
  /<\/rowBreaks>|<\/headerFooter>|<headerFooter\b[^>]*\/>|<pageSetup\b[^>]*\/>|<pageMargins\b[^>]*\/>|<printOptions\b[^>]*\/>/g;

/**
 * A worksheet's tail with `<colBreaks>` where CT_Worksheet puts it (after `<rowBreaks>`): a page starts at each
 * column of `breaks` (1-based), a break being written after the column before it (`id` the last column of a page,
 * as `<rowBreaks>` counts rows), down every row.
 */
export function addColumnBreaks(tail: string, breaks: readonly number[]): string {
  const after = breaks.filter((column) => column > 1).map((column) => column - 1);
  if (after.length === 0) return tail;
  const found = [...tail.matchAll(BEFORE_COLUMN_BREAKS)].pop();
  // ExcelJS always writes <pageMargins>; without any of these the breaks could not be placed in order.
  if (!found) return tail;
  const at = found.index! + found[0].length;
  const brks = after.map((id) => `<brk id="${id}" max="1048575" man="1"/>`).join('');
  const element = `<colBreaks count="${after.length}" manualBreakCount="${after.length}">${brks}</colBreaks>`;
  return tail.slice(0, at) + element + tail.slice(at);
}

/** The worksheets' zip paths and names in workbook order (the order that `localSheetId` counts). */
function worksheetPathsInOrder(files: Unzipped): { path: string; name: string }[] {
  const workbook = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const sheets: { path: string; name: string }[] = [];
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(match[0])?.[1] ?? '');
    const id = /\br:id="([^"]+)"/.exec(match[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (path && files[path]) sheets.push({ path, name });
  }
  return sheets;
}

/** The ref of the worksheet-level `<autoFilter>`, if any. */
function sheetAutoFilterRef(xml: string): string | null {
  return /<autoFilter\b[^>]*\bref="([^"]+)"/.exec(xml)?.[1] ?? null;
}

function filterDatabaseName(sheetIndex: number, sheetName: string, ref: string): string {
  const absolute = ref
    .split(':')
    .map((address) => address.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
  const target = `'${sheetName.replace(/'/g, "''")}'!${absolute}`;
  return `<definedName name="_xlnm._FilterDatabase" localSheetId="${sheetIndex}" hidden="1">${escapeXml(target)}</definedName>`;
}

/** Adds names to `<definedNames>`, creating it where CT_Workbook puts it (after `<sheets>`) when absent. */
function addDefinedNames(workbook: string, names: string[]): string {
  if (workbook.includes('</definedNames>'))
    return workbook.replace('</definedNames>', `${names.join('')}</definedNames>`);
  return workbook.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
