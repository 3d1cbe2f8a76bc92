/**
 * `npm run bench` (after the back ends' part) or `npm run bench -- --consolidation [--territoires N]`: the
 * consolidation of N synthetic territory workbooks (50 by default), measured in the same run, on the same files
 * and the same parts, each in one process, one file after another:
 * - ours: each file read (the sheets the figures need) and measured, then consolidated;
 * - the floor: the same parts unzipped with the inflater ours uses (Node's zlib, as the command line sets it) and
 *   their bytes scanned for `<c `, nothing else;
 * - the peer: Python 3 with openpyxl (`read_only=True, data_only=True`), the same sheets' values iterated.
 * Ours and the floor run in a child node process of their own, so that generating the files weighs on neither
 * the times nor the peak memory. Ratios are printed, never asserted.
 */
import { execFileSync, spawnSync } from 'child_process';
import { inflateRawSync } from 'zlib';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { availableParallelism, tmpdir } from 'os';
import { join } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { measureTerritory } from '../src/app/consolidate/measure-territory';
import { measureFile } from '../src/cli/consolidate/measure-file';
import { consolidate, type MeasureOutcome } from '../src/domain/consolidation/consolidate';
import { readTrackingWorkbook } from '../src/app/read-tracking-workbook';
import { consolidationRead } from '../src/app/consolidate/consolidation-read';
import { embeddedPlan } from '../src/app/plan-source';
import { quarterLabel, quartersOfPeriod } from '../src/domain/periods';
import type { Plan } from '../src/domain/plan';
import { SETTINGS_VALUE_COLUMN, settingsRows } from '../src/layout/sheets/settings/settings-layout';
import { sheetNames } from '../src/layout/texts';
import { buildWorkbook, generationJournalEntry } from '../src/layout/workbook-layout';
import { patchXlsx } from '../src/xlsx/patch/patch-xlsx';
import { readXlsx } from '../src/xlsx/reader';
import { readZipDirectory } from '../src/xlsx/reader/zip-directory';
import { compressedDataOf, inflateWhole, newInflateBudget, streamZipEntry } from '../src/xlsx/reader/zip-entry-stream';
import { defaultWorkers } from '../src/cli/consolidate/measure-pool';
import { useNodeDigest } from '../src/cli/node-digest';
import { useNodeInflater } from '../src/cli/node-inflater';
import { xmlReading } from '../src/xlsx/reader/xml-part';
import { DEFAULT_XLSX_READ_LIMITS } from '../src/xlsx/reader/limits';
import { writeXlsx } from '../src/xlsx/writer';
import { scaledPlan } from '../tests/excel-backend/helpers/scaled-plan';
import { randomEnteredValues } from '../tests/workbook-formulas/helpers/entered-values';

const DEFAULT_TERRITORIES = 50;
const GOAL_FLOOR = 2.5;
const GOAL_OPENPYXL = 5;
const today = new Date('2027-05-10T10:00:00Z');

// ---- the files --------------------------------------------------------------------------------------------------

/** A plan with its first `axes` axes, `fiches` fiches each at most and `criteria` criteria each at most. */
function trimmedPlan(plan: Plan, axes: number, fiches: number, criteria: number): Plan {
  return {
    ...plan,
    axes: plan.axes.slice(0, axes).map((axis) => ({
      ...axis,
      fiches: axis.fiches.slice(0, fiches).map((fiche) => ({ ...fiche, criteria: fiche.criteria.slice(0, criteria) })),
    })),
  };
}

/** Plans of different sizes and convention periods, each filled two ways: the bases every territory is made from. */
function planVariants(): { plan: Plan; quarterIndex: number; seed: number; density: number }[] {
  const base = embeddedPlan().plan;
  const plans: Plan[] = [
    base,
    scaledPlan(base, 2),
    { ...trimmedPlan(base, 2, 3, 2), period: { start: '2025-01-01', end: '2028-12-31' } },
    { ...scaledPlan(base, 3), period: { start: '2027-01-01', end: '2031-12-31' } },
  ];
  return plans.flatMap((plan, p) => [
    { plan, quarterIndex: 3 + p, seed: 11 + p, density: 0.3 },
    { plan, quarterIndex: 6 + p, seed: 71 + p, density: 0.8 },
  ]);
}

