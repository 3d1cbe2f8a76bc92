import {
  allFiches,
  embeddedPlan,
  quarterLabel,
  quartersOfPeriod,
  readPlanFromBytes,
  renderMessage,
  type PlanReading,
  type PlanWarning,
} from '../../app';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { EXIT_DONE, EXIT_UNUSABLE } from '../exit-codes';
import { readInputFile } from '../files';
import { texts } from '../texts';

/** A convention text is about 150 KB; anything past this is not one. */
const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

type LoadedPlan = { ok: true; reading: PlanReading; source: string } | { ok: false };

/** The plan named on the command line, or the embedded one; on failure the French error is already printed. */
export async function loadPlanArgument(path: string | undefined, console: Console): Promise<LoadedPlan> {
  if (path === undefined) return { ok: true, reading: embeddedPlan(), source: texts.plan.embeddedSource };
  const file = await readInputFile(path, MAX_PLAN_FILE_BYTES);
  if (!file.ok) {
    console.err(file.message);
    return { ok: false };
  }
  const result = readPlanFromBytes(file.bytes);
  if (!result.ok) {
    console.err(texts.inFile(path, renderMessage(result.error.code, result.error.params)));
    return { ok: false };
  }
  return { ok: true, reading: result.reading, source: path };
}

function withMessage(warning: PlanWarning) {
  return { code: warning.code, line: warning.line, message: renderMessage(warning.code, warning.params) };
}

function planAsJson(reading: PlanReading) {
  const { plan } = reading;
  return {
    ...plan,
    quarters: quartersOfPeriod(plan.period).map(quarterLabel),
    warnings: reading.warnings.map(withMessage),
  };
}

function warningLines(warnings: PlanWarning[]): string[] {
  if (warnings.length === 0) return [texts.plan.noWarnings];
  const byCode = new Map<string, PlanWarning[]>();
  for (const warning of warnings) byCode.set(warning.code, [...(byCode.get(warning.code) ?? []), warning]);
  const lines = [texts.plan.warningsHeader(warnings.length)];
  for (const [code, group] of byCode) {
    lines.push(texts.plan.warningGroup(code, group.length));
    for (const warning of group) lines.push(texts.plan.warningLine(warning.line, withMessage(warning).message));
  }
  return lines;
}

function planAsText(reading: PlanReading, source: string): string {
  const { plan } = reading;
  const quarters = quartersOfPeriod(plan.period).map(quarterLabel);
  const lines = [
    texts.plan.source(source),
    texts.plan.territory(plan.territory),
    texts.plan.caf(plan.parties.caf),
    texts.plan.period(plan.period.start, plan.period.end),
    texts.plan.quarters(quarters.length, quarters[0], quarters[quarters.length - 1]),
    texts.plan.communes(plan.parties.communes.length),
    texts.plan.axesHeader,
  ];
  for (const axis of plan.axes) {
    const criteria = axis.fiches.flatMap((fiche) => fiche.criteria);
    const quantitative = criteria.filter((criterion) => criterion.kind === 'quantitative').length;
    lines.push(
      texts.plan.axisLine(axis.number, axis.title, axis.fiches.length, quantitative, criteria.length - quantitative),
    );
  }
  const fiches = allFiches(plan);
  const criterionCount = fiches.reduce((sum, fiche) => sum + fiche.criteria.length, 0);
  lines.push(texts.plan.total(plan.axes.length, fiches.length, criterionCount), '', ...warningLines(reading.warnings));
  return lines.join('\n');
}

export async function planCommand(args: string[], console: Console): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean' } });
  if (!parsed.ok) {
    console.err(texts.badUsage('plan', parsed.detail));
    return EXIT_UNUSABLE;
  }
  if (parsed.positionals.length > 1) {
    console.err(texts.tooManyArguments('plan'));
    return EXIT_UNUSABLE;
  }
  const loaded = await loadPlanArgument(parsed.positionals[0], console);
  if (!loaded.ok) return EXIT_UNUSABLE;
  if (parsed.values.json) console.out(JSON.stringify(planAsJson(loaded.reading), null, 2));
  else console.out(planAsText(loaded.reading, loaded.source));
  return EXIT_DONE;
}
