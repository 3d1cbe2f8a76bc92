import { readFileSync } from 'fs';
import { join } from 'path';
import { parseConvention, type PlanParseResult } from '../../src/plan-text';
import type { Plan, PlanWarning } from '../../src/domain/plan';

export const seedText = readFileSync(join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt'), 'utf8');

export function parsedOk(text: string): { plan: Plan; warnings: PlanWarning[] } {
  const result: PlanParseResult = parseConvention(text);
  if (!result.ok) throw new Error(`parse failed: ${result.error.code} ${JSON.stringify(result.error.params)}`);
  return result;
}

export const fiches = (plan: Plan) => plan.axes.flatMap((axis) => axis.fiches);
export const ficheByKey = (plan: Plan, key: string) => {
  const found = fiches(plan).find((fiche) => fiche.key === key);
  if (!found) throw new Error(`no fiche ${key}`);
  return found;
};
export const codes = (warnings: PlanWarning[]) => warnings.map((w) => w.code);

/** The plan without line numbers: what a round trip must keep. */
export function withoutLines(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLines);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'line')
        .map(([k, v]) => [k, withoutLines(v)]),
    );
  return value;
}

/** The seed with one fiche's block replaced: `from` must occur exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The seed's text, its fiche F2 given these champs d'intervention and publics instead of its own. */
export function seedWithF2(fields: string, publics: string): string {
  return replaceOnce(
    replaceOnce(
      seedText,
      "Champ(s) d'intervention(s) : Soutien à la parentalité; Coordination et stratégie",
      `Champ(s) d'intervention(s) : ${fields}`,
    ),
    'Public cible :\n\nFamilles\n\nRenforcer',
    `Public cible :\n\n${publics}\n\nRenforcer`,
  );
}
