import { closeQuarterAndWrite } from '../../../src/app/rewrite-use-cases';
import type { WorkbookGrids } from '../../../src/domain/grid';
import { planSchema, type Plan } from '../../../src/domain/plan';
import { buildNewWorkbook } from '../../../src/layout/workbook-layout';
import type { WorkbookSpec } from '../../../src/layout/workbook-spec';
import { samplePlan } from '../../layout/helpers/sample-plan';
import { roundTrip, typeInto, type Entry } from '../../rewrite/helpers';

/**
 * A tracking workbook of the sample plan (2026–2030) filled quarter by quarter and closed with the close-quarter use
 * case from 2026-T1 to 2026-T4, statuses, values and comments changed between closings, then changed again in
 * 2027-T1 (the current quarter, not closed). Fiches: G1 (Top 5, Petite enfance), G2 (Familles, Besoin de garde),
 * G1-B (Familles, Logement), S13 (« top 5 », Jeunesse, abandoned in 2026-T3), S14 (no criterion, Tous publics).
 */

export const generatedOn = new Date('2026-02-10T09:00:00Z');
/** The day of the bilans: in 2027-T1, the workbook's current quarter. */
export const bilanDay = new Date('2027-02-10T09:00:00Z');

/** The fiches of the petite-enfance part (the CDSF's), by the plan's Public(s) and Champ(s) below. */
export const earlyChildhoodKeys = ['G1', 'G2'];

export function bilanPlan(): Plan {
  const plan = structuredClone(samplePlan()) as Plan;
  const fiches = new Map(plan.axes.flatMap((axis) => axis.fiches).map((fiche) => [fiche.key, fiche]));
  Object.assign(fiches.get('G1')!, { interest: 'Top 5', publics: ['Petite enfance'], fields: ['Accès aux droits'] });
  Object.assign(fiches.get('G2')!, { publics: ['Familles', 'Jeunesse'], fields: ['besoin de  garde'] });
  Object.assign(fiches.get('G1-B')!, { publics: ['Familles'], fields: ['Logement'] });
  Object.assign(fiches.get('S13')!, {
    interest: 'top  5',
    publics: ['Jeunesse'],
    fields: ['Soutien à la parentalité'],
  });
  Object.assign(fiches.get('S14')!, { publics: ['Tous publics'], fields: [] });
  return planSchema.parse(plan);
}

/** What is typed in each quarter before it is closed (the last list: 2027-T1, left open). */
export const typedByQuarter: Entry[][] = [
  [
    ...['G1-QN1', 'G1-QL1', 'G2-QN2', 'G1-B-QL1', 'S13-QN1'].map((key) => ({
      key,
      header: 'Fréquence',
      value: 'Trimestrielle',
    })),
    { key: 'G1-QN2', header: 'Fréquence', value: 'Semestrielle' },
    { key: 'G2-QN1', header: 'Fréquence', value: 'Annuelle' },
    { key: 'G1-QN1', header: 'Cible', value: 10 },
    { key: 'G1-QN2', header: 'Référence', value: 20 },
    { key: 'G1-QN2', header: 'Cible', value: 80 },
    { key: 'G2-QN1', header: 'Cible', value: 100 },
    { key: 'G2-QN2', header: 'Référence', value: 5 },
    { key: 'G2-QN2', header: 'Cible', value: 5 },
    { key: 'S13-QN1', header: 'Cible', value: 50 },
    { key: 'G1-QN1', header: '2026-T1', value: 2 },
    { key: 'G1-QL1', header: '2026-T1', value: 'Satisfaisant' },
    { key: 'G2-QN2', header: '2026-T1', value: 3 },
    { key: 'S13-QN1', header: '2026-T1', value: 10 },
    { key: 'G1', header: 'Statut', value: 'Non démarrée' },
    { key: 'G1', header: 'Avancement (%)', value: 0 },
    { key: 'G1-QL1', header: 'Commentaire', value: 'Démarrage' },
  ],
  [
    { key: 'G1', header: 'Statut', value: 'En cours' },
    { key: 'G1', header: 'Avancement (%)', value: 20 },
    { key: 'G1', header: 'Mise en œuvre', value: 'Deux réunions' },
    { key: 'G1-QN1', header: '2026-T2', value: 4 },
    { key: 'G1-QN2', header: '2026-T2', value: 35 },
    { key: 'G1-B-QL1', header: '2026-T2', value: 'peu satisfaisant' },
    { key: 'S13-QN1', header: '2026-T2', value: 30 },
    { key: 'G2', header: 'Statut', value: 'En cours' },
    { key: 'G2', header: 'Difficultés', value: 'Retard du financement' },
  ],
  [
    { key: 'S13', header: 'Statut', value: 'Abandonnée' },
    { key: 'S13', header: 'Abandonnée en', value: '2026-T3' },
    { key: 'G1-QN1', header: '2026-T3', value: 6 },
    { key: 'G1-QL1', header: 'Commentaire', value: 'Bons échanges' },
    { key: 'G1-B', header: 'Statut', value: 'En cours' },
  ],
  [
    { key: 'G1', header: 'Avancement (%)', value: 60 },
    { key: 'G2-QN1', header: '2026-T4', value: 40 },
    { key: 'G1-QN2', header: '2026-T4', value: 50 },
    { key: 'G2', header: 'Difficultés', value: null },
    { key: 'G2', header: 'Statut', value: 'Reportée' },
    { key: 'G1-B', header: 'Difficultés', value: 'Peu de familles' },
  ],
  [
    { key: 'G1', header: 'Statut', value: 'Réalisée' },
    { key: 'G1', header: 'Avancement (%)', value: 100 },
    { key: 'G1-QN1', header: '2027-T1', value: 9 },
    { key: 'G1-QL1', header: 'Commentaire', value: 'Clos' },
    { key: 'G1-QL1', header: '2027-T1', value: 'Très satisfaisant' },
    { key: 'G2', header: 'Difficultés', value: 'Nouveau retard' },
    { key: 'G1-B', header: 'Statut', value: 'Réalisée' },
  ],
];

const closingDays = ['2026-04-02', '2026-07-02', '2026-10-02', '2027-01-05'].map((day) => new Date(`${day}T10:00:00Z`));

/** The workbook at 2027-T1: four quarters closed by the use case, the fifth typed. */
export async function closedWorkbook(): Promise<WorkbookGrids> {
  let grids = await roundTrip((await buildNewWorkbook(bilanPlan(), { today: generatedOn })).spec);
  const port = {
    read: async () => grids,
    write: async (spec: WorkbookSpec) => {
      grids = await roundTrip(spec);
    },
  };
  for (const [index, now] of closingDays.entries()) {
    grids = typeInto(grids, typedByQuarter[index]);
    const outcome = await closeQuarterAndWrite(port, { now });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
  }
  return typeInto(grids, typedByQuarter[typedByQuarter.length - 1]);
}

/** The same workbook with the current quarter typed in Paramètres by hand (no closing). */
export function withCurrentQuarter(grids: WorkbookGrids, label: string): WorkbookGrids {
  return {
    sheets: grids.sheets.map((sheet) =>
      sheet.name !== 'Paramètres'
        ? sheet
        : {
            ...sheet,
            rows: sheet.rows.map((row, index) => (index === 8 ? [row[0], { value: label }, ...row.slice(2)] : row)),
          },
    ),
  };
}
