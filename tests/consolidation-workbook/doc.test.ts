import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consolidationAoColumns } from '../../src/layout/consolidation/consolidation-ao-sheet';
import {
  consolidationGuideTitle,
  consolidationSheetNames,
  consolidationTexts,
  countHeaders,
} from '../../src/layout/consolidation/consolidation-texts';
import { territoryColumns } from '../../src/layout/consolidation/territories-sheet';

/**
 * The consolidation workbook's section of docs/WORKBOOK.md names every sheet and header it writes, as the page
 * quotes them.
 */

const page = readFileSync(join(__dirname, '..', '..', 'docs/WORKBOOK.md'), 'utf8');

const missing = (texts: readonly string[]) => texts.filter((text) => !page.includes(`\`${text}\``));

describe('the Consolidation section of docs/WORKBOOK.md', () => {
  it('names every sheet, header and fixed title of the consolidation workbook', () => {
    const { territories, groups, matrix, rejected, ao } = consolidationTexts;
    expect(
      missing([
        ...Object.values(consolidationSheetNames),
        ...Object.values(countHeaders),
        ...territoryColumns.map((column) => column.header),
        ...consolidationAoColumns.map((column) => column.header),
        consolidationGuideTitle,
        consolidationTexts.workbookTitle,
        consolidationTexts.allTerritories,
        territories.title,
        groups.field,
        groups.public,
        groups.unmatched,
        matrix.unmatchedMark,
        ao.title,
        ...Object.values(rejected),
      ]),
    ).toEqual([]);
  });
});
