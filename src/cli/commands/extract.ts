import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { closestName } from '../../app';
import {
  distinctExtractFileNames,
  extractWorkbook,
  extractWarnings,
  findWorkbookRecipient,
  isActorKind,
  isMairieKind,
  loadValidState,
  recipientsOfWorkbook,
  renderIssueMessage,
  type Issue,
  type Recipient,
  type RecipientKind,
  type WorkbookExtract,
  type WorkbookState,
} from '../../app';
import { createXlsxWriterPort } from '../../xlsx/writer';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { EXIT_DONE } from '../exit-codes';
import { reportError, type CliError } from '../failure';
import { backupJson, outputNameError, outputPathError, writeOutputFile, type Backup } from '../output-file';
import { outputExample, texts } from '../texts';

/** The workbook a message about -o suggests. */
const EXAMPLE = outputExample('extract');
import { bytesPort, issuesAsJson, readWorkbookFile, reportNotRewritten } from './workbook-in-place';

/**
 * `ctg-suivi extract suivi.xlsx (--partenaire P | --commune C | --porteur P | --toutes-les-communes |
 * --tous-les-partenaires) [-o fichier.xlsx | --dossier D] [--force] [--json]`: one extract per recipient
 * (docs/WORKBOOK.md, « Extracts »), from a valid master, each with the text of its e-mail. Every target is checked
 * before the first file is written: `-o` and the files of `--dossier` never replace a file without `--force`.
 */

const options = {
  partenaire: { type: 'string' },
  commune: { type: 'string' },
  porteur: { type: 'string' },
  'toutes-les-communes': { type: 'boolean' },
  'tous-les-partenaires': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  dossier: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  'refuse-personal-data': { type: 'boolean' },
} as const;

/** Which recipients the user asked for: one by name, or all of a kind. */
type Wanted = { kind: RecipientKind; name: string } | { all: 'commune' | 'partner'; option: string };

const named: { option: 'partenaire' | 'commune' | 'porteur'; kind: RecipientKind }[] = [
  { option: 'partenaire', kind: 'partner' },
  { option: 'commune', kind: 'commune' },
  { option: 'porteur', kind: 'carrier' },
];

function wantedOf(values: Record<string, string | boolean | string[] | undefined>): Wanted[] {
  return [
    ...named.flatMap(({ option, kind }) =>
      typeof values[option] === 'string' ? [{ kind, name: values[option] as string }] : [],
    ),
    ...(values['toutes-les-communes'] ? [{ all: 'commune' as const, option: '--toutes-les-communes' }] : []),
    ...(values['tous-les-partenaires'] ? [{ all: 'partner' as const, option: '--tous-les-partenaires' }] : []),
  ];
}

/** The recipients asked for, or the French refusal (nobody of that name: the known ones are listed). */
function recipientsOf(
  state: WorkbookState,
  wanted: Wanted,
): { ok: true; list: Recipient[] } | { ok: false; error: CliError } {
  if ('all' in wanted) {
    const list = recipientsOfWorkbook(state, wanted.all);
    if (list.length > 0) return { ok: true, list };
    return {
      ok: false,
      error: { code: 'no-recipients', option: wanted.option, message: texts.extract.noneOfKind(wanted.all) },
    };
  }
  const found = findWorkbookRecipient(state, wanted.name);
  if (found) return { ok: true, list: [found] };
  const known = recipientsOfWorkbook(state);
  const byKind = (kind: RecipientKind) => known.filter((recipient) => recipient.kind === kind).map((r) => r.name);
  // A kind of porteur stands for the communes' mairies or the fiches' partners: the options that name them.
  const standsFor = isMairieKind(wanted.name) ? 'commune' : isActorKind(wanted.name) ? 'partner' : null;
  if (standsFor !== null) {
    const message = texts.extract.carrierKind(wanted.name, standsFor, byKind(standsFor));
    return { ok: false, error: { code: 'unknown-recipient', message } };
  }
  const message = texts.extract.unknownRecipient(
    wanted.name,
    {
      carrier: byKind('carrier'),
      commune: byKind('commune'),
      partner: byKind('partner'),
    },
    closestName(
      wanted.name,
      known.map((recipient) => recipient.name),
    ),
  );
  return { ok: false, error: { code: 'unknown-recipient', message } };
}

