import {
  consolidate,
  consolidationJson,
  quarterNoteOf,
  ratesOf,
  writeConsolidation,
  type Consolidation,
} from '../../app/consolidate';
import { hasBegun, parseTypedQuarter, quarterLabel, renderMessage } from '../../app';
import { createXlsxWriterPort } from '../../xlsx/writer';
import { streamXlsx } from '../../xlsx/writer/stream-xlsx';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { inputFiles } from '../consolidate/input-files';
import { measureFiles } from '../consolidate/measure-pool';
import { outputIsTrackingWorkbook } from '../output-tracking-workbook';
import { terminalProgress } from '../consolidate/progress-bar';
import { namedFromWorkbook } from '../consolidate/workbook-paths';
import { EXIT_DONE, EXIT_DONE_WITH_ERRORS, EXIT_UNUSABLE } from '../exit-codes';
import { reportError, type CliError } from '../failure';
import { interruptible } from '../interruption';
import { backupJson, outputNameError, outputPathError, writeOutputFile } from '../output-file';
import { CONVERSION_TEXT_LIMIT } from '../text-cut-by-conversion';
import { outputExample, texts } from '../texts';

/** The workbook a message about -o suggests. */
const EXAMPLE = outputExample('consolidate');
/**
 * Names outside the vocabulary listed per kind: territories whose conventions word their champs their own way can
 * have thousands, which would push the territories' lines out of sight; the workbook marks them all.
 */
const UNMATCHED_LISTED = 20;
/**
 * Duplicates listed as plain copies (a folder of a workbook saved again and again), the others counted: each line
 * is long, and the workbook gives them all. A copy that names the territory otherwise is always listed: it is what
 * to correct, and why the command exits 1.
 */
const COPIES_LISTED = 20;

/**
 * `ctg-suivi consolidate <fichiers ou dossiers…> -o consolidation.xlsx [--quarter AAAA-Tn] [--force] [--json]`: the
 * territories' workbooks measured (one per worker thread per core), consolidated and written as one workbook
 * (docs/WORKBOOK.md, « Consolidation »). A file left out never stops the others: exit 1 when one was, or when a
 * file kept has data errors; 2 when nothing could be done (no file, a wrong option, -o unwritable).
 */

const optionSpecs = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  quarter: { type: 'string' },
} as const;

interface ConsolidateOptions {
  inputs: string[];
  output: string;
  force: boolean;
  json: boolean;
  quarter: string | null;
}

type Parsed = { ok: true; options: ConsolidateOptions } | { ok: false; error: CliError; json: boolean };

function parseConsolidateArgs(args: string[]): Parsed {
  const parsed = parseCommandArgs('consolidate', args, optionSpecs);
  if (!parsed.ok) return parsed;
  const { values, positionals, json } = parsed;
  if (positionals.length === 0)
    return { ok: false, json, error: { code: 'missing-file-argument', message: texts.consolidate.missingFiles } };
  const output = typeof values.output === 'string' ? values.output : null;
  if (output === null)
    return {
      ok: false,
      json,
      error: { code: 'missing-output', option: '-o', message: texts.consolidate.missingOutput },
    };
  const badName = outputNameError(output, EXAMPLE);
  if (badName) return { ok: false, json, error: badName };
  const quarter = typeof values.quarter === 'string' ? values.quarter : null;
  if (quarter !== null && parseTypedQuarter(quarter) === null) {
    const message = texts.consolidate.badQuarter(renderMessage('quarter-malformed', { value: quarter.trim() }));
    return { ok: false, json, error: { code: 'invalid-option-value', option: '--quarter', message } };
  }
  return { ok: true, options: { inputs: positionals, output, force: values.force === true, json, quarter } };
}

/** A territory's convention whose last quarter has begun: after its end, every quarter of it counts. */
function isOver(territory: Consolidation['territories'][number], today: Date): boolean {
  const last = parseTypedQuarter(territory.conventionQuarters.last);
  return last !== null && hasBegun(last, today);
}

