// npm run bench: round trips and queued operations of generate, validate, compute, merge and undo through the Office.js back end (on the
// fake Excel of tests/fake-excel), for the embedded plan and a plan ten times larger, and the .xlsx back end's
// write/read times as ratios, and a whole read against the figures' read of part of the same file (bench-backends.ts);
// then the consolidation of generated territory workbooks against the floor and openpyxl (bench-consolidation.ts).
// The TypeScript sources are compiled on the fly (typescript's transpileModule), so that no build step or extra tool
// is needed.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      resolveJsonModule: true,
    },
  });
  module._compile(outputText, filename);
};

// `--consolidation [--territoires N]`: the consolidation's part alone; `--consolidation-child <list>` is its own
// measuring process (see bench-consolidation.ts).
async function run(args) {
  const consolidation = require(path.join(__dirname, 'bench-consolidation.ts'));
  const child = args.indexOf('--consolidation-child');
  if (child >= 0) return consolidation.child(args[child + 1]);
  if (!args.includes('--consolidation')) {
    await require(path.join(__dirname, 'bench-backends.ts')).main();
    console.log('');
  }
  return consolidation.main(args);
}

run(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