/** N territory workbooks in `folder`: bases built and written once, each file a patch of one (its name, its SIREN). */
export async function generateTerritories(folder: string, count: number): Promise<string[]> {
  const bases: Uint8Array[] = [];
  for (const { plan, quarterIndex, seed, density } of planVariants()) {
    const quarters = quartersOfPeriod(plan.period);
    const current = Math.min(quarterIndex, quarters.length - 1);
    // Filled as a territory fills its workbook: the quarters up to its current one (the generator's values after it
    // would each be a validation warning no real file has by the hundred).
    const entered = randomEnteredValues(plan, quarters, { seed, density });
    const later = new Set(quarters.slice(current + 1).map(quarterLabel));
    for (const row of entered.values()) for (const label of later) (row as Map<string, unknown>).delete(label);
    const { spec } = await buildWorkbook(plan, {
      currentQuarter: quarters[current],
      now: today,
      journal: [generationJournalEntry(today)],
      entered,
    });
    bases.push(await writeXlsx(spec));
  }
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const setting = (field: keyof typeof settingsRows, value: string) => ({
      sheet: sheetNames.settings,
      row: settingsRows[field],
      column: SETTINGS_VALUE_COLUMN,
      content: value,
    });
    const bytes = patchXlsx(bases[i % bases.length], {
      cells: [setting('territory', `Territoire ${i + 1}`), setting('epciSiren', String(200_000_000 + i))],
      ranges: [],
    });
    const path = join(folder, `territoire-${String(i + 1).padStart(4, '0')}.xlsx`);
    writeFileSync(path, bytes);
    paths.push(path);
  }
  return paths;
}

// ---- ours ---------------------------------------------------------------------------------------------------

interface Ours {
  /** What `consolidate` gives, reduced to what the bench prints: territories measured, their data errors and warnings. */
  consolidate(paths: string[]): Promise<{ measured: number; issues: number; outcomes: MeasureOutcome[] }>;
}

/** The CLI's own measure of each file (src/cli/consolidate/measure-file.ts), then the domain's `consolidate`. */
function ours(): Ours {
  return {
    async consolidate(paths) {
      const outcomes = [];
      for (const path of paths) outcomes.push(await measureFile(path, { today }));
      const { territories } = consolidate(outcomes, null);
      const issues = territories.reduce((sum, territory) => sum + territory.errors + territory.warnings, 0);
      return { measured: territories.length, issues, outcomes };
    },
  };
}

// ---- the floor --------------------------------------------------------------------------------------------------

const XML_NAME = /<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"/g;
const decodeName = (name: string) =>
  name.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity]!,
  );

/**
 * The parts our read inflates: the package and workbook relationships, the core properties (when the file was saved),
 * workbook, strings, styles, the selected sheets.
 */
function partsRead(bytes: Uint8Array): Set<string> {
  const meta = unzipSync(bytes, {
    filter: (file) => file.name === 'xl/workbook.xml' || file.name === 'xl/_rels/workbook.xml.rels',
  });
  const rels = new Map<string, string>();
  for (const match of strFromU8(meta['xl/_rels/workbook.xml.rels']).matchAll(
    /<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"/g,
  )) {
    rels.set(match[1], match[2].startsWith('/') ? match[2].slice(1) : `xl/${match[2]}`);
  }
  const parts = new Set([
    '_rels/.rels',
    'docProps/core.xml',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/sharedStrings.xml',
    'xl/styles.xml',
  ]);
  const sheets = [...strFromU8(meta['xl/workbook.xml']).matchAll(XML_NAME)].map(([, name, id]) => ({
    name: decodeName(name),
    id,
  }));
  const listed = sheets.map((sheet) => sheet.name);
  for (const { name, id } of sheets) if (consolidationRead.sheets(name, listed)) parts.add(rels.get(id)!);
  return parts;
}

