import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookState } from '../../../src/app/workbook-state';
import { buildStateWorkbook } from '../../../src/app/write-state';
import { isoDateToSerial } from '../../../src/domain/excel-dates';
import { planSchema, type Plan } from '../../../src/domain/plan';
import { buildNewWorkbook } from '../../../src/layout/workbook-layout';
import { writeXlsx } from '../../../src/xlsx/writer';
import { editXlsx } from '../../excel-backend/helpers/xlsx-side';
import { keptForRun } from '../../helpers/kept-for-run';
import { samplePlan } from '../../layout/helpers/sample-plan';
import { roundTrip, typeInto, type Entry } from '../../rewrite/helpers';

/**
 * Territory workbooks for the consolidation's tests: different plans, periods, current quarters and fills, written
 * as the tools write them, plus the files a Caf meets that must be left out (an extract, a newer format, a damaged
 * file, a workbook that is not a tracking workbook) and a tracking workbook of format 1.
 */

/**
 * What the consolidation adds, after a territory's own problem, for the Caf, who does not correct the territory's
 * workbook (src/domain/messages/consolidation.ts, `territoryCorrects`); with the space that separates it.
 */
export const BY_THE_TERRITORY =
  ' Cette correction est à faire par le territoire dans son classeur\u00a0: demandez-la-lui, puis consolidez à ' +
  'nouveau le fichier qu’il vous renverra.';

/** A territory workbook's bytes once edited by a person's spreadsheet program (ExcelJS), e.g. a sheet renamed. */
export async function editedBytes(bytes: Uint8Array, edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface TerritorySpec {
  name: string;
  plan: Plan;
  /** Generation and last write: Q is its calendar quarter, clamped to the convention. */
  today: Date;
  siren?: string;
  entries: Entry[];
}

/** Every criterion of the plan with a Fréquence (Trimestrielle unless given), then the entries. */
function withFrequencies(plan: Plan, entries: readonly Entry[], frequencies: Record<string, string>): Entry[] {
  const keys = plan.axes.flatMap((axis) => axis.fiches.flatMap((fiche) => fiche.criteria.map((c) => c.key)));
  return [...keys.map((key) => ({ key, header: 'Fréquence', value: frequencies[key] ?? 'Trimestrielle' })), ...entries];
}

/**
 * A territory's workbook as the tools write it. Made once per run for a spec and a day (tests/helpers/kept-for-run.ts):
 * some thirty suites start from the same few territories.
 */
export function territoryBytes(spec: TerritorySpec): Promise<Uint8Array> {
  return keptForRun('territory', spec, () => territoryBytesNow(spec));
}

async function territoryBytesNow(spec: TerritorySpec): Promise<Uint8Array> {
  const fresh = await roundTrip((await buildNewWorkbook(spec.plan, { today: spec.today })).spec);
  const typed = typeInto(fresh, spec.entries);
  if (spec.siren) {
    const settings = typed.sheets.find((sheet) => sheet.name === 'Paramètres')!;
    settings.rows[4][1] = { value: spec.siren };
  }
  const reading = await readWorkbookState(typed);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return writeXlsx((await buildStateWorkbook(reading.state, { now: spec.today })).spec);
}

const date = (iso: string): Entry['value'] => isoDateToSerial(iso);

function variant(territory: string, change: (plan: Plan) => void): Plan {
  const plan = structuredClone(samplePlan()) as Plan;
  plan.territory = territory;
  change(plan);
  return planSchema.parse(plan);
}

export const pilat: TerritorySpec = {
  name: 'pilat.xlsx',
  plan: variant('Monts du Pilat', () => undefined),
  today: new Date('2026-08-10T10:00:00Z'), // Q = 2026-T3
  siren: '200000001',
  entries: withFrequencies(
    samplePlan(),
    [
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1', header: 'Difficultés', value: 'Peu de participants' },
      { key: 'G2', header: 'Statut', value: 'Réalisée' },
      { key: 'G2', header: 'Dernière mise à jour', value: date('2026-07-01'), isDate: true },
      { key: 'S13', header: 'Statut', value: 'Abandonnée' },
      { key: 'S13', header: 'Abandonnée en', value: '2026-T3' },
      { key: 'G1-QN1', header: '2026-T1', value: 3 },
      { key: 'G1-QN1', header: '2026-T2', value: 5 },
      { key: 'G1-QN1', header: 'Cible', value: 10 },
      { key: 'G1-QN2', header: '2026-T2', value: 40 },
      { key: 'G1-QN2', header: 'Référence', value: 20 },
      { key: 'G1-QN2', header: 'Cible', value: 80 },
      { key: 'G1-QL1', header: '2026-T3', value: 'Satisfaisant' },
      { key: 'G2-QN2', header: '2026-T1', value: 1000 },
      { key: 'G1-B-QL1', header: '2026-T1', value: 'Très satisfaisant' },
      { key: 'S13-QN1', header: '2026-T2', value: 12 },
      { key: 'S13-QN1', header: 'Référence', value: 10 },
      { key: 'S13-QN1', header: 'Cible', value: 20 },
    ],
    { 'G1-QN2': 'Semestrielle', 'G2-QN1': 'Annuelle' },
  ),
};

/** The same territory (same SIREN), an earlier copy: the consolidation keeps `pilat`. */
export const pilatEarlier: TerritorySpec = {
  ...pilat,
  name: 'pilat-ancien.xlsx',
  today: new Date('2026-05-10T10:00:00Z'),
  entries: withFrequencies(samplePlan(), [{ key: 'G1-QN1', header: '2026-T1', value: 2 }], {}),
};

/** The Monts du Pilat under a convention that ended (2023–2025), made before its end, nothing filled. */
export const pilatEnded: TerritorySpec = {
  ...pilat,
  name: 'pilat-2023.xlsx',
  plan: { ...pilat.plan, period: { start: '2023-01-01', end: '2025-12-31' } },
  today: new Date('2025-11-10T10:00:00Z'),
  entries: [],
};

/** A folder of its own holding `spec`'s workbook alone. */
export async function folderOf(spec: TerritorySpec, prefix: string): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(folder, spec.name), await territoryBytes(spec));
  return folder;
}

