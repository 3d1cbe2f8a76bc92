import { parseArgs } from 'node:util';
import { closestName } from '../app';
import type { CliError } from './failure';
import { texts } from './texts';

/** The options a command accepts, as node's parser takes them. */
export type OptionSpecs = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/**
 * Command-line options parsed by node's own parser, in its lenient mode so that a mistake is diagnosed here, in
 * French (node's strict mode answers in English). A usage mistake is a value (exit 2), never a throw. `json` is
 * known even then, so that the mistake itself can be answered as JSON.
 */
export type ParsedArgs =
  | {
      ok: true;
      json: boolean;
      values: Record<string, string | boolean | string[] | undefined>;
      positionals: string[];
    }
  | { ok: false; json: boolean; error: CliError };

/** `--json` given before any `--`, read from the raw arguments: it must count even when another option is wrong. */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).includes('--json');
}

/** `--quarter` or `-o, --output`: the option as help spells it. */
const spelling = (name: string, spec: OptionSpecs[string]) => (spec.short ? `-${spec.short}, --${name}` : `--${name}`);

/** An argument given as an option that reads as a file: a single hyphen, then a name with an extension or a path. */
const looksLikeFileName = (typed: string) => /^-[^-]/.test(typed) && /[./\\]/.test(typed.slice(1));

export function parseCommandArgs(command: string, args: string[], options: OptionSpecs): ParsedArgs {
  const json = wantsJson(args);
  const { values, positionals, tokens } = parseArgs({
    args,
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const accepted = Object.entries(options).map(([name, spec]) => spelling(name, spec));
  // Node keeps the last of an option given twice: two different values are a choice left to the person.
  const firstValues = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    const option = token.rawName;
    if (!spec) {
      // `-suivi.xlsx` is read as the short options -s -u -i…: a file name beginning with a hyphen, named whole.
      const typed = args[token.index];
      const message = looksLikeFileName(typed)
        ? texts.hyphenFileName(command, typed)
        : texts.unknownOption(
            command,
            option,
            accepted,
            closestName(
              option,
              Object.keys(options).map((name) => `--${name}`),
            ),
          );
      return { ok: false, json, error: { code: 'unknown-option', option, message } };
    }
    // `-old.xlsx` reads as -o given `ld.xlsx`: a file name beginning with a hyphen, or a space forgotten.
    const value = token.value;
    if (token.inlineValue && !token.rawName.startsWith('--') && looksLikeFileName(args[token.index])) {
      const message = texts.gluedShortOption(args[token.index], token.rawName, value ?? '');
      return { ok: false, json, error: { code: 'unknown-option', option, message } };
    }
    // A string option at the end, or followed by another option (`--quarter --json`): its value was forgotten.
    if (spec.type === 'string' && (value === undefined || (!token.inlineValue && value.startsWith('-')))) {
      return {
        ok: false,
        json,
        error: { code: 'missing-option-value', option, message: texts.missingOptionValue(command, option, token.name) },
      };
    }
    // An empty value (a shell variable unset) is said as such, not quoted back as « pas «  » »; -o says its own.
    if (spec.type === 'string' && token.name !== 'output' && value !== undefined && value.trim() === '') {
      const message = texts.emptyOptionValue(command, option, token.name);
      return { ok: false, json, error: { code: 'missing-option-value', option, message } };
    }
    const first = firstValues.get(token.name);
    if (spec.type === 'string' && value !== undefined && !spec.multiple) {
      if (first !== undefined && first !== value) {
        const message = texts.repeatedOption(option, first, value);
        return { ok: false, json, error: { code: 'repeated-option', option, message } };
      }
      firstValues.set(token.name, value);
    }
    if (spec.type === 'boolean' && value !== undefined) {
      return {
        ok: false,
        json,
        error: { code: 'option-takes-no-value', option, message: texts.optionTakesNoValue(option) },
      };
    }
  }
  return { ok: true, json, values: values as Record<string, string | boolean | string[] | undefined>, positionals };
}