/** The parts unzipped (with Node's zlib, as ours) and `<c ` counted in their bytes. */
function floor(paths: string[], parts: Set<string>[]): number {
  let cells = 0;
  paths.forEach((path, i) => {
    const bytes = new Uint8Array(readFileSync(path));
    const { entries } = readZipDirectory(bytes);
    for (const part of parts[i]) {
      const entry = entries.get(part.toLowerCase());
      if (!entry) continue;
      const data = compressedDataOf(bytes, entry);
      const content = entry.method === 0 ? data : inflateRawSync(data);
      for (let at = 0; at < content.length - 2; at++) {
        if (content[at] === 60 && content[at + 1] === 99 && content[at + 2] === 32) cells++;
      }
    }
  });
  return cells;
}

// ---- the command line, as a user runs it ----------------------------------------------------------------------------

/**
 * `ctg-suivi consolidate` as a user runs it (compiled; worker threads on every core when there are enough files,
 * `defaultWorkers`) on the same files, its files per second beside ours in one process, and its peak resident memory
 * (worker threads included).
 */
function commandRun(folder: string, count: number, oursMs: number): void {
  const main = join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
  if (!existsSync(main)) {
    console.log(
      '  la commande\u00a0: lancez d’abord «\u00a0npm run build\u00a0» (la commande consolidate compilée est mesurée)',
    );
    return;
  }
  const output = join(folder, 'consolidation.xlsx');
  const script =
    `require(${JSON.stringify(main)}).main(['consolidate', ${JSON.stringify(folder)}, '-o', ${JSON.stringify(output)}, '--force', '--json'],` +
    ` { out() {}, err() {}, progress() {} }).then(() => process.stderr.write(JSON.stringify({ rss: process.resourceUsage().maxRSS })))`;
  const start = performance.now();
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const ms = performance.now() - start;
  const rss = JSON.parse(run.stderr.trim().split('\n').pop() ?? '{}').rss as number | undefined;
  const workers = defaultWorkers(count, availableParallelism());
  const threads = workers > 1 ? `${workers} fils d’exécution, un par cœur` : 'un fil d’exécution';
  console.log(
    `  la commande (ctg-suivi consolidate, ${threads}, écriture du classeur comprise)\u00a0: ` +
      `${perSecond(count, ms)}, ${frenchNumber(oursMs / ms)}× notre rythme sur un cœur, ` +
      `mémoire résidente maximale ${rss ? Math.round(rss / 1024) : '?'} Mo`,
  );
}

/**
 * Our measure on every core (`measureFiles` of the compiled command line, one worker thread per core, whatever the
 * number of files), without writing the workbook: our throughput with both cores, apart from the one-process ratios.
 * Each worker warms up on its own, as the command's do.
 */
function allCoresRun(listFile: string, count: number, oursMs: number): void {
  const pool = join(__dirname, '..', 'dist', 'node', 'cli', 'consolidate', 'measure-pool.js');
  if (!existsSync(pool)) return;
  const cores = availableParallelism();
  const script =
    `const paths = JSON.parse(require('fs').readFileSync(${JSON.stringify(listFile)}, 'utf8'));` +
    ` const start = performance.now();` +
    ` require(${JSON.stringify(pool)}).measureFiles(paths, { quarter: null, today: new Date(), workers: ${cores} })` +
    `.then((outcomes) => process.stdout.write(JSON.stringify({ ms: performance.now() - start, files: outcomes.length })))`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const result = JSON.parse(run.stdout.trim() || 'null') as { ms: number; files: number } | null;
  if (run.status !== 0 || result?.files !== count) {
    console.log(`  nos mesures sur ${cores} cœurs\u00a0: échec (${run.stderr.trim().split('\n').pop() ?? ''})`);
    return;
  }
  console.log(
    `  nos mesures sur ${cores} cœurs (${cores} fils d’exécution, sans écriture du classeur)\u00a0: ` +
      `${perSecond(count, result.ms)}, ${frenchNumber(oursMs / result.ms)}× notre rythme sur un cœur`,
  );
}

