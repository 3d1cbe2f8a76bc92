import { generateWorkbook } from '../src/app/generate';
import { readFileSync } from 'fs';
import { join } from 'path';
import { embeddedPlan } from '../src/app/plan-source';
import { parseConvention } from '../src/plan-text';
import { computeAndWrite } from '../src/app/rewrite-use-cases';
import { mergeAndWrite } from '../src/app/merge/merge-workbook';
import { undoLastMerge } from '../src/app/merge/undo-merge';
import { typeInto, type Entry } from '../tests/rewrite/helpers';
import { validateWorkbook } from '../src/app/validate';
import type { Plan } from '../src/domain/plan';
import { createExcelPort } from '../src/excel';
import { buildNewWorkbook } from '../src/layout/workbook-layout';
import { computeFigures } from '../src/app/compute';
import { readFigures } from '../src/app/read-figures';
import { figureSheets } from '../src/app/sheet-selections';
import { readWorkbookState } from '../src/app/workbook-state';
import { createXlsxReaderPort, readXlsx } from '../src/xlsx/reader';
import { writeXlsx } from '../src/xlsx/writer';
import { createFakeExcel } from '../tests/fake-excel';
import { scaledPlan } from '../tests/excel-backend/helpers/scaled-plan';
import { newJournalLines, officeRuntimeOn, type RuntimeExchange } from '../tests/helpers/office-runtime';

/**
 * What `npm run bench` prints. Round trips are the syncs that carried operations (stats.roundTrips of the fake);
 * operations are the queued reads and writes. Two hosts: Excel on the web (5 MB request and response limits: a
 * request that would pass them is split by size) and Excel on Windows/Mac (no such limit). Times are CPU-bound
 * and only shown as ratios between the two plan sizes.
 */
const today = new Date('2026-11-28T10:00:00Z');
const FACTOR = 10;
const MB = 1024 * 1024;

interface UseCaseFigures {
  roundTrips: number;
  operations: number;
  largestRequest: number;
}

const USE_CASES = {
  generate: 'générer            ',
  validateFirst: 'valider (1re vue)  ',
  validate: 'valider            ',
  compute: 'calculer           ',
  change: 'cellules changées   ',
  merge: 'fusionner          ',
  undo: 'annuler la fusion  ',
} as const;
type UseCase = keyof typeof USE_CASES;

type HostRun = Record<UseCase, UseCaseFigures> & { errors: number };

const hosts = {
  web: { label: 'Excel sur le web (limite 5 Mo)', options: {}, budget: undefined },
  desktop: {
    label: 'Excel Windows/Mac (sans limite)',
    options: { requestPayloadLimit: Infinity, responsePayloadLimit: Infinity },
    budget: Infinity,
  },
} as const;

async function onFake(plan: Plan, host: keyof typeof hosts): Promise<HostRun> {
  const fake = createFakeExcel(hosts[host].options);
  const portOnFake = () =>
    createExcelPort({
      excel: fake.officeJs.Excel,
      office: fake.officeJs.Office,
      requestBudgetBytes: hosts[host].budget,
    });
  const port = portOnFake();
  const figures = (): UseCaseFigures => ({
    roundTrips: fake.stats.roundTrips,
    operations: fake.stats.operations,
    largestRequest: Math.max(0, ...fake.stats.history.map((sync) => sync.requestBytes)),
  });
  fake.stats.reset();
  await generateWorkbook(plan, port, { today });
  const generate = figures();
  // A port that has not seen the workbook yet (the pane just opened): it must learn the sheets first.
  fake.stats.reset();
  const report = await validateWorkbook(portOnFake(), { today });
  const validateFirst = figures();
  fake.stats.reset();
  await validateWorkbook(port, { today });
  const validate = figures();
  fake.stats.reset();
  const computed = await computeAndWrite(port, { now: today });
  if (computed.status !== 'done') throw new Error(`calcul refusé : ${computed.status}`);
  const compute = figures();
  // CCMP's file returning the Statut and first quarter of every fiche it carries (×10 with the plan).
  const returned = typeInto(fake.inspect.snapshotWorkbook(), returnedEntries(plan));
  fake.stats.reset();
  const merged = await mergeAndWrite(port, [{ file: 'retour.xlsx', grids: returned }], {
    now: today,
    partner: 'CCMP',
  });
  if (merged.status !== 'done' || merged.report.rejected.length > 0) throw new Error('fusion refusée');
  const merge = figures();
  fake.stats.reset();
  await undoLastMerge(port, { now: today });
  const undo = figures();
  // Cell changes without a read before (port.change): new Journal lines, ten cells per fiche of the plan.
  const cells = newJournalLines(fake, plan);
  fake.stats.reset();
  await port.change({ cells, ranges: [] });
  const change = figures();
  return { generate, validateFirst, validate, compute, change, merge, undo, errors: report.errors };
}

