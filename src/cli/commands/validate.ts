import { renderIssueMessage, validateGrids, type Issue, type ValidationReport } from '../../app';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { EXIT_DONE, EXIT_DONE_WITH_ERRORS, EXIT_UNUSABLE } from '../exit-codes';
import { reportError, type CliError } from '../failure';
import { texts } from '../texts';
import { readWorkbookFile } from './workbook-in-place';

function issuesBySheet(issues: Issue[]): Map<string, Issue[]> {
  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    const sheet = issue.sheet ?? texts.validate.workbookLevel;
    groups.set(sheet, [...(groups.get(sheet) ?? []), issue]);
  }
  return groups;
}

function reportAsText(path: string, report: ValidationReport): string {
  const lines = [texts.validate.summary(path, report.errors, report.warnings)];
  if (report.issues.length === 0) lines.push(texts.validate.clean);
  for (const [sheet, issues] of issuesBySheet(report.issues)) {
    lines.push('', texts.validate.sheetHeader(sheet));
    for (const issue of issues) {
      lines.push(
        texts.validate.issueLine(texts.validate.severity(issue.severity), issue.cell, renderIssueMessage(issue)),
      );
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
function reportAsJson(path: string, report: ValidationReport): string {
  const issues = report.issues.map((issue) => ({ ...issue, message: renderIssueMessage(issue) }));
  const error = report.readable ? {} : { error: unreadableError(path, report) };
  return JSON.stringify({ errors: report.errors, warnings: report.warnings, issues, ...error }, null, 2);
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
  const read = await readWorkbookFile(path);
  if (!read.ok) return reportError(console, json, read.error);
  const report = await validateGrids(read.grids, { today: new Date() });
  console.out(json ? reportAsJson(path, report) : reportAsText(path, report));
  if (!report.readable) return EXIT_UNUSABLE;
  return report.errors > 0 ? EXIT_DONE_WITH_ERRORS : EXIT_DONE;
}
