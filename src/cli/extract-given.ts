import type { Issue } from '../app';
import type { CliError } from './failure';
import { texts, type MasterCommand } from './texts';

/**
 * A partner's extract given where a command needs the master (refused by the use cases as `workbook-is-extract`):
 * not an error to correct in the file, but the wrong file. The command line says so for the command run: whose
 * extract it is, what the command works on, and how the extract's values reach the master (merge).
 */

export function extractGiven(command: MasterCommand, path: string, partner: string): CliError {
  return { code: 'workbook-is-extract', message: texts.extractGiven(command, path, partner), file: path };
}

/** The refusal said for `command` when `issues` hold `workbook-is-extract`; null for any other refusal. */
export function extractGivenError(command: MasterCommand, path: string, issues: readonly Issue[]): CliError | null {
  const issue = issues.find((candidate) => candidate.code === 'workbook-is-extract');
  return issue ? extractGiven(command, path, String(issue.params.partner ?? '')) : null;
}
