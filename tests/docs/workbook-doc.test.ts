/**
 * docs/ is the authority for the workbook format: these checks keep docs/WORKBOOK.md true where it can be checked
 * mechanically (every sheet name, header, label and defined name the writers produce appears in it), and keep
 * every citation of a docs/ page in the code pointing at a page and a section that exist.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { embeddedPlan } from '../../src/app/plan-source';
import { aoColumns } from '../../src/layout/sheets/ao/ao-layout';
import { fixedColumns } from '../../src/layout/sheets/axis/axis-columns';
import {
  CTG_FORMAT_VERSION,
  ctgMetaLabels,
  ctgMetaRows,
  type CtgMetaField,
} from '../../src/layout/sheets/ctg-meta/ctg-meta-layout';
import { journalColumns } from '../../src/layout/sheets/journal/journal-columns';
import {
  settingsLabels,
  settingsLists,
  settingsValueCell,
  type SettingsField,
} from '../../src/layout/sheets/settings/settings-layout';
import {
  annexe4Texts,
  archiveHeaders,
  axisSheetName,
  contributionHeaders,
  historyHeaders,
  journalTexts,
  metaTexts,
  sheetNames,
} from '../../src/layout/texts';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';

const repoRoot = join(__dirname, '..', '..');
const docsDir = join(repoRoot, 'docs');
const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const workbookDoc = read('docs/WORKBOOK.md');

/** `text` quoted as code in the page, as the page quotes every word the workbook shows. */
const quoted = (text: string) => `\`${text}\``;

function missingFromDoc(texts: readonly string[]): string[] {
  return texts.filter((text) => !workbookDoc.includes(quoted(text)));
}

describe('docs/WORKBOOK.md names what the writers write', () => {
  it('every sheet name', () => {
    expect(missingFromDoc(Object.values(sheetNames))).toEqual([]);
    expect(workbookDoc).toContain(quoted(`${axisSheetName(1)}`));
  });

  it('every defined name of the embedded plan’s workbook, with its range where it does not depend on the period', async () => {
    const { spec } = await buildNewWorkbook(embeddedPlan().plan, { today: new Date('2027-05-10T09:00:00Z') });
    const names = spec.definedNames.map((name) => name.name);
    expect(names.length).toBeGreaterThan(0);
    expect(missingFromDoc(names)).toEqual([]);
    const periodFree = spec.definedNames.filter((name) => name.name !== 'ctg_trimestres');
    expect(periodFree.filter((name) => !workbookDoc.includes(`| ${quoted(name.name)} | ${quoted(name.ref)}`))).toEqual(
      [],
    );
  });

  it('every Paramètres label at its cell, and every list header with its defined name', () => {
    const rows = (Object.keys(settingsLabels) as SettingsField[]).map(
      (field) => `| ${settingsValueCell(field)} | ${quoted(settingsLabels[field])} |`,
    );
    expect(rows.filter((row) => !workbookDoc.includes(row))).toEqual([]);
    const lines = workbookDoc.split('\n');
    const listed = (header: string, name: string) =>
      lines.some((line) => line.includes(`| ${quoted(header)} |`) && line.endsWith(`| ${quoted(name)} |`));
    expect(settingsLists.filter((list) => !listed(list.header, list.definedName))).toEqual([]);
  });

  it('every axis column header, and every header of Annexe 4 and Compétences AO', () => {
    expect(missingFromDoc(fixedColumns.map((column) => column.header))).toEqual([]);
    expect(missingFromDoc(Object.values(annexe4Texts.headers))).toEqual([]);
    expect(missingFromDoc(aoColumns.map((column) => column.header))).toEqual([]);
  });

  it('every _ctg label at its row, the key list’s headers and the retired keys’ title', () => {
    const rows = (Object.keys(ctgMetaLabels) as CtgMetaField[]).map(
      (field) => `| ${ctgMetaRows[field]} | ${quoted(ctgMetaLabels[field])} |`,
    );
    expect(rows.filter((row) => !workbookDoc.includes(row))).toEqual([]);
    expect(
      missingFromDoc([
        metaTexts.title,
        metaTexts.keysTitle,
        metaTexts.keyHeader,
        metaTexts.typeHeader,
        metaTexts.parentHeader,
        metaTexts.retiredKeysTitle,
      ]),
    ).toEqual([]);
  });

  it('every Journal, Historique and Archives header, and every fixed text of a Journal line', () => {
    const headers = [
      ...journalColumns.map((column) => column.header),
      ...Object.values(historyHeaders),
      ...Object.values(archiveHeaders),
    ];
    expect(missingFromDoc(headers)).toEqual([]);
    const lineTexts = Object.values(journalTexts).flatMap((text) => (typeof text === 'string' ? [text] : []));
    expect(missingFromDoc(lineTexts)).toEqual([]);
  });

  it('every Contributions header at its column, in the sheet’s section', () => {
    const section = workbookDoc.slice(workbookDoc.indexOf('\n## Contributions\n'), workbookDoc.indexOf('\n## `_ctg`'));
    const rows = Object.values(contributionHeaders).map(
      (header, index) => `| ${String.fromCharCode(65 + index)} | ${quoted(header)} |`,
    );
    expect(rows.filter((row) => !section.includes(row))).toEqual([]);
    expect(workbookDoc).toMatch(/\| `Contributions` \| [^|]+ \| always/);
  });

  it('the format version the code writes', () => {
    expect(workbookDoc).toContain(`This code writes version ${CTG_FORMAT_VERSION}`);
  });
});