/** CCMP's return: every fiche it carries. */
function returnedEntries(plan: Plan): Entry[] {
  const fiches = plan.axes.flatMap((axis) => axis.fiches).filter((fiche) => fiche.carriers.includes('CCMP'));
  return fiches.flatMap((fiche) => [
    { key: fiche.key, header: 'Statut', value: 'En cours' },
    ...fiche.criteria.map((criterion) => ({
      key: criterion.key,
      header: '2026-T1',
      value: criterion.kind === 'quantitative' ? 3 : 'Satisfaisant',
    })),
  ]);
}

/**
 * The same use cases on Office.js's own runtime (excel-web-16.00.js in jsdom, answered by the fake): the requests
 * and answers as Excel on the web receives and sends them, refused above 5 MB.
 */
async function onRuntime(plan: Plan): Promise<Record<'generate' | 'compute' | 'change', RuntimeExchange[]>> {
  const fake = createFakeExcel({ requestPayloadLimit: Infinity, responsePayloadLimit: Infinity });
  const runtime = officeRuntimeOn(fake);
  const port = createExcelPort({ excel: runtime.Excel, office: fake.officeJs.Office });
  const exchanges = async (work: () => Promise<unknown>) => {
    runtime.reset();
    await work();
    return [...runtime.exchanges];
  };
  const generate = await exchanges(() => generateWorkbook(plan, port, { today }));
  const compute = await exchanges(() => computeAndWrite(port, { now: today }));
  const cells = newJournalLines(fake, plan);
  const change = await exchanges(() => port.change({ cells, ranges: [] }));
  return { generate, compute, change };
}

function runtimeLine(exchanges: RuntimeExchange[]): string {
  const largest = (pick: (exchange: RuntimeExchange) => number) =>
    Math.max(0, ...exchanges.filter((exchange) => !exchange.refused).map(pick));
  const refused = exchanges.filter((exchange) => exchange.refused).length;
  return (
    `${exchanges.length} requête${exchanges.length > 1 ? 's' : ''}, plus grosse ${mb(largest((e) => e.requestBytes))} ` +
    `(comptée ${mb(largest((e) => e.countedBytes))}), plus grosse réponse ${mb(largest((e) => e.responseBytes))}` +
    (refused > 0 ? ` ; ${refused} refusée(s) puis reprise(s) par bandes` : '')
  );
}

function cpuMs(run: () => unknown, times: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < times; i += 1) run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / times;
}

async function cpuMsAsync(run: () => Promise<unknown>, times: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < times; i += 1) await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / times;
}

