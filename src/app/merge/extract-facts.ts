import { gridText, readSheet, type SheetGrid, type WorkbookGrids } from '../../domain/grid';
import type { JournalValue } from '../../domain/journal';
import { readExtractMeta } from '../../layout/sheets/ctg-meta/extract-meta';
import type { SentValue } from '../../layout/sheets/ctg-meta/sent-values';
import { ctgMetaRows, META_VALUE_COLUMN } from '../../layout/sheets/ctg-meta/ctg-meta-layout';
import { readCtgMeta } from '../../layout/sheets/ctg-meta/ctg-meta-read';
import { axisSheetName, sheetNames } from '../../layout/texts';
import { readSettings } from '../../layout/sheets/settings/settings-read';
import { settingsLabels } from '../../layout/sheets/settings/settings-layout';
import type { Period } from '../../domain/plan';
import type { ExtractFacts } from './merge-source';

/** The values an extract was sent with, by row key then field id or quarter label. */
export function sentByCell(sent: readonly SentValue[]): Map<string, Map<string, JournalValue>> {
  const byCell = new Map<string, Map<string, JournalValue>>();
  for (const { key, field, value } of sent) byCell.set(key, (byCell.get(key) ?? new Map()).set(field, value));
  return byCell;
}

/** What a returned file's `_ctg` says of the extract it was, sent values by cell; null when it is no extract. */
export function extractFactsOf(grids: WorkbookGrids): ExtractFacts | null {
  const meta = readExtractMeta(grids);
  if (!meta) return null;
  const sent = sentByCell(meta.sent);
  const ctg = readSheet(grids, sheetNames.meta);
  const entries = ctg ? (readCtgMeta(ctg).meta?.keys ?? []) : [];
  const keys = new Set(entries.map((entry) => entry.key));
  const axes = entries.map((entry) => entry.axis).filter((axis): axis is number => axis !== undefined);
  return {
    keys,
    axisSheets: new Set(axes.map(axisSheetName)),
    partner: meta.partner.trim(),
    territory: meta.territory.trim(),
    masterFingerprint: meta.masterFingerprint.trim(),
    upTo: meta.upTo,
    sent,
    madeAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(meta.madeAt.trim()) ? meta.madeAt.trim() : null,
  };
}

/** Paramètres' territory, only where its label is (a partner's own « Paramètres » names none). */
function settingsTerritory(grid: SheetGrid): string {
  const reading = readSettings(grid);
  const label = settingsLabels.territory;
  const lost = reading.issues.some((issue) => issue.code === 'settings-label-missing' && issue.params.label === label);
  return lost ? '' : reading.settings.territory;
}

/**
 * The names a workbook gives its territory: `_ctg`'s, then Paramètres' (a copy without `_ctg` still has the latter);
 * none for a partner's own table.
 */
export function territoryNamesOf(grids: WorkbookGrids): string[] {
  const ctg = readSheet(grids, sheetNames.meta);
  const settings = readSheet(grids, sheetNames.settings);
  const names = [
    ctg ? gridText(ctg, ctgMetaRows.territory, META_VALUE_COLUMN) : '',
    settings ? settingsTerritory(settings) : '',
  ];
  return names.map((name) => name.trim()).filter((name) => name !== '');
}

const isoDay = (text: string) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null);

/**
 * The convention a workbook is of: `_ctg`'s period (B5, B6), then Paramètres' (a copy without `_ctg` still has
 * it, where its labels are); null for a partner's own table, or when neither is whole.
 */
export function conventionOf(grids: WorkbookGrids): Period | null {
  const ctg = readSheet(grids, sheetNames.meta);
  if (ctg) {
    const start = isoDay(gridText(ctg, ctgMetaRows.periodStart, META_VALUE_COLUMN).trim());
    const end = isoDay(gridText(ctg, ctgMetaRows.periodEnd, META_VALUE_COLUMN).trim());
    if (start && end) return { start, end };
  }
  const settings = readSheet(grids, sheetNames.settings);
  if (!settings) return null;
  const reading = readSettings(settings);
  const labels = [settingsLabels.periodStart, settingsLabels.periodEnd];
  const lost = reading.issues.some(
    (issue) => issue.code === 'settings-label-missing' && labels.includes(String(issue.params.label)),
  );
  const { periodStart, periodEnd } = reading.settings;
  return !lost && periodStart && periodEnd ? { start: periodStart, end: periodEnd } : null;
}
