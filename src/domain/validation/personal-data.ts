import type { Issue } from '../issues';
import { findPersonalData } from '../personal-data';
import type { TrackingField, TrackingRow } from '../tracking';
import { textValue } from '../tracking-values';
import { createIssue } from '../issues';
import { at } from './row-cells';

/**
 * Personal data in the free-text cells people type into (Partenaires, Mise en œuvre, Difficultés, Mis à jour
 * par, Unité, Commentaire…): one warning per cell, naming the kinds found but not repeating the data.
 */
export function checkPersonalData(rows: readonly TrackingRow[]): Issue[] {
  const issues: Issue[] = [];
  for (const row of rows) {
    // The record in a local: V8 then reads each key's value straight from the record's layout.
    const cells = row.cells;
    for (const field in cells) {
      const cell = cells[field as TrackingField];
      if (!cell || cell.kind !== 'text' || !cell.input) continue;
      const found = findPersonalData(textValue(cell.raw));
      if (found.length === 0) continue;
      const kinds = [...new Set(found.map((match) => match.kind))];
      issues.push(createIssue('personal-data', at(row, cell), { header: cell.header, kinds }));
    }
  }
  return issues;
}
