/**
 * Files of cases (`*.cases.ts`, `*.cases.tsx`) are not run on their own: a suite imports them, several to a suite,
 * so that jest loads what they share once (docs/TOOLING.md, « Gotchas »). One that no suite imports would never
 * run; a hook written outside any `describe`, or a `jest.mock` (hoisted, for the whole module registry), would hold
 * for every other file of the same suite.
 */
import * as fs from 'fs';
import * as path from 'path';

const TESTS = path.resolve(__dirname, '..');

function filesUnder(folder: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(name))
    .map((name) => path.join(folder, name));
}

const casesFiles = filesUnder(TESTS, /\.cases\.tsx?$/);
const suites = filesUnder(TESTS, /\.test\.tsx?$/);

/** The files of cases a suite imports (`import './x.cases';`), as paths without extension. */
function importedCases(suite: string): string[] {
  const text = fs.readFileSync(suite, 'utf8');
  return [...text.matchAll(/^import '(\.{1,2}\/[^']+\.cases)';$/gm)].map(([, specifier]) =>
    path.resolve(path.dirname(suite), specifier),
  );
}

const withoutExtension = (file: string) => file.replace(/\.tsx?$/, '');

describe('files of cases', () => {
  it('are found', () => {
    expect(casesFiles.length).toBeGreaterThan(0);
  });

  it('are each imported by exactly one suite', () => {
    const importers = new Map<string, string[]>();
    for (const suite of suites)
      for (const cases of importedCases(suite)) importers.set(cases, [...(importers.get(cases) ?? []), suite]);
    const wrong = casesFiles
      .map((file) => ({ file: path.relative(TESTS, file), by: importers.get(withoutExtension(file)) ?? [] }))
      .filter(({ by }) => by.length !== 1);
    expect(wrong).toEqual([]);
  });

  it('keep their hooks and mocks to themselves', () => {
    const leaking = casesFiles
      .filter((file) => /^(?:beforeEach|afterEach)\(|\bjest\.(?:mock|doMock)\(/m.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(TESTS, file));
    expect(leaking).toEqual([]);
  });
});
