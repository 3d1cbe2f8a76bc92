import type { Plan } from '../../../domain/plan';
import {
  achievementRate,
  cumulativeFillCounts,
  meanAchievement,
  periodFillCounts,
  type RateFiche,
  type RateWindow,
} from '../../../domain/rates';
import type { RawValue } from '../../../domain/tracking';
import { textValue } from '../../../domain/tracking-values';
import {
  ANNEXE4_COLUMN_WIDTHS,
  annexe4CellStyle,
  detailColumn,
  detailFields,
  figureFormat,
  type DetailField,
} from './annexe4-layout';
import { fieldHeader } from '../axis/axis-columns';
import { cachedRate } from '../axis/axis-rates';
import { axisRefs, type AxisGeometry } from '../../formulas/axis-geometry';
import { blockCountFormula } from '../../formulas/axis-row-formulas';
import { hasText, textLiteral } from '../../formulas/quarter-masks';
import type { EnteredRowsByKey } from '../../rate-inputs';
import { cell, setCell, wrappedRowHeight } from '../../sheet-building';
import { TEXT_FORMAT } from '../../styles';
import { annexe4Texts, axisSheetName } from '../../texts';
import type { CellContent, CellStyle, SheetSpec } from '../../workbook-spec';

/**
 * The per-fiche detail table of `Annexe 4 – Suivi`: one row per fiche with its state and its counts (expected and
 * filled values, criteria with an achievement), each read live from the fiche's rows in its axis sheet. The
 * summary rows above pool these counts.
 */

const texts = annexe4Texts;
const headers = texts.headers;

/** A detail column showing a field of the fiche's row is headed as the field's column in the axis sheet. */
export const detailHeaders: Record<DetailField, string> = {
  key: fieldHeader('key'),
  title: fieldHeader('title'),
  axis: headers.axis,
  carriers: fieldHeader('carriers'),
  status: fieldHeader('status'),
  progress: fieldHeader('progress'),
  difficulties: fieldHeader('difficulties'),
  criteria: headers.criteria,
  expectedPeriod: headers.expectedPeriod,
  filledPeriod: headers.filledPeriod,
  expectedCumulative: headers.expectedCumulative,
  filledCumulative: headers.filledCumulative,
  criteriaWithAchievement: headers.criteriaWithAchievement,
  achievement: fieldHeader('achievement'),
};

function rawText(entered: EnteredRowsByKey | undefined, key: string, field: string): RawValue {
  return entered?.get(key)?.get(field)?.value ?? null;
}

/** What `'Axe 1'!$K$4&""` gives: the cell's text, '' when empty. */
function textOfCell(raw: RawValue): string {
  return raw === null ? '' : typeof raw === 'boolean' ? String(raw).toUpperCase() : String(raw);
}

export interface DetailContext {
  geometry: AxisGeometry;
  window: RateWindow;
  entered: EnteredRowsByKey | undefined;
}

/** The detail row of one fiche: its state and its counts, read live from its axis sheet rows. */
export function setDetailRow(
  sheet: SheetSpec,
  row: number,
  axisNumber: number,
  fiche: Plan['axes'][number]['fiches'][number],
  rates: RateFiche,
  ficheRow: number,
  context: DetailContext,
): void {
  const { geometry, window, entered } = context;
  const axisSheet = axisSheetName(axisNumber);
  const refs = axisRefs(geometry, axisSheet);
  const at = (id: Parameters<AxisGeometry['column']>[0]) => refs.cells(id, ficheRow, ficheRow);
  const top = ficheRow + 1;
  const bottom = ficheRow + fiche.criteria.length;
  const hasCriteria = fiche.criteria.length > 0;
  const period = periodFillCounts(rates.criteria, window);
  const cumulative = cumulativeFillCounts(rates.criteria, window);
  const withAchievement = rates.criteria.filter((criterion) => achievementRate(criterion, window) !== null).length;
  const progress = at('progress');
  const difficulties = at('difficulties');
  const count = (formula: string, result: number): CellContent => (hasCriteria ? { formula, result } : 0);
  const values: Record<DetailField, CellContent> = {
    key: fiche.key,
    title: fiche.title,
    axis: axisSheet,
    carriers: { formula: `${at('carriers')}&""`, result: fiche.carriers.join(' ; ') },
    status: { formula: `${at('status')}&""`, result: textOfCell(rawText(entered, fiche.key, 'status')) },
    progress: {
      formula: `IF(ISNUMBER(${progress}),IF((${progress}>=0)*(${progress}<=100)*(${progress}=INT(${progress})),${progress},""),"")`,
      result: cachedRate(rates.progress),
    },
    difficulties: {
      formula: `IF(${hasText(difficulties)},${textLiteral(texts.yes)},"")`,
      result: textValue(rawText(entered, fiche.key, 'difficulties')) !== '' ? texts.yes : '',
    },
    criteria: count(`COUNTA(${refs.cells('key', top, bottom)})`, fiche.criteria.length),
    expectedPeriod: count(blockCountFormula(refs, ficheRow, top, bottom, 'period', 'expected'), period.expected),
    filledPeriod: count(blockCountFormula(refs, ficheRow, top, bottom, 'period', 'filled'), period.filled),
    expectedCumulative: count(
      blockCountFormula(refs, ficheRow, top, bottom, 'cumulative', 'expected'),
      cumulative.expected,
    ),
    filledCumulative: count(blockCountFormula(refs, ficheRow, top, bottom, 'cumulative', 'filled'), cumulative.filled),
    criteriaWithAchievement: count(`COUNT(${refs.cells('achievement', top, bottom)})`, withAchievement),
    // The fiche row's own mean (empty text when undefined; the pooled mean weighs it by the count beside it).
    achievement: hasCriteria
      ? {
          formula: `IF(ISNUMBER(${at('achievement')}),${at('achievement')},"")`,
          result: cachedRate(meanAchievement(rates.criteria, window)),
        }
      : null,
  };
  for (const field of detailFields) {
    const format = field === 'key' || field === 'title' || field === 'axis' ? TEXT_FORMAT : figureFormat(field);
    const extra: CellStyle = field === 'title' || field === 'carriers' ? { wrap: true } : {};
    setCell(sheet, row, detailColumn(field), cell(values[field], annexe4CellStyle(format, extra)));
  }
  const height = wrappedRowHeight([
    { text: fiche.title, width: ANNEXE4_COLUMN_WIDTHS[detailColumn('title') - 1] },
    { text: fiche.carriers.join(' ; '), width: ANNEXE4_COLUMN_WIDTHS[detailColumn('carriers') - 1] },
  ]);
  if (height) sheet.rows[row - 1].height = height;
}
