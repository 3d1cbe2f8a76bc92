// Runs a webpack build (the arguments after the result file) and records its exit status and output in the result
// file, itself: the process that started it may be blocked waiting for that file (a suite in jest's main process).
const { spawnSync } = require('child_process');
const fs = require('fs');

const [resultFile, ...args] = process.argv.slice(2);
const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
fs.writeFileSync(`${resultFile}.part`, JSON.stringify({ status: run.status, output }));
fs.renameSync(`${resultFile}.part`, resultFile);