const ratio = (large: number, small: number) => (small === 0 ? '–' : `${(large / small).toFixed(2)}×`);
const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} Mo`;

export async function main(): Promise<void> {
  const small = embeddedPlan().plan;
  const large = scaledPlan(small, FACTOR);
  const count = (plan: Plan) => plan.axes.reduce((sum, axis) => sum + axis.fiches.length, 0);
  console.log(`Plan embarqué : ${count(small)} fiches ; plan ×${FACTOR} : ${count(large)} fiches.\n`);

  for (const host of ['desktop', 'web'] as const) {
    const runs = { small: await onFake(small, host), large: await onFake(large, host) };
    console.log(hosts[host].label);
    for (const useCase of Object.keys(USE_CASES) as UseCase[]) {
      const [a, b] = [runs.small[useCase], runs.large[useCase]];
      const name = USE_CASES[useCase];
      console.log(
        `  ${name} allers-retours ${a.roundTrips} → ${b.roundTrips} (×${FACTOR} : ${b.roundTrips === a.roundTrips ? 'identique' : 'différent'}) ; ` +
          `opérations ${a.operations} → ${b.operations} (${ratio(b.operations, a.operations)}) ; ` +
          `plus grosse requête ${mb(a.largestRequest)} → ${mb(b.largestRequest)}`,
      );
      if (b.roundTrips > 2 || a.roundTrips > 2)
        console.log(
          `                      au-delà de 2 allers-retours : découpage par taille (requête ou réponse > 5 Mo sur le web)`,
        );
    }
    if (runs.small.errors + runs.large.errors > 0) console.log(`  ERREURS de validation : ${runs.large.errors}`);
    console.log('');
  }

  console.log('Requêtes réelles d’Office.js (son moteur excel-web-16.00.js, Excel sur le web, limite 5 Mo)');
  for (const [label, plan] of [
    ['plan embarqué', small],
    [`plan ×${FACTOR}   `, large],
  ] as const) {
    const runs = await onRuntime(plan);
    console.log(`  ${label} générer ${runtimeLine(runs.generate)}`);
    console.log(`                calculer ${runtimeLine(runs.compute)}`);
    console.log(`                cellules changées ${runtimeLine(runs.change)}`);
  }
  console.log('');

  const specs = {
    small: (await buildNewWorkbook(small, { today })).spec,
    large: (await buildNewWorkbook(large, { today })).spec,
  };
  const bytes = { small: await writeXlsx(specs.small), large: await writeXlsx(specs.large) };
  const write = {
    small: await cpuMsAsync(() => writeXlsx(specs.small), 5),
    large: await cpuMsAsync(() => writeXlsx(specs.large), 2),
  };
  const read = { small: cpuMs(() => readXlsx(bytes.small), 10), large: cpuMs(() => readXlsx(bytes.large), 3) };
  console.log('Fichier .xlsx (temps processeur, en rapport : plan ×10 / plan embarqué)');
  console.log(
    `  taille   ${mb(bytes.small.length)} → ${mb(bytes.large.length)} (${ratio(bytes.large.length, bytes.small.length)})`,
  );
  console.log(`  écriture ${ratio(write.large, write.small)}`);
  console.log(
    `  lecture  ${ratio(read.large, read.small)} ; lecture / écriture du plan embarqué : ${ratio(read.small, write.small)}`,
  );

  // The plan reader on the convention with its fiches twenty times over: its time should grow as the text does.
  const text = readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt'), 'utf8');
  const [from, to] = [text.indexOf('\nI) '), text.indexOf('\nANNEXE 5')];
  const twenty = text.slice(0, to) + text.slice(from, to).repeat(19) + text.slice(to);
  const parse = { one: cpuMs(() => parseConvention(text), 5), twenty: cpuMs(() => parseConvention(twenty), 2) };
  console.log(
    `Lecture du plan (temps processeur) : texte ×${(twenty.length / text.length).toFixed(1)} (fiches ×20) → ` +
      `temps ${ratio(parse.twenty, parse.one)}`,
  );

  // The figures read in part (the sheets they need, as the consolidation reads each file) against a whole read.
  console.log('Chiffres d’un fichier lu en partie (feuilles des chiffres) ou en entier (temps processeur)');
  for (const size of ['small', 'large'] as const) {
    const times = size === 'small' ? 10 : 3;
    const partialRead = cpuMs(() => readXlsx(bytes[size], { sheets: figureSheets }), times);
    const wholeFigures = await cpuMsAsync(async () => {
      const state = await readWorkbookState(await createXlsxReaderPort(bytes[size]).read());
      if (state.ok) computeFigures(state.state);
    }, times);
    const partialFigures = await cpuMsAsync(() => readFigures(createXlsxReaderPort(bytes[size])), times);
    const label = size === 'small' ? 'plan embarqué' : `plan ×${FACTOR}   `;
    console.log(
      `  ${label} lecture entière ${read[size].toFixed(1)} ms, partielle ${partialRead.toFixed(1)} ms ` +
        `(partielle / entière : ${ratio(partialRead, read[size])}) ; ` +
        `lecture et chiffres ${wholeFigures.toFixed(1)} ms → ${partialFigures.toFixed(1)} ms (${ratio(partialFigures, wholeFigures)})`,
    );
  }
}
