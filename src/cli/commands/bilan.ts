import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderIssueMessage, type Issue } from '../../app';
import {
  bilanDocument,
  bilanJson,
  bilanSheets,
  buildBilan,
  ratesOf,
  type Bilan,
  type BilanKind,
  type BilanRefusal,
} from '../../app/bilan';
import { DEFAULT_XLSX_READ_LIMITS, readXlsx } from '../../xlsx/reader';
import { writeXlsx } from '../../xlsx/writer';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { EXIT_DONE, EXIT_DONE_WITH_ERRORS } from '../exit-codes';
import { reportError, type CliError } from '../failure';
import { readInputFile, realPathOf } from '../files';
import { outputIsTrackingWorkbook } from '../output-tracking-workbook';
import { interruptible } from '../interruption';
import { convertToPdf, findLibreOffice } from '../libreoffice';
import { backupJson, outputNameError, outputPathError, writeOutputFile, type Backup } from '../output-file';
import { extractGivenError } from '../extract-given';
import { outputExample, texts } from '../texts';

/** The workbook a message about -o suggests. */
const EXAMPLE = outputExample('bilan');
import { issuesAsJson } from './workbook-in-place';

/**
 * `ctg-suivi bilan suivi.xlsx --kind annuel|intermediaire|final [--year AAAA] [--cdsf] [-o bilan.xlsx] [--force]
 * [--pdf] [--json]`: the bilan of a period of the convention written as its own workbook (docs/WORKBOOK.md,
 * « Bilans »), beside the tracking workbook unless -o names it; `--pdf` prints it to a PDF of the same name with
 * LibreOffice. The tracking workbook is only read (the sheets the bilan needs). Exit 2: wrong usage or a workbook
 * that cannot be measured; 1: errors to correct first (nothing written), or the PDF not made (the .xlsx written).
 */

