import { renderIssueMessage, validateGrids, type Issue, type ValidationReport } from '../../app';
import { DEFAULT_XLSX_READ_LIMITS, readXlsx } from '../../xlsx/reader';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { EXIT_DONE, EXIT_DONE_WITH_ERRORS, EXIT_UNUSABLE } from '../exit-codes';
import { readInputFile } from '../files';
import { renderMessage } from '../../app';
import { texts } from '../texts';

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

function reportAsJson(report: ValidationReport): string {
  const issues = report.issues.map((issue) => ({ ...issue, message: renderIssueMessage(issue) }));
  return JSON.stringify({ errors: report.errors, warnings: report.warnings, issues }, null, 2);
}

export async function validateCommand(args: string[], console: Console): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean' } });
  if (!parsed.ok) {
    console.err(texts.badUsage('validate', parsed.detail));
    return EXIT_UNUSABLE;
  }
  if (parsed.positionals.length !== 1) {
    console.err(parsed.positionals.length === 0 ? texts.validate.missingFile : texts.tooManyArguments('validate'));
    return EXIT_UNUSABLE;
  }
  const path = parsed.positionals[0];
  const file = await readInputFile(path, DEFAULT_XLSX_READ_LIMITS.maxFileBytes);
  if (!file.ok) {
    console.err(file.message);
    return EXIT_UNUSABLE;
  }
  console.progress(texts.validate.progress);
  const read = readXlsx(file.bytes);
  if (!read.ok) {
    console.err(texts.inFile(path, renderMessage(read.error.code, read.error.params)));
    return EXIT_UNUSABLE;
  }
  const report = await validateGrids(read.grids, { today: new Date() });
  console.out(parsed.values.json ? reportAsJson(report) : reportAsText(path, report));
  if (!report.readable) return EXIT_UNUSABLE;
  return report.errors > 0 ? EXIT_DONE_WITH_ERRORS : EXIT_DONE;
}