// ---- where our time goes -----------------------------------------------------------------------------------------

interface Phases {
  readFile: number;
  inflate: number;
  readXlsx: number;
  readXlsxSaxes: number;
  readTrackingWorkbook: number;
  figures: number;
}

async function phases(paths: string[], parts: Set<string>[]): Promise<Phases> {
  const total: Phases = { readFile: 0, inflate: 0, readXlsx: 0, readXlsxSaxes: 0, readTrackingWorkbook: 0, figures: 0 };
  for (let i = 0; i < paths.length; i++) {
    let start = performance.now();
    const bytes = new Uint8Array(readFileSync(paths[i]));
    total.readFile += performance.now() - start;

    start = performance.now();
    const directory = readZipDirectory(bytes);
    const budget = newInflateBudget(DEFAULT_XLSX_READ_LIMITS);
    for (const part of parts[i]) {
      const entry = directory.entries.get(part.toLowerCase());
      if (entry && !inflateWhole(bytes, entry, budget)) streamZipEntry(bytes, entry, budget, () => {});
    }
    total.inflate += performance.now() - start;

    start = performance.now();
    const read = readXlsx(bytes, consolidationRead);
    total.readXlsx += performance.now() - start;
    if (!read.ok) continue;

    xmlReading.directScan = false;
    start = performance.now();
    readXlsx(bytes, consolidationRead);
    total.readXlsxSaxes += performance.now() - start;
    xmlReading.directScan = true;

    start = performance.now();
    await readTrackingWorkbook(read.grids);
    const tracking = performance.now() - start;
    total.readTrackingWorkbook += tracking;
    start = performance.now();
    await measureTerritory(paths[i], read.grids, { today }); // reads the tracking workbook again: its time is taken off
    total.figures += Math.max(0, performance.now() - start - tracking);
  }
  return total;
}

// ---- the child process: ours and the floor, measured -----------------------------------------------------------

/**
 * A run's wall time, and the processor time it took: of the main thread, and of the process's every thread (V8's
 * compiler and collector threads besides). On a machine other work keeps busy the wall time swings by 2× or more,
 * the main thread's processor time far less: it compares runs of such a day (docs/TOOLING.md, « Benchmarks »).
 */
interface Timing {
  ms: number;
  /** Null where the system does not tell a thread's time (Linux's /proc does). */
  mainCpuMs: number | null;
  cpuMs: number;
}

interface ChildReport {
  ours: Timing;
  measured: number;
  /** The data errors and warnings of the territories measured, all told. */
  issues: number;
  maxRssKb: number;
  floor: Timing;
  /** The same files measured again in the same process, ours then the floor: both warmed up by the first run. */
  warmOurs: Timing;
  warmFloor: Timing;
  phases: Phases;
  /** The domain's `consolidate` over saves of one territory, and over four times as many (`copiesRun`). */
  copies: { files: number; copiesMs: number; fourTimesMs: number };
}

const WARM_UP_FILES = 3;
/** A Caf's folder holding a territory's every save: what once made the search for its copies quadratic. */
const COPIES = 1000;
const PHASE_FILES = 50;

/**
 * 32 MB semi-spaces (npm test gives jest 128): they made `readXlsx` alone faster, though the whole measure runs
 * alike from 16 to 256 MB (docs/TOOLING.md, « Benchmarks »). Kept so that runs compare with earlier ones.
 */