export const forez: TerritorySpec = {
  name: 'forez-est.xlsx',
  plan: variant('Forez Est', (plan) => {
    plan.period = { start: '2027-01-01', end: '2029-12-31' };
    plan.axes[0].fiches[0].fields = ['Egalite et lutte contre les discriminations', 'Sport santé'];
    plan.axes[0].fiches[0].publics = ['JEUNESSE'];
    plan.axes = [plan.axes[0]];
  }),
  today: new Date('2027-05-15T10:00:00Z'), // Q = 2027-T2
  siren: '200000002',
  entries: [
    { key: 'G1', header: 'Statut', value: 'Non démarrée' },
    // Abandoned in Excel, never computed since: « Abandonnée en » still empty, so its criteria still count, as the
    // workbook's own formulas count them until compute writes the quarter (docs/WORKBOOK.md, « Abandoned fiches »).
    { key: 'G2', header: 'Statut', value: 'Abandonnée' },
    { key: 'G1-QN1', header: '2027-T1', value: 7 },
    { key: 'G1-QN1', header: '2027-T2', value: 9 },
    { key: 'G1-QN1', header: 'Référence', value: 5 },
    { key: 'G1-QN1', header: 'Cible', value: 15 },
    { key: 'G1-QL1', header: '2027-T2', value: 'Peu satisfaisant' },
    { key: 'G2-QN1', header: 'Fréquence', value: 'Trimestrielle' },
    { key: 'G2-QN1', header: '2027-T1', value: 2 },
    { key: 'G2-QN1', header: 'Cible', value: 4 },
  ],
};

/**
 * A convention still to come (2027–2031), its workbook generated on 5 December 2026 and left blank: Q is its first
 * quarter, 2027-T1, which has not begun on that day.
 */
export const aixToCome: TerritorySpec = {
  name: 'aix-vierge.xlsx',
  plan: variant('Vals d’Aix et Isable', (plan) => {
    plan.period = { start: '2027-01-01', end: '2031-12-31' };
  }),
  today: new Date('2026-12-05T10:00:00Z'), // Q = 2027-T1, clamped to the convention
  siren: '200000003',
  entries: withFrequencies(samplePlan(), [], { 'G1-QN2': 'Semestrielle', 'G2-QN1': 'Annuelle' }),
};

/** A territory whose workbook has a data error (a text in a quantitative quarter cell): kept, its error counted. */
export const bonnet: TerritorySpec = {
  name: 'saint-bonnet.xlsx',
  plan: variant('Pays de Saint-Bonnet', (plan) => {
    plan.axes = [plan.axes[1]];
    plan.axes[0].fiches[0].publics = ['Seniors'];
  }),
  today: new Date('2026-11-20T10:00:00Z'), // Q = 2026-T4
  entries: [
    { key: 'S13-QN1', header: '2026-T1', value: 'beaucoup' },
    { key: 'S13-QN1', header: '2026-T2', value: 30 },
    { key: 'S13-QN1', header: 'Cible', value: 50 },
    { key: 'S13', header: 'Statut', value: 'En cours' },
  ],
};

/** A workbook that is not a tracking workbook: a budget table. */
async function plainWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Budget').addRow(['Poste', 'Montant']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface TerritoryFolder {
  folder: string;
  path: (name: string) => string;
  bytes: Map<string, Uint8Array>;
}

/** Every file of the tests in one folder: the territories, the files to leave out, the format 1 workbook. */
export async function territoryFolder(): Promise<TerritoryFolder> {
  const folder = mkdtempSync(join(tmpdir(), 'ctg-consolidation-'));
  const bytes = new Map<string, Uint8Array>();
  for (const spec of [pilat, pilatEarlier, forez, bonnet]) bytes.set(spec.name, await territoryBytes(spec));
  const pilatBytes = bytes.get(pilat.name)!;
  bytes.set(
    'extrait-centre-social.xlsx',
    await editXlsx(pilatBytes, [{ sheet: '_ctg', cell: 'B9', value: 'Centre social' }]),
  );
  bytes.set('format-futur.xlsx', await editXlsx(pilatBytes, [{ sheet: '_ctg', cell: 'B2', value: 99 }]));
  bytes.set('abime.xlsx', pilatBytes.slice(0, 600));
  bytes.set('budget.xlsx', await plainWorkbook());
  for (const [name, content] of bytes) writeFileSync(join(folder, name), content);
  return { folder, path: (name) => join(folder, name), bytes };
}
