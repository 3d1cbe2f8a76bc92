import {
  allFiches,
  embeddedPlan,
  quarterLabel,
  quartersOfPeriod,
  readPlanFromBytes,
  renderMessage,
  shellWord,
  type PlanReading,
  type PlanWarning,
} from '../../app';
import { parseCommandArgs } from '../args';
import type { Console } from '../console';
import { EXIT_DONE } from '../exit-codes';
import { reportError, type CliError } from '../failure';
import { readInputFile } from '../files';
import { texts } from '../texts';

/** A convention text is about 150 KB; anything past this is not one. */
const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

type LoadedPlan = { ok: true; reading: PlanReading; source: string } | { ok: false; error: CliError };

/** The plan named on the command line, or the embedded one; on failure, why in French. */
export async function loadPlanArgument(path: string | undefined): Promise<LoadedPlan> {
  if (path === undefined) return { ok: true, reading: embeddedPlan(), source: texts.plan.embeddedSource };
  const file = readInputFile(path, MAX_PLAN_FILE_BYTES, 'plan');
  if (!file.ok) return file;
  const result = readPlanFromBytes(file.bytes);
  if (!result.ok) {
    const params = { ...result.error.params, file: shellWord(path) };
    const message = texts.inFile(path, renderMessage(result.error.code, params));
    return { ok: false, error: { code: result.error.code, message, file: path } };
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
  const parsed = parseCommandArgs('plan', args, { json: { type: 'boolean' } });
  if (!parsed.ok) return reportError(console, parsed.json, parsed.error);
  const { json } = parsed;
  if (parsed.positionals.length > 1) {
    return reportError(console, json, { code: 'too-many-arguments', message: texts.tooManyArguments('plan') });
  }
  const loaded = await loadPlanArgument(parsed.positionals[0]);
  if (!loaded.ok) return reportError(console, json, loaded.error);
  if (json) console.out(JSON.stringify(planAsJson(loaded.reading), null, 2));
  else console.out(planAsText(loaded.reading, loaded.source));
  return EXIT_DONE;
}
