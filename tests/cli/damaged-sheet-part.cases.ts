import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';
import { clockAt, restoreClock } from './clock';
import { runCli } from './run-cli';

/**
 * A territory's workbook whose « Axe 1 » part is damaged inside the zip (its XML cut half-way, or a tag closed
 * wrong): the file cannot be read, and every command that says so names the sheet, by its name in the workbook
 * (never its part's path), as it does when the part is missing.
 */

const today = new Date('2026-08-20T10:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-damaged-sheet-part-'));
const NBSP = '\u00a0';
const axisOne = `feuille «${NBSP}Axe 1${NBSP}»`;

/** The path in the package of the sheet named `sheet` (workbook.xml's sheet, its relationship's target). */
function partOf(parts: Record<string, Uint8Array>, sheet: string): string {
  const workbook = strFromU8(parts['xl/workbook.xml']);
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const relationships = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(relationships)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(relationships)![1];
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function withPart(bytes: Uint8Array, sheet: string, change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  const part = partOf(parts, sheet);
  const changed = change(strFromU8(parts[part]));
  expect(changed).not.toBe(strFromU8(parts[part]));
  parts[part] = strToU8(changed);
  return zipSync(parts);
}

const damaged = {
  // Cut half-way: the XML stops inside the sheet's cells.
  'coupe.xlsx': (xml: string) => xml.slice(0, Math.floor(xml.length / 2)),
  // A cell's tag closed by another name.
  'mal-forme.xlsx': (xml: string) => xml.replace(/<\/c>/, '</x>'),
};

describe('damaged-sheet-part', () => {
  beforeAll(async () => {
    const sound = await territoryBytes(pilat);
    for (const [name, change] of Object.entries(damaged)) {
      mkdirSync(join(folder, name.replace('.xlsx', '')));
      writeFileSync(join(folder, name.replace('.xlsx', ''), name), withPart(sound, 'Axe 1', change));
    }
  }, 60_000);

  beforeEach(() => clockAt(today));
  afterEach(restoreClock);

  describe.each(Object.keys(damaged))('%s', (name) => {
    const file = () => join(folder, name.replace('.xlsx', ''), name);

    it('is left out of a consolidation with a reason naming the sheet', async () => {
      const run = await runCli(['consolidate', file(), '-o', join(folder, `consolidation-${name}`), '--json']);
      const { rejected } = JSON.parse(run.stdout);
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toContain(axisOne);
      expect(rejected[0].reason).not.toMatch(/worksheets|sheet\d/);
    });

    it('is said unreadable by validate, naming the sheet', async () => {
      const run = await runCli(['validate', file()]);
      expect(run.code).toBe(2);
      const said = run.stdout + run.stderr;
      expect(said).toContain(axisOne);
      expect(said).not.toMatch(/worksheets|sheet\d/);
    });
  });
});
