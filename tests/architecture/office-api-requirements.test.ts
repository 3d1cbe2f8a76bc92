/**
 * No Office.js member above the manifest's minimum requirement set (ExcelApi 1.8) is used in src/excel unless the
 * matching `isSetSupported` check guards it (tests/architecture/office-api-requirements.ts says what a guard is).
 * Office.js's globals are kept in src/excel by an ESLint rule (docs/ARCHITECTURE.md), so src/excel is the tree
 * to check. The fixtures prove that the checker can fail.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  describeUse,
  findRequirementUses,
  manifestMinimum,
  repoRoot,
  type RequirementUses,
  type UnguardedUse,
} from './office-api-requirements';

const minimum = manifestMinimum(fs.readFileSync(path.join(repoRoot, 'manifest.xml'), 'utf8'));
const fixtures = path.join(__dirname, 'fixtures', 'office-api-requirements');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const inFolder = (folder: string) => (use: UnguardedUse) => use.file.startsWith(folder);
const summary = (u: UnguardedUse) => [
  u.file.split('/').pop(),
  u.line,
  u.member,
  `${u.requirement.set} ${u.requirement.version}`,
];

describe('Office.js members above the manifest minimum', () => {
  let uses: RequirementUses;
  beforeAll(() => {
    uses = findRequirementUses(
      [...sourceFiles(path.join(repoRoot, 'src', 'excel')), ...sourceFiles(fixtures)],
      minimum,
    );
  });

  it('reads the minimum from the manifest', () => {
    expect(minimum).toEqual({ set: 'ExcelApi', version: '1.8' });
  });

  it('are all guarded in src/excel', () => {
    expect(uses.unguarded.filter(inFolder('src/excel/')).map(describeUse)).toEqual([]);
    // src/excel does use such members (page layout, sheet filters): the checker saw them behind guards.
    const guarded = new Set(uses.guarded.filter(inFolder('src/excel/')).map((u) => u.member));
    for (const member of ['Worksheet.pageLayout', 'Worksheet.autoFilter', 'AutoFilter.apply'])
      expect(guarded.has(member)).toBe(true);
  });

  it('are named where no guard covers them, and a wrong guard does not count', () => {
    expect(uses.unguarded.filter((u) => u.file.endsWith('unguarded.ts')).map(summary)).toEqual([
      ['unguarded.ts', 3, 'PageLayout.orientation', 'ExcelApi 1.9'],
      ['unguarded.ts', 3, 'Worksheet.pageLayout', 'ExcelApi 1.9'],
      ['unguarded.ts', 5, 'Range.group', 'ExcelApi 1.10'],
      ['unguarded.ts', 8, 'AutoFilter.apply', 'ExcelApi 1.9'],
      ['unguarded.ts', 8, 'Worksheet.autoFilter', 'ExcelApi 1.9'],
    ]);
  });

  it('accepts a member behind isSetSupported or a capability of src/excel/requirements.ts', () => {
    expect(uses.unguarded.filter((u) => u.file.endsWith('/guarded.ts')).map(describeUse)).toEqual([]);
    expect(uses.guarded.filter((u) => u.file.endsWith('/guarded.ts')).map(summary)).toEqual([
      ['guarded.ts', 5, 'PageLayout.orientation', 'ExcelApi 1.9'],
      ['guarded.ts', 5, 'Worksheet.pageLayout', 'ExcelApi 1.9'],
      ['guarded.ts', 7, 'Range.group', 'ExcelApi 1.10'],
      ['guarded.ts', 15, 'AutoFilter.apply', 'ExcelApi 1.9'],
      ['guarded.ts', 15, 'Worksheet.autoFilter', 'ExcelApi 1.9'],
      ['guarded.ts', 18, 'PageLayout.zoom', 'ExcelApi 1.9'],
      ['guarded.ts', 18, 'Worksheet.pageLayout', 'ExcelApi 1.9'],
    ]);
  });
});
