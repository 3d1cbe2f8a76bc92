import { dirname, relative, resolve } from 'node:path';
import type { FileOrigin, FileOrigins, MeasureOutcome } from '../../app/consolidate';

/**
 * The files as the consolidation workbook names them: from the workbook's own folder, not from where the command
 * was run, so that its paths stay right wherever the folder is opened (docs/WORKBOOK.md, « Consolidation »). The
 * command line's own lines keep the paths as given.
 */
export function namedFromWorkbook(
  output: string,
  outcomes: readonly MeasureOutcome[],
  originOf: FileOrigins,
): { outcomes: MeasureOutcome[]; originOf: FileOrigins } {
  const folder = dirname(resolve(output));
  const given = new Map<string, string>();
  const named = (file: string) => {
    const name = relative(folder, resolve(file)) || file;
    given.set(name, file);
    return name;
  };
  const renamed = outcomes.map((outcome): MeasureOutcome => {
    if (outcome.ok) return { ok: true, measure: { ...outcome.measure, file: named(outcome.measure.file) } };
    const rejected = { ...outcome.rejected, file: named(outcome.rejected.file) };
    return outcome.identity
      ? { ok: false, rejected, identity: { ...outcome.identity, file: named(outcome.identity.file) } }
      : { ok: false, rejected };
  });
  const originOfNamed = (name: string): FileOrigin | undefined => {
    const origin = originOf(given.get(name) ?? name);
    return origin?.kind === 'folder' ? { ...origin, folder: relative(folder, resolve(origin.folder)) || '.' } : origin;
  };
  return { outcomes: renamed, originOf: originOfNamed };
}
