import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Command-line options parsed by node's own parser; a usage mistake is a value (exit 2), never a throw. */
export type ParsedArgs =
  | { ok: true; values: Record<string, string | boolean | undefined>; positionals: string[] }
  | { ok: false; detail: string };

export function parseCommandArgs(args: string[], options: ParseArgsConfig['options']): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { ok: true, values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}
