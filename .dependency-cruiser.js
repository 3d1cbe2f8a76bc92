// The arrows of docs/ARCHITECTURE.md, « Dependency arrows », checked by `npm run depcruise` (part of `npm run lint`) and by
// tests/architecture/dependency-rules.test.ts. Dependencies point down:
//   domain ← plan-text, layout ← app ← cli, taskpane;  xlsx, excel → layout, domain and the port's types from app.
// Each layer has one rule naming what it may import of ours; anything else under src/ is a violation.

/** A path regex for the given layers' folders under src/. */
const layers = (...names) => `^src/(${names.join('|')})/`;

/** "Layer `from` imports nothing of ours but `allowed`." */
function onlyImports(from, allowed, comment) {
  return {
    name: `${from}-imports-only-${allowed.length ? allowed.join('-') : 'itself'}`,
    comment,
    severity: 'error',
    from: { path: layers(from) },
    to: { path: '^src/', pathNot: layers(from, ...allowed) },
  };
}

const packageOnlyIn = (name, packages, allowedFolder, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: '^src/', pathNot: layers(allowedFolder) },
  to: { path: `(^|node_modules/)(${packages})(/|$)` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A cycle between modules is a defect (docs/ARCHITECTURE.md, « Dependency arrows »). A cycle closed only by `import type` edges is ' +
        'erased at compile time (e.g. a messages area file typing itself with the index) and is allowed.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    onlyImports('domain', [], 'The domain imports nothing of ours.'),
    onlyImports('plan-text', ['domain'], 'The Annexe 3 parser builds on the domain only.'),
    onlyImports('layout', ['domain'], 'The workbook shape is built from the domain only.'),
    onlyImports('app', ['layout', 'plan-text', 'domain'], 'Use cases sit on layout, plan-text and domain.'),
    onlyImports('xlsx', ['layout', 'domain', 'app'], 'The .xlsx back end translates the layout; app for port types.'),
    onlyImports(
      'excel',
      ['layout', 'domain', 'app'],
      'The Office.js back end translates the layout; app for port types.',
    ),
    onlyImports('cli', ['app', 'xlsx'], 'The command line calls use cases and picks the .xlsx back end.'),
    onlyImports('taskpane', ['app', 'excel', 'xlsx'], 'The task pane calls use cases and picks a back end.'),
    {
      name: 'back-ends-take-only-types-from-app',
      comment: 'xlsx and excel implement the port declared in src/app: `import type` only, no use case.',
      severity: 'error',
      from: { path: layers('xlsx', 'excel') },
      to: { path: layers('app'), dependencyTypesNot: ['type-only'] },
    },
    packageOnlyIn('exceljs-only-in-xlsx', 'exceljs', 'xlsx', 'ExcelJS is the .xlsx back end: src/xlsx only.'),
    packageOnlyIn(
      'office-js-only-in-excel',
      '@microsoft/office-js|@types/office-js|office-js',
      'excel',
      'Office.js is the workbook back end of the add-in: src/excel only.',
    ),
    packageOnlyIn(
      'react-and-fluent-only-in-taskpane',
      'react|react-dom|@fluentui/[^/]+|@griffel/[^/]+',
      'taskpane',
      'React and Fluent UI belong to the task pane.',
    ),
    {
      name: 'no-node-builtins-in-core',
      comment: 'domain, plan-text, layout and app do no I/O: no fs, path, os… (they also run in the task pane).',
      severity: 'error',
      from: { path: layers('domain', 'plan-text', 'layout', 'app') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'src-stands-alone',
      comment: 'Shipped code never imports tests, scripts or the bin launcher.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts|bin)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      comment: 'Use only packages declared in package.json, not ones that happen to be installed.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-dev-dep',
      comment: 'Shipped code must not need a devDependency at run time (type-only imports are erased).',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.scratch|\\.cache|coverage)/' },
    // Keep `import type` edges in the graph so that the type-only rules above can see them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