const CHILD_NODE_OPTIONS = ['--max-semi-space-size=32'];

export async function child(listFile: string): Promise<void> {
  // As the command line reads (src/cli/main.ts and its worker threads), with Node's zlib and crypto: ours, its phases
  // and the floor inflate alike.
  useNodeInflater();
  useNodeDigest();
  const paths: string[] = JSON.parse(readFileSync(listFile, 'utf8'));
  const implementation = ours();
  // Warming up (the JIT) on a few files, then the run itself.
  await implementation.consolidate(paths.slice(0, WARM_UP_FILES));
  const [oursTiming, { measured, issues, outcomes }] = await timed(() => implementation.consolidate(paths));
  const maxRssKb = process.resourceUsage().maxRSS;

  const parts = paths.map((path) => partsRead(new Uint8Array(readFileSync(path))));
  floor(paths.slice(0, WARM_UP_FILES), parts);
  const [floorTiming] = await timed(() => floor(paths, parts));

  // Once more, warmed up: what a long run tends to, apart from what the first files cost V8 (docs/TOOLING.md).
  const [warmOurs] = await timed(() => implementation.consolidate(paths));
  const [warmFloor] = await timed(() => floor(paths, parts));

  const report: ChildReport = {
    ours: oursTiming,
    measured,
    issues,
    maxRssKb,
    floor: floorTiming,
    warmOurs,
    warmFloor,
    // Enough files to see where the time goes, without doubling a long run.
    phases: await phases(paths.slice(0, PHASE_FILES), parts),
    copies: copiesRun(outcomes),
  };
  process.stdout.write(JSON.stringify(report));
}

/** The processor time of this process's main thread so far, in ms (Linux's /proc); null where it cannot be read. */
function mainThreadCpuMs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** `run`'s timing and what it gives. */
async function timed<T>(run: () => T | Promise<T>): Promise<[Timing, T]> {
  const mainBefore = mainThreadCpuMs();
  const usage = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  const used = process.cpuUsage(usage);
  const mainAfter = mainThreadCpuMs();
  const mainCpuMs = mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore;
  return [{ ms, mainCpuMs, cpuMs: (used.user + used.system) / 1000 }, value];
}

/**
 * `consolidate` (the domain's, on measures already made) over COPIES saves of one territory, without a SIREN, each
 * saved an hour after the one before, then over four times as many: the least time of three runs each. The time
 * should grow as their number does (4×), not with its square (16×), as the search for a territory's copies once did.
 */
function copiesRun(outcomes: readonly MeasureOutcome[]): ChildReport['copies'] {
  const measures = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.measure] : []));
  const saves = (count: number): MeasureOutcome[] =>
    Array.from({ length: count }, (_, index) => ({
      ok: true,
      measure: {
        ...measures[index % measures.length],
        file: `copie-${index + 1}.xlsx`,
        territory: 'Territoire 1',
        recordedTerritory: 'Territoire 1',
        siren: null,
        lastWrite: new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toISOString(),
      },
    }));
  const least = (input: MeasureOutcome[]) =>
    Math.min(
      ...[0, 1, 2].map(() => {
        const start = performance.now();
        consolidate(input, null, undefined, today);
        return performance.now() - start;
      }),
    );
  return { files: COPIES, copiesMs: least(saves(COPIES)), fourTimesMs: least(saves(4 * COPIES)) };
}

// ---- the peer ---------------------------------------------------------------------------------------------------

const OPENPYXL = `
import json, re, sys, time
try:
    import openpyxl
except ImportError:
    print(json.dumps(None)); sys.exit(0)
paths = json.load(open(sys.argv[1]))
def selected(name):
    return name in ('_ctg', 'Paramètres', 'Compétences AO') or re.fullmatch(r'Axe [1-9][0-9]*', name) is not None
start = time.perf_counter()
values = 0
for path in paths:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for name in workbook.sheetnames:
        if selected(name):
            for row in workbook[name].iter_rows(values_only=True):
                for value in row:
                    if value is not None:
                        values += 1
    workbook.close()
print(json.dumps({'ms': (time.perf_counter() - start) * 1000, 'values': values}))
`;