function reportAsText(console: Console, consolidation: Consolidation, today: Date) {
  for (const territory of consolidation.territories) {
    const rates = ratesOf(territory.counts);
    console.out(
      texts.consolidate.territoryLine(territory.territory, territory.file, territory.quarter, rates, territory.errors),
    );
    const note = quarterNoteOf(territory);
    if (note === 'notBegun') console.out(texts.consolidate.quarterNotBegun(territory.quarter));
    else if (note)
      console.out(
        texts.consolidate.quarterOutside(
          territory.quarter,
          note,
          territory.conventionQuarters,
          !isOver(territory, today),
        ),
      );
    else if (territory.quarterLag)
      console.out(texts.consolidate.quarterLagging(territory.quarter, territory.quarterLag));
    if (territory.aoUnread) console.out(texts.consolidate.aoUnread(territory.aoUnread.reason));
    if (territory.textCut) console.out(texts.consolidate.textCut(territory.textCut, CONVERSION_TEXT_LIMIT));
    for (const emptied of territory.planColumnsEmptied ?? [])
      console.out(texts.consolidate.planColumnEmptied(emptied.reason));
    for (const missing of territory.missingColumns ?? [])
      console.out(texts.consolidate.missingColumn(missing.column, missing.sheet, missing.reason));
    if (territory.errors > 0)
      console.out(texts.consolidate.dataErrors(territory.file, territory.errors, Boolean(territory.textCut)));
  }
  console.out(texts.consolidate.totalLine(consolidation.territories.length, ratesOf(consolidation.total)));
  const isPlainCopy = (duplicate: Consolidation['duplicates'][number]) =>
    !duplicate.namesDiffer && !duplicate.sirensDiffer;
  let plainCopies = 0;
  for (const duplicate of consolidation.duplicates) {
    if (isPlainCopy(duplicate) && ++plainCopies > COPIES_LISTED) continue;
    console.out(
      texts.consolidate.duplicateLine(duplicate.territory, duplicate.kept, duplicate.dropped, duplicate.reason),
    );
  }
  if (plainCopies > COPIES_LISTED) console.out(texts.consolidate.duplicatesMore(plainCopies - COPIES_LISTED));
  for (const apart of consolidation.copiesApart) console.out(texts.consolidate.copiesApartLine(apart.reason));
  for (const kind of ['field', 'public'] as const) {
    const names = consolidation.unmatched.filter((name) => name.kind === kind);
    for (const name of names.slice(0, UNMATCHED_LISTED)) {
      const [place] = name.places;
      const where = place ? { place, suggestions: name.suggestions } : undefined;
      console.out(texts.consolidate.unmatchedLine(kind, name.name, name.territories, where));
    }
    if (names.length > UNMATCHED_LISTED)
      console.out(texts.consolidate.unmatchedMore(kind, names.length - UNMATCHED_LISTED));
  }
  for (const rejected of consolidation.rejected)
    console.out(texts.consolidate.rejectedLine(rejected.file, rejected.reason, rejected.territory));
}

function reportNothingKept(console: Console, json: boolean, consolidation: Consolidation): number {
  const message = texts.consolidate.nothingKept;
  const error: CliError = { code: 'nothing-to-consolidate', message };
  if (json) {
    console.out(JSON.stringify({ error, ...consolidationJson(consolidation) }, null, 2));
    return EXIT_UNUSABLE;
  }
  for (const rejected of consolidation.rejected)
    console.out(texts.consolidate.rejectedLine(rejected.file, rejected.reason, rejected.territory));
  return reportError(console, false, error);
}

