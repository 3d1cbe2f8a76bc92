import { closestName } from '../app';
import { bilanCommand } from './commands/bilan';
import { closeQuarterCommand } from './commands/close-quarter';
import { computeCommand } from './commands/compute';
import { consolidateCommand } from './commands/consolidate';
import { extractCommand } from './commands/extract';
import { generateCommand } from './commands/generate';
import { mergeCommand } from './commands/merge';
import { undoCommand } from './commands/undo';
import { planCommand } from './commands/plan';
import { validateCommand } from './commands/validate';
import { wantsJson } from './args';
import { processConsole, type Console } from './console';
import { EXIT_DONE } from './exit-codes';
import { reportError, type CliError } from './failure';
import { useNodeDeflater } from './node-deflater';
import { useNodeDigest } from './node-digest';
import { useNodeInflater } from './node-inflater';
import { texts } from './texts';
import { cliVersion } from './version';

type Command = (args: string[], console: Console) => Promise<number>;

const commands: Record<string, Command> = {
  plan: planCommand,
  generate: generateCommand,
  validate: validateCommand,
  compute: computeCommand,
  'close-quarter': closeQuarterCommand,
  merge: mergeCommand,
  undo: undoCommand,
  extract: extractCommand,
  consolidate: consolidateCommand,
  bilan: bilanCommand,
};

/** Runs one command and returns its exit code (docs/WORKBOOK.md, « Command line »: 0 done, 1 done with errors, 2 unusable input). */
export async function main(argv: string[], console: Console = processConsole()): Promise<number> {
  useNodeInflater();
  useNodeDeflater();
  useNodeDigest();
  // `ctg-suivi --json validate …` means `ctg-suivi validate … --json`.
  const [name, ...args] = argv[0] === '--json' ? [...argv.slice(1), '--json'] : argv;
  const json = wantsJson(argv);
  if (name === undefined || name === '--json') {
    const error: CliError = { code: 'missing-command', message: texts.missingCommand };
    return json
      ? reportError(console, json, error)
      : reportError(console, json, { ...error, message: `${error.message}\n\n${texts.usage}` });
  }
  const asksHelp = (word: string | undefined) => word === 'help' || word === '--help' || word === '-h';
  // `ctg-suivi generate --help` as `ctg-suivi help`: the usage lists every command with its options.
  if (asksHelp(name) || (Object.hasOwn(commands, name) && args.some((arg) => arg === '--help' || arg === '-h'))) {
    console.out(json ? JSON.stringify({ usage: texts.usage }, null, 2) : texts.usage);
    return EXIT_DONE;
  }
  // `--version`, `-v` and `version`, as `--help`, `-h` and `help`.
  if (name === 'version' || name === '--version' || name === '-v') {
    const version = cliVersion();
    console.out(json ? JSON.stringify({ version }, null, 2) : texts.version(version));
    return EXIT_DONE;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    const meant = closestName(name, [...Object.keys(commands), 'help', 'version']);
    return reportError(console, json, { code: 'unknown-command', message: texts.unknownCommand(name, meant) });
  }
  try {
    return await command(args, console);
  } catch (error) {
    // Every command says what it foresaw; anything else is still said in French, and is the one JSON document.
    const detail = error instanceof Error ? error.message : String(error);
    return reportError(console, json, { code: 'unexpected-error', message: texts.unexpectedError(detail) });
  }
}
