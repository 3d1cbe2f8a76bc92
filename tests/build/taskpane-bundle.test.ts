/**
 * The production build of the task pane: what Office loads first must be small and must not carry ExcelJS
 * (docs/TOOLING.md, « Versions »: ExcelJS is loaded on demand, in its own chunk); the .xlsx reader and writer come
 * only when a file is picked or made, in chunks of their own.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { sharedProductionBuild } from '../helpers/build-taskpane';

interface StatsModule {
  name: string;
  /** The modules webpack concatenated into this one (`./a.ts + 12 modules`). */
  modules?: StatsModule[];
}

interface StatsChunk {
  id: string | number;
  initial: boolean;
  files: string[];
  modules?: StatsModule[];
}

interface Stats {
  entrypoints: Record<string, { assets: { name: string }[] }>;
  chunks: StatsChunk[];
}

/** Every module name of a chunk, those concatenated into another included. */
function moduleNames(chunk: StatsChunk): string[] {
  const names = (modules: StatsModule[]): string[] =>
    modules.flatMap((module) => [module.name, ...names(module.modules ?? [])]);
  return names(chunk.modules ?? []);
}

/** The chunks holding a module whose name contains `part`. */
function chunksWith(stats: Stats, part: string): StatsChunk[] {
  return stats.chunks.filter((chunk) => moduleNames(chunk).some((name) => name.includes(part)));
}

/**
 * Gzip size budget of the scripts loaded with taskpane.html: the full pane (React, Fluent UI, zod, the core)
 * weighed ≈250 KB when this was set; ExcelJS alone adds ≈255 KB, so a static import of it breaks the budget too.
 */
const INITIAL_GZIP_BUDGET = 350 * 1024;

describe('production build of the task pane', () => {
  let outDir: string;
  let stats: Stats;
  let html: string;

  beforeAll(() => {
    // The end-to-end test serves the same build: made once per run (tests/global-setup.ts).
    const build = sharedProductionBuild();
    if (build.status !== 0) throw new Error(`webpack failed:\n${build.output}`);
    outDir = build.outDir;
    stats = JSON.parse(fs.readFileSync(build.statsFile, 'utf8')) as Stats;
    html = fs.readFileSync(path.join(outDir, 'taskpane.html'), 'utf8');
  }, 600_000);

  it('loads office.js from Microsoft before the pane script, which it emitted', () => {
    const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(scripts.length).toBe(2);
    expect(fs.existsSync(path.join(outDir, scripts[1]))).toBe(true);
    expect(html).toMatch(/<html lang="?fr"?>/);
  });

  it('keeps ExcelJS out of the scripts loaded at start', () => {
    const initialModules = stats.chunks
      .filter((chunk) => chunk.initial)
      .flatMap((chunk) => chunk.modules ?? [])
      .map((m) => m.name);
    expect(initialModules.length).toBeGreaterThan(0);
    expect(initialModules.filter((name) => name.includes('node_modules/exceljs'))).toEqual([]);
  });

  it('loads the .xlsx reader and writer on demand, apart from the pane and from each other', () => {
    const initialModules = stats.chunks.filter((chunk) => chunk.initial).flatMap(moduleNames);
    expect(initialModules.some((name) => name.includes('src/taskpane/index.tsx'))).toBe(true);
    expect(initialModules.filter((name) => name.includes('src/xlsx/'))).toEqual([]);

    const pane = chunksWith(stats, 'src/taskpane/Pane.tsx');
    const reader = chunksWith(stats, 'src/xlsx/reader/read-xlsx.ts');
    const writer = chunksWith(stats, 'src/xlsx/writer/write-xlsx.ts');
    const excelJs = chunksWith(stats, 'node_modules/exceljs');
    for (const found of [pane, reader, writer, excelJs]) expect(found.map((chunk) => chunk.initial)).toEqual([false]);
    // The working part of the pane does not carry them: a person who never picks nor makes a file never loads them.
    expect(moduleNames(pane[0]).filter((name) => name.includes('src/xlsx/') || name.includes('exceljs'))).toEqual([]);
    // Reading a file does not load the writer, nor ExcelJS.
    expect(reader[0].id).not.toBe(writer[0].id);
    expect(moduleNames(reader[0]).filter((name) => name.includes('exceljs'))).toEqual([]);
  });

  it('stays within the size budget of the first load', () => {
    const initialFiles = stats.entrypoints.taskpane.assets.map((a) => a.name).filter((n) => n.endsWith('.js'));
    const gzipBytes = initialFiles
      .map((file) => zlib.gzipSync(fs.readFileSync(path.join(outDir, file))).length)
      .reduce((a, b) => a + b, 0);
    expect(gzipBytes).toBeGreaterThan(10 * 1024); // React and Fluent UI are there: the build did bundle them
    expect(gzipBytes).toBeLessThan(INITIAL_GZIP_BUDGET);
  });
});