export async function consolidateCommand(args: string[], console: Console): Promise<number> {
  const parsed = parseConsolidateArgs(args);
  if (!parsed.ok) return reportError(console, parsed.json, parsed.error);
  const { inputs, output, force, json, quarter } = parsed.options;
  // An -o that is an input or a tracking workbook is refused even with --force: said before « add --force ».
  const unwritable = await outputPathError(output, true, EXAMPLE);
  if (unwritable) return reportError(console, json, unwritable);
  const files = await inputFiles(inputs, output);
  if (!files.ok) return reportError(console, json, files.error);
  const territoryOutput = outputIsTrackingWorkbook(output, texts.consolidate.outputIsTrackingWorkbook);
  if (territoryOutput) return reportError(console, json, territoryOutput);
  const exists = await outputPathError(output, force, EXAMPLE);
  if (exists) return reportError(console, json, exists);

  const progress = terminalProgress(files.files.length);
  const measuredQuarter = quarter === null ? null : parseTypedQuarter(quarter);
  const originOf = (file: string) => files.origins.get(file);
  const today = new Date();
  // Interrupted, it says that it wrote nothing (the workbook is built once every file is measured, after the bar).
  const interruption = { message: texts.consolidate.interrupted, json, before: () => progress.stop() };
  const outcomes = await interruptible(console, interruption, () =>
    measureFiles(files.files, {
      quarter: measuredQuarter,
      today,
      onMeasured: (done, total) => progress.update(done, total),
      originOf,
    }),
  );
  progress.stop();
  // A folder that could not be listed, or an archive of workbooks found in one, is left out as a file is, with its
  // reason: the Caf sees what was not read.
  const leftOut = files.leftOut.map((rejected) => ({ ok: false as const, rejected }));
  const measured = [...leftOut, ...outcomes];
  const quarterText = measuredQuarter ? quarterLabel(measuredQuarter) : null;
  const consolidation = consolidate(measured, quarterText, originOf, today);
  // Every file left out: a workbook of no territory would only replace a good one (with --force); the reasons are
  // what the Caf needs, so they are printed as usual, and nothing is written.
  if (consolidation.territories.length === 0) return reportNothingKept(console, json, consolidation);

  let bytes: Uint8Array | null = null;
  // The same consolidation, its files named from the workbook's folder.
  const inWorkbook = namedFromWorkbook(output, measured, originOf);
  // Building a thousand territories' workbook takes seconds once the bar is gone: said, and interrupted then, the
  // command still says that nothing was written (the file is written after, renamed into place).
  console.progress(texts.consolidate.writing);
  await interruptible(console, { message: texts.consolidate.interrupted, json }, () =>
    writeConsolidation(
      consolidate(inWorkbook.outcomes, quarterText, inWorkbook.originOf, today),
      // Streamed: a thousand territories' workbook held whole by ExcelJS took more than 1 GB.
      createXlsxWriterPort((written) => void (bytes = written), streamXlsx),
      new Date(),
    ),
  );
  const written = await writeOutputFile(output, bytes as unknown as Uint8Array, force, EXAMPLE);
  if (!written.ok) return reportError(console, json, written.error, written.exitCode);

  if (json)
    console.out(
      JSON.stringify({ file: output, ...backupJson(written.backup), ...consolidationJson(consolidation) }, null, 2),
    );
  else {
    reportAsText(console, consolidation, today);
    console.out(texts.consolidate.written(output, written.backup));
    const { territories, rejected, duplicates } = consolidation;
    console.out(texts.consolidate.tally(territories.length, rejected.length, duplicates.length));
  }
  // Done with errors: a file left out, a data error, two copies of a territory that name it differently (one SIREN
  // for two names, one name for two SIRENs: to check), a copy kept while the older one has more values filled, or
  // two copies no date tells apart whose figures differ (it may be the wrong one: to check), workbooks made from one
  // kept apart, a text the conversion of an .ods or .xls cut (the file kept, but merge and validate refuse it), or a
  // territory whose figures by champ or public miss an axis sheet's fiches.
  const dataErrors = consolidation.territories.some((territory) => territory.errors > 0);
  const copyToCheck = consolidation.duplicates.some(
    (duplicate) => duplicate.namesDiffer || duplicate.sirensDiffer || duplicate.olderHasMore || duplicate.tieDiffers,
  );
  const textCut = consolidation.territories.some((territory) => territory.textCut !== undefined);
  // Workbooks made from one for other territories, no SIREN to tell them: kept apart, to check.
  const apart = consolidation.copiesApart.length > 0;
  // A champs or publics column emptied in a sheet: the figures by champ or public miss its fiches, to ask back.
  const emptied = consolidation.territories.some((territory) => (territory.planColumnsEmptied ?? []).length > 0);
  // A column no figure reads missing: the territory counted, but asked to put it back.
  const missingColumns = consolidation.territories.some((territory) => (territory.missingColumns ?? []).length > 0);
  return consolidation.rejected.length > 0 || dataErrors || copyToCheck || textCut || apart || emptied || missingColumns
    ? EXIT_DONE_WITH_ERRORS
    : EXIT_DONE;
}
