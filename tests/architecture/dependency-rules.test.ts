/**
 * The layer arrows of docs/ARCHITECTURE.md, « Dependency arrows », are enforced by .dependency-cruiser.js. These tests run the real
 * dependency-cruiser CLI: once on src/ (no violation, and modules were actually read — with an unsupported
 * TypeScript it silently reads nothing), and once on a throw-away tree that breaks every rule on purpose.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..');
const depcruiseBin = path.join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

interface CruiseResult {
  modules: { source: string; dependencies: unknown[] }[];
  summary: { violations: Violation[]; totalCruised: number; totalDependenciesCruised: number };
}

function cruise(cwd: string): CruiseResult {
  const run = spawnSync(
    process.execPath,
    [depcruiseBin, 'src', '--config', '.dependency-cruiser.js', '--output-type', 'json'],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (!run.stdout) throw new Error(`depcruise printed nothing (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as CruiseResult;
}

const describeViolation = (v: Violation) => `${v.rule.name}: ${v.from} → ${v.to}`;

describe('dependency rules on the real source tree', () => {
  let result: CruiseResult;
  beforeAll(() => {
    result = cruise(repoRoot);
  });

  it('reads the TypeScript modules and their imports', () => {
    const tsModules = result.modules.filter((m) => /^src\/.*\.tsx?$/.test(m.source));
    expect(tsModules.length).toBeGreaterThan(0);
    expect(result.summary.totalDependenciesCruised).toBeGreaterThan(0);
  });

  it('has no violation', () => {
    expect(result.summary.violations.map(describeViolation)).toEqual([]);
  });
});

describe('dependency rules on a tree that breaks them on purpose', () => {
  const fixtureRoot = path.join(repoRoot, '.scratch', `depcruise-fixture-${process.pid}`);

  const files: Record<string, string> = {
    // Allowed arrows: none of these may be reported.
    'src/domain/plan.ts': 'export const plan = 1;\n',
    'src/plan-text/parse.ts': "import { plan } from '../domain/plan';\nexport const parse = plan;\n",
    'src/layout/columns.ts': "import { plan } from '../domain/plan';\nexport const columns = plan;\n",
    'src/app/port.ts': 'export interface Port { read(): number }\n',
    'src/app/generate.ts':
      "import { columns } from '../layout/columns';\nimport { parse } from '../plan-text/parse';\n" +
      'export const generate = columns + parse;\n',
    'src/xlsx/file.ts':
      "import type { Port } from '../app/port';\nimport { columns } from '../layout/columns';\n" +
      "import ExcelJS from 'exceljs';\nexport const file: Port = { read: () => columns + ExcelJS.ValueType.Null };\n",
    'src/excel/live.ts':
      "import type { Port } from '../app/port';\nimport { plan } from '../domain/plan';\n" +
      'export const live: Port = { read: () => plan };\n',
    'src/cli/main.ts':
      "import { generate } from '../app/generate';\nimport { file } from '../xlsx/file';\n" +
      "import * as fs from 'fs';\nexport const main = () => fs.existsSync(String(generate + file.read()));\n",
    'src/taskpane/pane.tsx':
      "import { generate } from '../app/generate';\nimport { live } from '../excel/live';\n" +
      "import { file } from '../xlsx/file';\nimport { FluentProvider } from '@fluentui/react-components';\n" +
      'export const Pane = () => <FluentProvider>{generate + live.read() + file.read()}</FluentProvider>;\n',
    // A cycle closed by an `import type` edge is erased at compile time: allowed.
    'src/domain/messages/index.ts':
      "import { areaMessages } from './area';\nexport type Template = () => string;\nexport const all = areaMessages;\n",
    'src/domain/messages/area.ts':
      "import type { Template } from './index';\nexport const areaMessages: Template[] = [];\n",

    // Violations.
    'src/domain/upward.ts': "import { columns } from '../layout/columns';\nexport const upward = columns;\n",
    'src/domain/uses-exceljs.ts': "import ExcelJS from 'exceljs';\nexport const wb = new ExcelJS.Workbook();\n",
    'src/layout/cycle-a.ts': "import { b } from './cycle-b';\nexport const a = () => b;\n",
    'src/layout/cycle-b.ts': "import { a } from './cycle-a';\nexport const b = () => a;\n",
    'src/layout/upward.ts': "import { generate } from '../app/generate';\nexport const up = generate;\n",
    'src/plan-text/sideways.ts': "import { columns } from '../layout/columns';\nexport const side = columns;\n",
    'src/app/reads-files.ts': "import * as path from 'path';\nexport const p = path.sep;\n",
    'src/app/uses-react.ts': "import { useState } from 'react';\nexport const hook = useState;\n",
    'src/app/uses-tests.ts': "import { helper } from '../../tests/helper';\nexport const h = helper;\n",
    'tests/helper.ts': 'export const helper = 1;\n',
    'src/app/typo.ts': "import { nothing } from './does-not-exist';\nexport const t = nothing;\n",
    'src/xlsx/calls-use-case.ts': "import { generate } from '../app/generate';\nexport const g = generate;\n",
    'src/xlsx/uses-excel.ts': "import { live } from '../excel/live';\nexport const l = live;\n",
    'src/app/uses-xlsx.ts': "import { file } from '../xlsx/file';\nexport const f = file;\n",
    // Installed (React's scheduler) but not declared in package.json.
    'src/domain/uses-undeclared.ts': "import * as scheduler from 'scheduler';\nexport const s = scheduler;\n",
    'src/excel/uses-cli.ts': "import { main } from '../cli/main';\nexport const m = main;\n",
    'src/cli/uses-domain.ts': "import { plan } from '../domain/plan';\nexport const p = plan;\n",
    'src/taskpane/uses-office-npm.ts': "import '@microsoft/office-js/dist/office.js';\nexport const x = 1;\n",
    'src/taskpane/uses-layout.ts': "import { columns } from '../layout/columns';\nexport const c = columns;\n",
  };

  const expected = [
    'domain-imports-only-itself: src/domain/upward.ts → src/layout/columns.ts',
    'exceljs-only-in-xlsx: src/domain/uses-exceljs.ts → exceljs',
    'no-circular: src/layout/cycle-a.ts → src/layout/cycle-b.ts',
    'layout-imports-only-domain: src/layout/upward.ts → src/app/generate.ts',
    'plan-text-imports-only-domain: src/plan-text/sideways.ts → src/layout/columns.ts',
    'no-node-builtins-in-core: src/app/reads-files.ts → path',
    'react-and-fluent-only-in-taskpane: src/app/uses-react.ts → react',
    'not-to-unresolvable: src/app/typo.ts → ./does-not-exist',
    'src-stands-alone: src/app/uses-tests.ts → tests/helper.ts',
    'back-ends-take-only-types-from-app: src/xlsx/calls-use-case.ts → src/app/generate.ts',
    'xlsx-imports-only-layout-domain-app: src/xlsx/uses-excel.ts → src/excel/live.ts',
    'app-imports-only-layout-plan-text-domain: src/app/uses-xlsx.ts → src/xlsx/file.ts',
    'no-non-package-json: src/domain/uses-undeclared.ts → scheduler',
    'excel-imports-only-layout-domain-app: src/excel/uses-cli.ts → src/cli/main.ts',
    'cli-imports-only-app-xlsx: src/cli/uses-domain.ts → src/domain/plan.ts',
    'office-js-only-in-excel: src/taskpane/uses-office-npm.ts → @microsoft/office-js',
    'not-to-dev-dep: src/taskpane/uses-office-npm.ts → @microsoft/office-js',
    'taskpane-imports-only-app-excel-xlsx: src/taskpane/uses-layout.ts → src/layout/columns.ts',
  ];

  let result: CruiseResult;

  beforeAll(() => {
    fs.rmSync(fixtureRoot, { recursive: true, force: true });
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(fixtureRoot, file)), { recursive: true });
      fs.writeFileSync(path.join(fixtureRoot, file), text);
    }
    // The real configuration, TypeScript settings and declared packages; node_modules is found one level up.
    for (const config of ['.dependency-cruiser.js', 'tsconfig.json', 'package.json']) {
      fs.copyFileSync(path.join(repoRoot, config), path.join(fixtureRoot, config));
    }
    result = cruise(fixtureRoot);
  });

  afterAll(() => fs.rmSync(fixtureRoot, { recursive: true, force: true }));

  /** Resolved package paths (…/node_modules/exceljs/dist/…) are reduced to the package name. */
  const normalise = (v: Violation) => {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(v.to);
    return describeViolation({ ...v, to: pkg ? pkg[1] : v.to });
  };

  // One report per cycle, on its first edge in path order.
  it.each(expected)('reports %s', (violation) => {
    expect(result.summary.violations.map(normalise)).toContain(violation);
  });

  it('reports nothing on the allowed arrows', () => {
    expect([...new Set(result.summary.violations.map(normalise))].sort()).toEqual([...expected].sort());
  });
});
