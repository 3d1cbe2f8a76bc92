import { closeQuarterCommand } from './commands/close-quarter';
import { computeCommand } from './commands/compute';
import { generateCommand } from './commands/generate';
import { planCommand } from './commands/plan';
import { validateCommand } from './commands/validate';
import { processConsole, type Console } from './console';
import { EXIT_DONE, EXIT_UNUSABLE } from './exit-codes';
import { texts } from './texts';

type Command = (args: string[], console: Console) => Promise<number>;

const commands: Record<string, Command> = {
  plan: planCommand,
  generate: generateCommand,
  validate: validateCommand,
  compute: computeCommand,
  'close-quarter': closeQuarterCommand,
};

/** Runs one command and returns its exit code (docs/WORKBOOK.md, « Command line »: 0 done, 1 done with errors, 2 unusable input). */
export async function main(argv: string[], console: Console = processConsole()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    console.err(`${texts.missingCommand}\n\n${texts.usage}`);
    return EXIT_UNUSABLE;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    console.out(texts.usage);
    return EXIT_DONE;
  }
  const command = commands[name];
  if (!command) {
    console.err(texts.unknownCommand(name));
    return EXIT_UNUSABLE;
  }
  return command(args, console);
}
