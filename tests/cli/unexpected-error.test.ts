import { runCli } from './run-cli';

/**
 * A failure no command foresaw (a library that throws on an input nobody thought of: the consolidation's writer on
 * 8 192 names did) reaches the user as a French message and, with --json, as the one JSON document: never a stack
 * trace, never an empty stdout.
 */
jest.mock('../../src/cli/commands/plan', () => ({
  planCommand: jest.fn(async () => {
    throw new Error('16385 is out of bounds');
  }),
}));

it('says it in French on stderr, exit code 2, no stack trace', async () => {
  const run = await runCli(['plan']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('Erreur inattendue (16385 is out of bounds)');
  expect(run.stderr).not.toMatch(/\n\s+at /);
});

it('is the one JSON document with --json', async () => {
  const run = await runCli(['plan', '--json']);
  expect(run.code).toBe(2);
  const document = JSON.parse(run.stdout) as { error: { code: string; message: string } };
  expect(document.error.code).toBe('unexpected-error');
  expect(document.error.message).toContain('Erreur inattendue (16385 is out of bounds)');
});