function python(): string {
  return process.env.CTG_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
}

function openpyxlMs(listFile: string): number | null {
  const run = spawnSync(python(), ['-c', OPENPYXL, listFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) return null;
  const result = JSON.parse(run.stdout.trim() || 'null') as { ms: number } | null;
  return result?.ms ?? null;
}

// ---- what it prints ---------------------------------------------------------------------------------------------

const frenchNumber = (value: number) => value.toFixed(1).replace('.', ',');
const perSecond = (files: number, ms: number) => `${frenchNumber(files / (ms / 1000))} fichiers/s`;
const oneDecimal = (value: number) => value.toFixed(1);
const share = (part: number, whole: number) => `${Math.round((100 * part) / whole)}\u00a0%`;

/**
 * The processor time per file, less swayed by the machine's other work than the wall time: the main thread's, ours
 * against the floor's in both passes; then what V8's other threads (compiling, collecting) took beside ours, which
 * a busy machine takes from the main thread's share of the cores.
 */
function processorLines(report: ChildReport, count: number): void {
  const { ours, floor: floorTiming, warmOurs, warmFloor } = report;
  const perFile = (ms: number) => `${frenchNumber(ms / count)}\u00a0ms`;
  if (
    ours.mainCpuMs !== null &&
    floorTiming.mainCpuMs !== null &&
    warmOurs.mainCpuMs !== null &&
    warmFloor.mainCpuMs !== null
  ) {
    console.log(
      `  temps processeur du fil principal par fichier (moins sensible à la charge de la machine)\u00a0: ` +
        `nous ${perFile(ours.mainCpuMs)}, le plancher ${perFile(floorTiming.mainCpuMs)}, ` +
        `${frenchNumber(ours.mainCpuMs / floorTiming.mainCpuMs)}×\u00a0; la deuxième fois ${perFile(warmOurs.mainCpuMs)} ` +
        `et ${perFile(warmFloor.mainCpuMs)}, ${frenchNumber(warmOurs.mainCpuMs / warmFloor.mainCpuMs)}×`,
    );
    console.log(
      `  les autres fils de V8 (compilation, ramasse-miettes) à côté de nous\u00a0: ` +
        `${perFile(ours.cpuMs - ours.mainCpuMs)} par fichier, la deuxième fois ${perFile(warmOurs.cpuMs - warmOurs.mainCpuMs)}`,
    );
  } else console.log(`  temps processeur du fil principal\u00a0: non lu sur ce système (Linux le donne)`);
}

export async function main(argv: string[] = []): Promise<void> {
  const flag = argv.indexOf('--territoires');
  const count = flag >= 0 ? Number(argv[flag + 1]) : DEFAULT_TERRITORIES;
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--territoires attend un nombre entier positif, pas ${argv[flag + 1]}`);

  const folder = mkdtempSync(join(tmpdir(), 'ctg-bench-consolidation-'));
  try {
    console.log(`Consolidation de ${count.toLocaleString('fr-FR')} classeurs de territoire (générés dans ${folder})`);
    const start = performance.now();
    const paths = await generateTerritories(folder, count);
    console.log(`  génération\u00a0: ${frenchNumber((performance.now() - start) / 1000)} s`);
    const listFile = join(folder, 'files.json');
    writeFileSync(listFile, JSON.stringify(paths));

    const report = JSON.parse(
      execFileSync(
        process.execPath,
        [...CHILD_NODE_OPTIONS, join(__dirname, 'bench.js'), '--consolidation-child', listFile],
        {
          encoding: 'utf8',
          maxBuffer: 16 << 20,
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      ),
    ) as ChildReport;
    const peerMs = openpyxlMs(listFile);

    const label = 'nous (measureFile puis consolidate)';
    console.log(`  ${label}\u00a0: ${perSecond(count, report.ours.ms)} (${report.measured} territoires mesurés)`);
    // The fills are the tests' hostile ones: validation's share of our time is larger than in a Caf's real files.
    const perTerritory = Math.round(report.issues / Math.max(1, report.measured));
    console.log(`  (remplissage de test\u00a0: ${perTerritory} erreurs et avertissements de données par territoire)`);
    console.log(
      `  plancher (décompression des mêmes parties par zlib comme nous, «\u00a0<c\u00a0» compté)\u00a0: ${perSecond(count, report.floor.ms)}`,
    );
    if (peerMs !== null) console.log(`  openpyxl (read_only, data_only)\u00a0: ${perSecond(count, peerMs)}`);
    else console.log(`  openpyxl\u00a0: absent de ${python()} (paquet Debian python3-openpyxl), comparaison sautée`);
    console.log(`floor: ${oneDecimal(report.ours.ms / report.floor.ms)}×`);
    if (peerMs !== null) console.log(`openpyxl: ${oneDecimal(peerMs / report.ours.ms)}×`);
    console.log(
      `  objectif\u00a0: au plus ${frenchNumber(GOAL_FLOOR)}× le plancher, au moins ${GOAL_OPENPYXL}× plus rapide qu’openpyxl`,
    );
    console.log(
      `  les mêmes fichiers une deuxième fois, en régime établi\u00a0: nous ${perSecond(count, report.warmOurs.ms)}, ` +
        `le plancher ${perSecond(count, report.warmFloor.ms)}, ${frenchNumber(report.warmOurs.ms / report.warmFloor.ms)}× le plancher`,
    );
    processorLines(report, count);
    console.log(`  mémoire résidente maximale (nous)\u00a0: ${Math.round(report.maxRssKb / 1024)} Mo`);
    console.log(
      `  (nous et le plancher\u00a0: node ${CHILD_NODE_OPTIONS.join(' ')}, un seul processus, un fichier après l’autre)`,
    );
    const { files, copiesMs, fourTimesMs } = report.copies;
    console.log(
      `  ${files.toLocaleString('fr-FR')} enregistrements d’un même territoire (sans SIREN)\u00a0: consolidés en ` +
        `${Math.round(copiesMs)} ms\u00a0; ${(4 * files).toLocaleString('fr-FR')}\u00a0: ` +
        `${frenchNumber(fourTimesMs / copiesMs)}× ce temps (4× si le temps suit leur nombre)`,
    );
    commandRun(folder, count, report.ours.ms);
    allCoresRun(listFile, count, report.ours.ms);

    const p = report.phases;
    const phaseFiles = Math.min(count, PHASE_FILES);
    const perFile = (ms: number) => `${(ms / phaseFiles).toFixed(2).replace('.', ',')} ms`;
    const read = p.readFile + p.readXlsx + p.readTrackingWorkbook + p.figures;
    console.log(`  où va notre temps (par fichier, sur ${phaseFiles} fichiers, lecture partielle)\u00a0:`);
    console.log(`    lecture du fichier       ${perFile(p.readFile)} (${share(p.readFile, read)})`);
    console.log(
      `    readXlsx                 ${perFile(p.readXlsx)} (${share(p.readXlsx, read)}), dont décompression ${perFile(p.inflate)} et lecture du XML ${perFile(p.readXlsx - p.inflate)}`,
    );
    console.log(`    readXlsx par saxes       ${perFile(p.readXlsxSaxes)} (pour comparaison)`);
    console.log(
      `    readTrackingWorkbook     ${perFile(p.readTrackingWorkbook)} (${share(p.readTrackingWorkbook, read)})`,
    );
    console.log(`    contrôle et chiffres     ${perFile(p.figures)} (${share(p.figures, read)})`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