export async function extractCommand(args: string[], console: Console): Promise<number> {
  const parsed = parseCommandArgs('extract', args, options);
  if (!parsed.ok) return reportError(console, parsed.json, parsed.error);
  const { json, values } = parsed;
  const force = Boolean(values.force);
  if (parsed.positionals.length !== 1) {
    const error: CliError =
      parsed.positionals.length === 0
        ? { code: 'missing-file-argument', message: texts.extract.missingFile }
        : { code: 'too-many-arguments', message: texts.tooManyArguments('extract') };
    return reportError(console, json, error);
  }
  const path = parsed.positionals[0];
  const wanted = wantedOf(values);
  if (wanted.length !== 1) {
    const code = wanted.length === 0 ? 'missing-recipient' : 'conflicting-options';
    return reportError(console, json, { code, message: texts.extract.oneRecipient });
  }
  const output = typeof values.output === 'string' ? values.output : null;
  const folder = typeof values.dossier === 'string' ? values.dossier : null;
  if (output !== null && folder !== null)
    return reportError(console, json, { code: 'conflicting-options', message: texts.extract.outputOrFolder });
  if (output !== null && 'all' in wanted[0])
    return reportError(console, json, { code: 'conflicting-options', message: texts.extract.outputForOne });
  const badName = output === null ? null : outputNameError(output, EXAMPLE);
  if (badName) return reportError(console, json, badName);
  // A missing --dossier is said before any work, as such (the general message would advise -o).
  const noFolder = folder === null ? null : await outputPathError(join(folder, EXAMPLE), true, EXAMPLE);
  if (noFolder?.code === 'output-folder-missing' && folder !== null) {
    // A file where the folder should be (`file` names it) is no folder to create.
    const file = noFolder.file !== undefined && existsSync(noFolder.file) ? noFolder.file : null;
    return reportError(console, json, {
      ...noFolder,
      option: '--dossier',
      message: file === null ? texts.extract.folderMissing(folder) : texts.extract.folderIsAFile(file),
    });
  }

  const read = await readWorkbookFile(path);
  if (!read.ok) return reportError(console, json, read.error);
  console.progress(texts.extract.progress);
  const now = new Date();
  const loaded = await loadValidState(bytesPort(read).port, now);
  if (!loaded.ok) return reportNotRewritten({ command: 'extract', path, output, force, json }, loaded.outcome, console);
  const { state } = loaded;

  const asked = recipientsOf(state, wanted[0]);
  if (!asked.ok) return reportError(console, json, asked.error);
  const extracts: { extract: WorkbookExtract; bytes: Uint8Array; file: string; backup: Backup | null }[] = [];
  for (const recipient of asked.list) {
    const refusePersonalData = values['refuse-personal-data'] === true;
    const outcome = await extractWorkbook(state, recipient, { now, refusePersonalData });
    if (!outcome.ok) {
      const [issue] = outcome.issues;
      return reportError(console, json, { code: issue.code, message: renderIssueMessage(issue) });
    }
    let bytes: Uint8Array | null = null;
    await createXlsxWriterPort((written) => void (bytes = written)).write(outcome.extract.spec);
    extracts.push({ extract: outcome.extract, bytes: bytes as unknown as Uint8Array, file: '', backup: null });
  }
  const names = distinctExtractFileNames(extracts.map(({ extract }) => extract.fileName));
  extracts.forEach((made, index) => {
    made.file = output ?? (folder === null ? names[index] : join(folder, names[index]));
  });
  // Every target checked first: an existing file stops the command before anything is written.
  for (const { file } of extracts) {
    const refused = await outputPathError(file, force, EXAMPLE);
    if (refused) return reportError(console, json, refused);
  }
  const writtenBefore: string[] = [];
  for (const written of extracts) {
    const outcome = await writeOutputFile(written.file, written.bytes, force, EXAMPLE, false, writtenBefore);
    if (!outcome.ok) return reportError(console, json, outcome.error, outcome.exitCode);
    written.backup = outcome.backup;
    writtenBefore.push(written.file);
    // Ctrl-C or SIGTERM once this file was whole: it is written, the next ones are not.
    if (outcome.signalledAfter !== undefined && written !== extracts[extracts.length - 1]) {
      const message = texts.writeInterruptedAfter(written.file, writtenBefore);
      return reportError(console, json, { code: 'interrupted', message, file: written.file }, outcome.signalledAfter);
    }
  }

  // The master's warnings concern every extract; each extract's own (its personal data) are said with it.
  const general = extractWarnings(state, now);
  if (json) {
    const documents = extracts.map(({ extract, file, backup }) => ({
      recipient: extract.recipient.name,
      kind: extract.recipient.kind,
      file,
      ...backupJson(backup),
      fiches: extract.fiches,
      rows: extract.rows,
      quarter: extract.quarter,
      coveringText: extract.coveringText,
      warnings: issuesAsJson(extract.warnings),
    }));
    const warnings = [...general, ...extracts.flatMap(({ extract }) => extract.warnings)];
    console.out(JSON.stringify({ extracts: documents, warnings: issuesAsJson(warnings) }, null, 2));
  } else {
    const leftOut = (issue: Issue) => issue.code === 'extract-personal-data-left-out';
    console.out(
      texts.extract.done(
        extracts.map(({ extract, file, backup }) => ({
          ...extract,
          file,
          backup,
          personalData: {
            held: extract.warnings.filter((issue) => !leftOut(issue)).map(issueLine),
            leftOut: extract.warnings.filter(leftOut).map(issueLine),
          },
        })),
        general.map(issueLine),
      ),
    );
  }
  return EXIT_DONE;
}

const issueLine = (issue: Issue) => texts.inPlace.issueLine(issue.sheet, issue.cell, renderIssueMessage(issue));
