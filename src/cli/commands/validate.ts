import {
  checkedExtractOf,
  renderIssueMessage,
  validateGrids,
  type CheckedExtract,
  type Issue,
  type ValidationReport,
} from '../../app';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { EXIT_DONE, EXIT_DONE_WITH_ERRORS, EXIT_UNUSABLE } from '../exit-codes';
import { reportError, type CliError } from '../failure';
import { interruptible } from '../interruption';
import { texts } from '../texts';
import { namingWorkbook } from '../workbook-named';
import { readSpreadsheetFile } from './spreadsheet-file';

/** What the file checked is beside its report: the format it was converted from, a partner's extract's facts. */
interface Checked {
  path: string;
  convertedFrom: 'ods' | 'xls' | null;
  extract: CheckedExtract | null;
}

function issuesBySheet(issues: Issue[]): Map<string, Issue[]> {
  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    const sheet = issue.sheet ?? texts.validate.workbookLevel;
    groups.set(sheet, [...(groups.get(sheet) ?? []), issue]);
  }
  return groups;
}

const SEVERITIES = ['error', 'warning'] as const;

/**
 * The report's issues, errors first, then warnings, each kept in the report's order (by sheet in workbook order, then
 * cell): an error of the hidden `_ctg`, last of the sheets, would otherwise come after every warning.
 */
function errorsFirst(issues: readonly Issue[]): Issue[] {
  return SEVERITIES.flatMap((severity) => issues.filter((issue) => issue.severity === severity));
}

/** An issue's message, naming the file checked where it gives a command on it (« generate … -o pilat.xlsx »). */
const messageOf = (issue: Issue, path: string) => renderIssueMessage(namingWorkbook(issue, path));

function reportAsText({ path, convertedFrom, extract }: Checked, report: ValidationReport): string {
  const lines = [texts.validate.summary(path, report.errors, report.warnings)];
  if (convertedFrom) lines.push(texts.validate.converted(convertedFrom));
  if (extract) lines.push(texts.validate.extract(path, extract));
  if (report.issues.length === 0) lines.push(texts.validate.clean);
  for (const severity of SEVERITIES) {
    const ofSeverity = report.issues.filter((issue) => issue.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push('', texts.validate.severityHeader(severity));
    for (const [sheet, issues] of issuesBySheet(ofSeverity)) {
      lines.push('', texts.validate.sheetHeader(sheet));
      for (const issue of issues) {
        lines.push(
          texts.validate.issueLine(texts.validate.severity(issue.severity), issue.cell, messageOf(issue, path)),
        );
      }
    }
  }
  return lines.join('\n');
}

/** The first error of a workbook that could not be checked (not a tracking workbook, no readable period). */
function unreadableError(path: string, report: ValidationReport): CliError {
  const first = report.issues.find((issue) => issue.severity === 'error');
  return first
    ? { code: first.code, message: renderIssueMessage(first), file: path }
    : { code: 'file-unreadable', message: texts.validate.summary(path, report.errors, report.warnings), file: path };
}

/** The report; with `error` beside it when the workbook could not be checked (exit 2). */
function reportAsJson({ path, convertedFrom, extract }: Checked, report: ValidationReport): string {
  const issues = errorsFirst(report.issues).map((issue) => ({ ...issue, message: messageOf(issue, path) }));
  const error = report.readable ? {} : { error: unreadableError(path, report) };
  const document = { errors: report.errors, warnings: report.warnings, issues, extract, convertedFrom, ...error };
  return JSON.stringify(document, null, 2);
}

export async function validateCommand(args: string[], console: Console): Promise<number> {
  const parsed = parseCommandArgs('validate', args, { json: { type: 'boolean' } });
  if (!parsed.ok) return reportError(console, parsed.json, parsed.error);
  const { json } = parsed;
  if (parsed.positionals.length !== 1) {
    const error: CliError =
      parsed.positionals.length === 0
        ? { code: 'missing-file-argument', message: texts.validate.missingFile }
        : { code: 'too-many-arguments', message: texts.tooManyArguments('validate') };
    return reportError(console, json, error);
  }
  const path = parsed.positionals[0];
  console.progress(texts.validate.progress);
  // Only read: an .ods or .xls is converted in a temporary folder, never next to the file.
  const interruption = { message: texts.validate.interrupted, json };
  const read = await interruptible(console, interruption, () => readSpreadsheetFile(path, 'validate'));
  if (!read.ok) return reportError(console, json, read.error);
  const report = await validateGrids(read.grids, { today: new Date() });
  const checked = { path, convertedFrom: read.convertedFrom, extract: checkedExtractOf(read.grids) };
  console.out(json ? reportAsJson(checked, report) : reportAsText(checked, report));
  if (!report.readable) return EXIT_UNUSABLE;
  return report.errors > 0 ? EXIT_DONE_WITH_ERRORS : EXIT_DONE;
}
