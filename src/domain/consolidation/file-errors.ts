import type { validationIssueCodes } from '../issue-codes/validation';

type ValidationCodes = typeof validationIssueCodes;
/** The validation codes that are errors (warnings never leave a file out). */
export type ValidationErrorCode = {
  [Code in keyof ValidationCodes]: ValidationCodes[Code]['severity'] extends 'error' ? Code : never;
}[keyof ValidationCodes];

/**
 * Which of a tracking workbook's errors leave it out of a consolidation (docs/WORKBOOK.md, « Consolidation »):
 * `structure` when its figures cannot be trusted at all (a sheet, a header, a key or the convention's dates lost or
 * changed: rows would be missed or read in the wrong place); `data` when a typed value is wrong (the file is kept
 * and its errors counted beside its figures, as a tracking workbook's own figures count such a cell as empty).
 * A table over every error code, so that a new code must be placed here to compile.
 */
export const validationErrorKinds: Record<ValidationErrorCode, 'structure' | 'data'> = {
  'not-a-tracking-workbook': 'structure',
  'period-unreadable': 'structure',
  // But for `Compétences AO`, which no rate reads: only its AO table is left out (measure-territory.ts, `aoUnread`).
  'missing-sheet': 'structure',
  'missing-header-row': 'structure',
  'missing-column': 'structure',
  'duplicate-column': 'structure',
  'empty-key': 'structure',
  'key-changed': 'structure',
  'duplicate-key': 'structure',
  'missing-row': 'structure',
  'unknown-key': 'structure',
  'criterion-outside-fiche': 'structure',
  'axis-rows-out-of-order': 'structure',
  'wrong-row-type': 'structure',
  'settings-label-missing': 'structure',
  'settings-label-moved': 'data',
  'settings-date-invalid': 'structure',
  'ctg-period-changed': 'structure',
  'settings-period-mismatch': 'structure',
  'settings-territory-mismatch': 'data',
  // The figures read the tools' own values, not the sheet's list.
  'settings-list-value-changed': 'data',
  'ctg-format-version-missing': 'structure',
  'format-too-new': 'structure',
  'ctg-key-list-invalid': 'structure',
  'ctg-fingerprint-mismatch': 'structure',
  // A person's value where the tools alone write: the figures do not read it.
  'ctg-cell-typed': 'data',
  // A retired key's record damaged: no figure reads it.
  'ctg-retired-key-changed': 'data',
  // A data problem: the figures read each cell, hidden or not, as the workbook's own formulas do.
  'merged-cells': 'data',
  'grey-cell-value': 'data',
  'progress-invalid': 'data',
  'number-is-date': 'data',
  'number-out-of-bounds': 'data',
  'number-invalid': 'data',
  'abandoned-in-invalid': 'data',
  'text-is-error': 'data',
  'date-invalid': 'data',
  'value-not-in-list': 'data',
  'quarter-value-not-number': 'data',
  'quarter-value-number-as-text': 'data',
  'quarter-value-not-in-scale': 'data',
  'formula-without-value': 'data',
  'value-in-computed-cell': 'data',
  'formula-in-input-cell': 'data',
  'ao-header-missing': 'data',
  'ao-population-invalid': 'data',
  'ao-row-unrecognised': 'data',
  'ao-value-not-in-list': 'data',
  'current-quarter-invalid': 'data',
  'settings-quarter-invalid': 'data',
  'settings-quarter-outside-period': 'data',
  'record-header-missing': 'data',
  'record-column-inserted': 'data',
  'contribution-row-invalid': 'data',
  'record-line-not-a-record': 'data',
  'record-cell-formula': 'data',
};