/** The section titles of a page: its headings, without the # marks and code quotes. */
function sectionsOf(page: string): Set<string> {
  const headings = page.split('\n').filter((line) => /^#{1,6} /.test(line));
  return new Set(headings.map((line) => line.replace(/^#+ /, '').replace(/`/g, '').trim()));
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Every page of docs/ cited, with the sections named after it (`docs/WORKBOOK.md, « Keys » and « _ctg »`); a section
 * name wrapped over two lines of a comment or a page reads as one line.
 */
function citations(text: string): { page: string; sections: string[] }[] {
  const found: { page: string; sections: string[] }[] = [];
  for (const match of text.matchAll(/docs\/([\w-]+\.md)((?:(?:,| and|;)? ?« [^»]+ »)*)/g)) {
    const sections = [...match[2].matchAll(/« ([^»]+) »/g)].map((section) =>
      section[1].replace(/\s*\n\s*(\*|\/\/)?\s*/g, ' '),
    );
    found.push({ page: match[1], sections });
  }
  return found;
}

describe('citations of docs/ in the code', () => {
  const code = ['src', 'tests', 'scripts']
    .flatMap((folder) => filesUnder(join(repoRoot, folder)))
    .filter((file) => /\.(ts|tsx|js|md)$/.test(file) && !file.includes(join('tests', 'fixtures')))
    .concat([join(repoRoot, '.dependency-cruiser.js'), join(repoRoot, 'eslint.config.js')]);
  const sources = [...code, ...filesUnder(docsDir)];
  const pages = new Set(readdirSync(docsDir));

  it('point at pages and sections that exist', () => {
    const broken: string[] = [];
    let count = 0;
    for (const file of sources) {
      for (const { page, sections } of citations(readFileSync(file, 'utf8'))) {
        count += 1;
        const where = relative(repoRoot, file);
        if (!pages.has(page)) {
          broken.push(`${where}: docs/${page}`);
          continue;
        }
        const known = sectionsOf(read(`docs/${page}`));
        for (const section of sections) if (!known.has(section)) broken.push(`${where}: docs/${page} « ${section} »`);
      }
    }
    expect(broken).toEqual([]);
    expect(count).toBeGreaterThan(30);
  });

  it('cite the pages by their place in docs/, never as files outside the repository', () => {
    const bare = code.filter((file) =>
      /(^|[^/\w])(WORKBOOK|DOMAIN|ARCHITECTURE|TOOLING)\.md/.test(readFileSync(file, 'utf8')),
    );
    expect(bare.map((file) => relative(repoRoot, file))).toEqual([]);
  });

  it('the README links to docs/, and docs/README.md lists every page', () => {
    expect(read('README.md')).toContain('](docs/README.md)');
    const index = read('docs/README.md');
    for (const page of pages) if (page !== 'README.md') expect(index).toContain(`](${page})`);
  });
});
