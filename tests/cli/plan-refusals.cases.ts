import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { embeddedPlan, type Plan } from '../../src/app';
import { runCli } from './run-cli';

/**
 * Plans that would make a workbook the tools then refuse are refused when read, in French, naming what to fix:
 * a text over Excel's 32 767 characters (a fiche's title, a criterion), a row key given twice in a plan JSON, a plan
 * JSON of the wrong shape (whose field is named, never in the schema library's English).
 */

const workDir = mkdtempSync(join(tmpdir(), 'ctg-plan-refusals-'));
const seed = join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt');

function planFile(name: string, change: (plan: Plan) => void): string {
  const plan = structuredClone(embeddedPlan().plan);
  change(plan);
  const path = join(workDir, name);
  writeFileSync(path, JSON.stringify(plan, null, 2));
  return path;
}

/** Runs `plan` and `generate` on the file: both refuse, exit 2, nothing written; the message of each. */
async function refusedEverywhere(plan: string): Promise<string> {
  const output = join(workDir, `${plan}.xlsx`);
  const read = await runCli(['plan', plan]);
  expect(read.code).toBe(2);
  const generated = await runCli(['generate', '--plan', plan, '-o', output]);
  expect(generated.code).toBe(2);
  expect(generated.stdout).toBe('');
  expect(existsSync(output)).toBe(false);
  expect(generated.stderr).toBe(read.stderr);
  return read.stderr;
}

describe('a plan whose texts Excel cannot hold in a cell', () => {
  it('refuses a convention text with a criterion over 32 767 characters, naming the fiche and the field', async () => {
    const lines = readFileSync(seed, 'utf8').split('\n');
    const criterion = lines.findIndex((line) => line.includes('Nombre de permanences dans les communes'));
    lines[criterion] = `${lines[criterion]} ${'et de visites '.repeat(2_400)}`;
    const path = join(workDir, 'critere-geant.txt');
    writeFileSync(path, lines.join('\n'));
    const message = await refusedEverywhere(path);
    expect(message).toContain('G1-QN1');
    expect(message).toContain('critère');
    expect(message).toContain('32\u00a0767');
  });

  it('refuses a plan JSON whose fiche title is over the limit, naming the fiche and its title', async () => {
    const path = planFile('titre-geant.json', (plan) => {
      plan.axes[1].fiches[0].title = 'Un titre bien trop long. '.repeat(1_400);
    });
    const message = await refusedEverywhere(path);
    expect(message).toContain(`fiche ${embeddedPlan().plan.axes[1].fiches[0].key}`);
    expect(message).toContain('intitulé');
  });
});

describe('a plan JSON edited by hand', () => {
  it('refuses a fiche key given twice, naming the key', async () => {
    const path = planFile('cles-doubles.json', (plan) => {
      plan.axes[0].fiches[1].key = plan.axes[0].fiches[0].key;
    });
    const message = await refusedEverywhere(path);
    expect(message).toContain(`«\u00a0${embeddedPlan().plan.axes[0].fiches[0].key}\u00a0»`);
    expect(message).toMatch(/deux fois/);
  });

  it('names the field of a plan JSON of the wrong shape in French, never in English', async () => {
    for (const [name, content] of [
      ['forme.json', '{"axes": "x"}'],
      ['version.json', JSON.stringify({ ...embeddedPlan().plan, formatVersion: 2 })],
      ['axes.json', JSON.stringify({ ...embeddedPlan().plan, axes: 'x' })],
      ['periode.json', JSON.stringify({ ...embeddedPlan().plan, period: { start: '2030-01-01', end: '2026-12-31' } })],
      ['ref.json', JSON.stringify({ ...embeddedPlan().plan, territory: '' })],
      ['date.json', JSON.stringify({ ...embeddedPlan().plan, period: { start: '2025-13-45', end: '2030-12-31' } })],
    ]) {
      const path = join(workDir, name);
      writeFileSync(path, content);
      const message = await refusedEverywhere(path);
      expect(message).toContain('n’est pas un plan de CTG');
      expect(message).not.toMatch(/Invalid|expected|received|Too small|must|input/i);
    }
    expect(readdirSync(workDir).filter((name) => name.endsWith('.xlsx'))).toEqual([]);
  });

  it('says in French where a plan JSON cut short stops being readable', async () => {
    const path = join(workDir, 'coupe.json');
    writeFileSync(path, JSON.stringify(embeddedPlan().plan).slice(0, 7000));
    const message = await refusedEverywhere(path);
    expect(message).toContain('illisible');
    expect(message).toMatch(/caractère \d/);
    expect(message).not.toMatch(/Unterminated|Unexpected|position|JSON at/);
  });
});

describe('the plan warnings after generate --plan', () => {
  it('points at « plan » with the plan file given, quoted for the shell when it must be', async () => {
    const folder = join(workDir, 'mes plans');
    mkdirSync(folder);
    const plan = join(folder, 'convention v3.txt');
    copyFileSync(seed, plan);
    const run = await runCli(['generate', '--plan', plan, '-o', join(workDir, 'avertis.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/La lecture du plan a donné \d+ avertissements?\u00a0:/);
    expect(run.stdout).toContain(`«\u00a0npx ctg-suivi plan "${plan}"\u00a0» les détaille`);
  });
});

describe('a convention given as a PDF', () => {
  // A user's trial: « exportez la convention au format texte (.txt) » left open how; docs/COMMANDES.md says
  // pdftotext.
  it('is refused with the command that makes the text the reader takes', async () => {
    const pdf = join(workDir, 'convention CTG.pdf');
    writeFileSync(pdf, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1'));
    const message = await refusedEverywhere(pdf);
    expect(message).toContain(`pdftotext "${pdf}" convention.txt`);
    expect(message).toContain('npx ctg-suivi plan convention.txt');
  });
});