const options = {
  kind: { type: 'string' },
  year: { type: 'string' },
  cdsf: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  pdf: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** The command line's words for the kinds (accents accepted: people type them). */
const kindWords: Record<string, BilanKind> = {
  annuel: 'annual',
  intermediaire: 'midterm',
  intermédiaire: 'midterm',
  final: 'final',
};

interface BilanArgs {
  path: string;
  kind: BilanKind;
  year: number | null;
  cdsf: boolean;
  output: string | null;
  force: boolean;
  pdf: boolean;
  json: boolean;
}

type Parsed = { ok: true; args: BilanArgs } | { ok: false; json: boolean; error: CliError };

function parseBilanArgs(args: string[]): Parsed {
  const parsed = parseCommandArgs('bilan', args, options);
  if (!parsed.ok) return parsed;
  const { values, positionals, json } = parsed;
  const refused = (error: CliError): Parsed => ({ ok: false, json, error });
  if (positionals.length === 0) return refused({ code: 'missing-file-argument', message: texts.bilan.missingFile });
  if (positionals.length > 1) return refused({ code: 'too-many-arguments', message: texts.tooManyArguments('bilan') });
  if (typeof values.kind !== 'string')
    return refused({ code: 'missing-kind', option: '--kind', message: texts.bilan.missingKind });
  const kind = kindWords[values.kind.trim().toLowerCase()];
  if (!kind)
    return refused({ code: 'invalid-option-value', option: '--kind', message: texts.bilan.badKind(values.kind) });
  let year: number | null = null;
  if (typeof values.year === 'string') {
    if (!/^\d{4}$/.test(values.year.trim()))
      return refused({ code: 'invalid-option-value', option: '--year', message: texts.bilan.badYear(values.year) });
    year = Number(values.year.trim());
  }
  const output = typeof values.output === 'string' ? values.output : null;
  const badName = output === null ? null : outputNameError(output, EXAMPLE);
  if (badName) return refused(badName);
  return {
    ok: true,
    args: {
      path: positionals[0],
      kind,
      year,
      cdsf: values.cdsf === true,
      output,
      force: values.force === true,
      pdf: values.pdf === true,
      json,
    },
  };
}

/** `bilan.xlsx` → `bilan.pdf`. */
const pdfPathOf = (xlsx: string) => xlsx.replace(/\.xlsx$/i, '.pdf');

/** Why no bilan, said as `compute` says a refused rewrite: errors to correct (1), else usage or unreadable (2). */
function reportRefusal(console: Console, args: BilanArgs, refusal: BilanRefusal, issues: Issue[]): number {
  const extract = extractGivenError('bilan', args.path, issues);
  if (extract) return reportError(console, args.json, extract);
  const errors = issues.filter((issue) => issue.severity === 'error');
  const first = errors[0] ?? issues[0];
  if (refusal === 'refused') {
    const message = texts.bilan.notWritten(args.path, errors.length);
    if (args.json) {
      const error: CliError = { code: 'workbook-has-errors', message, file: args.path };
      const document = { file: args.path, written: false, errors: errors.length, issues: issuesAsJson(issues), error };
      console.out(JSON.stringify(document, null, 2));
    } else {
      console.err(message);
      for (const issue of issues)
        console.err(texts.inPlace.issueLine(issue.sheet, issue.cell, renderIssueMessage(issue)));
    }
    return EXIT_DONE_WITH_ERRORS;
  }
  if (!first)
    return reportError(console, args.json, { code: 'file-unreadable', message: texts.bilan.notWritten(args.path, 0) });
  // Only a year that does not fit the kind is a usage refusal (bilan-year-outside, bilan-year-not-annual).
  if (refusal === 'usage')
    return reportError(console, args.json, {
      code: first.code,
      option: '--year',
      message: texts.bilan.wrongUsage(first),
    });
  const code = reportError(console, args.json, {
    code: first.code,
    message: texts.inFile(args.path, first),
    file: args.path,
  });
  if (!args.json)
    for (const issue of issues.slice(issues.indexOf(first) + 1).filter((issue) => issue.severity === 'error'))
      console.err(texts.inPlace.issueLine(issue.sheet, issue.cell, renderIssueMessage(issue)));
  return code;
}

function reportAsText(console: Console, bilan: Bilan, title: string, warnings: readonly Issue[]) {
  const b = texts.bilan;
  console.out(title);
  console.out(b.periodLine(bilan.period));
  console.out(b.figuresLine(b.plan, bilan.plan.fiches, ratesOf(bilan.plan)));
  for (const axis of bilan.axes)
    console.out(b.figuresLine(b.axis(axis.number, axis.title), axis.counts.fiches, ratesOf(axis.counts)));
  console.out(b.statusLine(bilan.plan.statuses, bilan.plan.fiches, bilan.plan.fichesWithDifficulties));
  for (const warning of warnings) console.out(b.warning(warning));
}

/** The PDF's backup as the `--json` output gives it, beside the workbook's (`backup`, `earlierBackup`). */
function pdfBackupJson(backup: Backup | null): { pdfBackup: string | null; pdfEarlierBackup: string | null } {
  const { backup: pdfBackup, earlierBackup: pdfEarlierBackup } = backupJson(backup);
  return { pdfBackup, pdfEarlierBackup };
}

type PdfOutcome = { ok: true; file: string; backup: Backup | null } | { ok: false; error: CliError; exitCode?: number };

/**
 * Why the PDF was not printed; a PDF of that name already there (--force, an earlier run) is left as it was, and said
 * to be an earlier bilan's: it no longer matches the .xlsx just written beside it.
 */
async function pdfNotPrinted(code: 'needs-libreoffice' | 'conversion-failed', why: string, pdf: string) {
  const earlier = await fs.stat(pdf).then(
    (stat) => stat.isFile(),
    () => false,
  );
  const message = earlier ? why + texts.bilan.earlierPdf(pdf) : why;
  return { ok: false, error: { code, message, file: pdf } } satisfies PdfOutcome;
}

/** The PDF printed from the .xlsx written: its path and backup, or why not (the .xlsx stays). */
async function writePdf(xlsx: string, { force, json }: BilanArgs, console: Console): Promise<PdfOutcome> {
  const pdf = pdfPathOf(xlsx);
  const program = await findLibreOffice();
  if (program === null) return pdfNotPrinted('needs-libreoffice', texts.bilan.needsLibreOffice(xlsx), pdf);
  // Written as any output: never over a PDF without --force, the old one kept.
  const interruption = { message: texts.bilan.interruptedPrinting(xlsx), json };
  const converted = await interruptible(console, interruption, () => convertToPdf(program, xlsx));
  if (!converted.ok)
    return pdfNotPrinted('conversion-failed', texts.bilan.conversionFailed(xlsx, converted.reason), pdf);
  const written = await writeOutputFile(pdf, converted.bytes, force, EXAMPLE, false, [xlsx]);
  return written.ok ? { ok: true, file: pdf, backup: written.backup } : written;
}

export async function bilanCommand(argv: string[], console: Console): Promise<number> {
  const parsed = parseBilanArgs(argv);
  if (!parsed.ok) return reportError(console, parsed.json, parsed.error);
  const { args } = parsed;
  const { json, force } = args;
  // The bilan written over the tracking workbook would replace it (its copy kept as .bak only with --force); a link
  // to it, either way, is the same file.
  if (args.output !== null && (await realPathOf(args.output)) === (await realPathOf(args.path))) {
    const error: CliError = {
      code: 'output-is-input',
      message: texts.bilan.outputIsInput(args.path),
      file: args.output,
    };
    return reportError(console, json, error);
  }
  // -o is checked before reading; the default name (from the territory) once the bilan is made. A tracking workbook
  // there is refused even with --force, and said rather than « add --force ».
  const territoryOutput =
    args.output === null ? null : outputIsTrackingWorkbook(args.output, texts.bilan.outputIsTrackingWorkbook);
  if (territoryOutput) return reportError(console, json, territoryOutput);
  const early = args.output === null ? null : await outputPathError(args.output, force, EXAMPLE);
  if (early) return reportError(console, json, early);
  if (args.pdf && args.output !== null) {
    const pdfRefused = await outputPathError(pdfPathOf(args.output), force, EXAMPLE);
    if (pdfRefused) return reportError(console, json, pdfRefused);
  }

  const file = readInputFile(args.path, DEFAULT_XLSX_READ_LIMITS.maxFileBytes, 'workbook');
  if (!file.ok) return reportError(console, json, file.error);
  const read = readXlsx(file.bytes, { sheets: bilanSheets });
  if (!read.ok) {
    const message = texts.inFile(args.path, texts.readRefusal(args.path, read.error, 'one'));
    return reportError(console, json, { code: read.error.code, message, file: args.path });
  }
  console.progress(texts.bilan.progress);
  const now = new Date();
  const outcome = await buildBilan(read.grids, {
    kind: args.kind,
    ...(args.year === null ? {} : { year: args.year }),
    cdsf: args.cdsf,
    today: now,
    reread: async (sheets) => {
      const again = readXlsx(file.bytes, { sheets });
      return again.ok ? again.grids : null;
    },
  });
  if (!outcome.ok) return reportRefusal(console, args, outcome.refusal, outcome.issues);
  const { bilan } = outcome;
  const document = bilanDocument(bilan, now);
  const warnings = [...outcome.warnings, ...document.warnings];
  const output = args.output ?? join(dirname(args.path), document.fileName);
  if (args.output === null) {
    const territoryDefault = outputIsTrackingWorkbook(output, texts.bilan.outputIsTrackingWorkbook);
    if (territoryDefault) return reportError(console, json, territoryDefault);
    for (const target of args.pdf ? [output, pdfPathOf(output)] : [output]) {
      const refused = await outputPathError(target, force, EXAMPLE);
      if (refused) return reportError(console, json, refused);
    }
  }

  const written = await writeOutputFile(output, await writeXlsx(document.spec), force, EXAMPLE);
  if (!written.ok) return reportError(console, json, written.error, written.exitCode);
  // Ctrl-C or SIGTERM once the .xlsx was whole: it is written, its PDF is not made.
  if (args.pdf && written.signalledAfter !== undefined) {
    const message = texts.writeInterruptedAfter(output, [output]);
    return reportError(console, json, { code: 'interrupted', message, file: output }, written.signalledAfter);
  }
  const pdf = args.pdf ? await writePdf(output, args, console) : null;

  if (json) {
    console.out(
      JSON.stringify(
        {
          file: output,
          ...backupJson(written.backup),
          pdf: pdf?.ok ? pdf.file : null,
          ...pdfBackupJson(pdf?.ok ? pdf.backup : null),
          title: document.title,
          ...bilanJson(bilan),
          warnings: issuesAsJson(warnings),
          ...(pdf && !pdf.ok ? { error: pdf.error } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    reportAsText(console, bilan, document.title, warnings);
    console.out(texts.bilan.written(output, written.backup));
    if (pdf?.ok) console.out(texts.bilan.pdfWritten(pdf.file, pdf.backup));
    else if (pdf) console.err(pdf.error.message);
  }
  // Ctrl-C or SIGTERM while the PDF was written: the .xlsx is said written, the PDF not, with the signal's code.
  return pdf && !pdf.ok ? (pdf.exitCode ?? EXIT_DONE_WITH_ERRORS) : EXIT_DONE;
}
