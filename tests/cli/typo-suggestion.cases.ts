import { runCli } from './run-cli';

/**
 * A command or an option mistyped by one or two letters (a user's trial: `extrat`, `--quater`, `--comune`) is
 * answered with the name meant, as well as the list; a word far from any is answered with the list alone.
 */

const nbsp = '\u00a0';

describe('a mistyped command or option', () => {
  it.each([
    [['extrat', 'suivi.xlsx'], 'extract'],
    [['compte', 'suivi.xlsx'], 'compute'],
    [['close-quater', 'suivi.xlsx'], 'close-quarter'],
  ])('%p: names the command meant, exit 2', async (args, meant) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`vouliez-vous dire «${nbsp}${meant}${nbsp}»${nbsp}?`);
    const json = await runCli([...args, '--json']);
    expect(JSON.parse(json.stdout).error.message).toContain(`«${nbsp}${meant}${nbsp}»`);
  });

  it.each([
    [['compute', 'suivi.xlsx', '--quater', '2027-T1'], '--quarter'],
    [['extract', 'suivi.xlsx', '--comune', 'Marlhès'], '--commune'],
    [['merge', 'suivi.xlsx', 'retour.xlsx', '--dryrun'], '--dry-run'],
    [['bilan', 'suivi.xlsx', '--kind', 'final', '--cdfs'], '--cdsf'],
  ])('%p: names the option meant, exit 2', async (args, meant) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`vouliez-vous dire «${nbsp}${meant}${nbsp}»${nbsp}?`);
    expect(run.stderr).toContain('options possibles');
  });

  it('a word far from every command names none', async () => {
    const run = await runCli(['statistiques', 'suivi.xlsx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `Commande inconnue${nbsp}: «${nbsp}statistiques${nbsp}». Lancez «${nbsp}npx ctg-suivi help${nbsp}» pour la liste.\n`,
    );
  });

  it('an option that is another command names that command, to run apart', async () => {
    const run = await runCli(['merge', 'suivi.xlsx', 'retour.xlsx', '--undo']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `«${nbsp}undo${nbsp}» est une commande à part, qui annule la dernière fusion${nbsp}: ` +
        `npx ctg-suivi undo suivi.xlsx`,
    );
  });

  it('an option far from every option names none', async () => {
    const run = await runCli(['compute', 'suivi.xlsx', '--verbose']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('vouliez-vous dire');
  });
});
