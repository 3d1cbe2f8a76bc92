/**
 * eslint.config.js carries rules the architecture relies on: the Office.js batching rules of
 * eslint-plugin-office-addins, Office.js globals kept in src/excel, the React hooks rules in the task pane, and the
 * pane's messages rendered for the pane (src/taskpane/messages.ts).
 * Each snippet below is linted as if it lived at the given path, with the project's real configuration.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * Lints every snippet in one `node` process with ESLint's API and the project's eslint.config.js, as `npm run lint`
 * does (jest itself cannot load the config: ESLint imports it dynamically).
 */
const lintInNode = `
const { ESLint } = require('eslint');
const path = require('path');
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = {};
  for (const [file, code] of Object.entries(JSON.parse(input))) {
    const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
    out[file] = result.messages.map((m) => m.ruleId || 'fatal: ' + m.message);
  }
  process.stdout.write(JSON.stringify(out));
});
`;

function lint(snippets: Record<string, string>): Record<string, string[]> {
  const run = spawnSync(process.execPath, ['-e', lintInNode], {
    cwd: repoRoot,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
  });
  if (run.status !== 0 || !run.stdout) throw new Error(`eslint failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string[]>;
}

const snippets: Record<string, string> = {
  // Office.js done wrong: null test instead of isNullObject, sync in a loop, a value read without load.
  'src/excel/read-wrong.ts': `
export async function readTitles(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject('Paramètres');
    if (sheet === null) return '';
    const range = sheet.getRange('A1:A3');
    for (let i = 0; i < 3; i++) {
      await context.sync();
    }
    return String(range.values);
  });
}
`,
  // The same read done right: one load, one sync, isNullObject.
  'src/excel/read-right.ts': `
export async function readTitles(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject('Paramètres');
    const range = sheet.getRange('A1:A3');
    range.load('values');
    await context.sync();
    if (sheet.isNullObject) return '';
    return String(range.values);
  });
}
`,
  'src/excel/ready.ts': 'export const ready = () => Office.onReady();\n',
  'src/taskpane/ready.ts': 'export const ready = () => Office.onReady();\n',
  'src/app/ready.ts': 'export const ready = () => Office.onReady();\n',
  // A message rendered in the pane other than through src/taskpane/messages.ts would give the command line's advice.
  'src/taskpane/validate/raw-message.ts': `
import { renderIssueMessage, type Issue } from '../../app';
export const text = (issue: Issue) => renderIssueMessage(issue);
`,
  'src/taskpane/files/raw-reader-message.ts': `
import { renderMessage } from '../../domain/messages';
export const text = () => renderMessage('empty-file');
`,
  'src/taskpane/messages.ts': `
import { renderIssueMessageFor, type Issue } from '../app';
export const issueText = (issue: Issue) => renderIssueMessageFor('task-pane', issue);
`,
  'src/cli/raw-message.ts': `
import { renderIssueMessage, type Issue } from '../app';
export const text = (issue: Issue) => renderIssueMessage(issue);
`,
  'src/taskpane/Counter.tsx': `
import { useState } from 'react';
export function Counter({ visible }: { visible: boolean }) {
  if (visible) {
    const [count] = useState(0);
    return <p>{count}</p>;
  }
  return null;
}
`,
};

describe('lint rules of the house', () => {
  let reported: Record<string, string[]>;

  beforeAll(() => {
    reported = lint(snippets);
  }, 120_000);

  it('catches Office.js mistakes in src/excel', () => {
    expect([...reported['src/excel/read-wrong.ts']].sort()).toEqual([
      'office-addins/load-object-before-read',
      'office-addins/no-context-sync-in-loop',
      'office-addins/test-for-null-using-isNullObject',
    ]);
  });

  it('accepts the same read done right', () => {
    expect(reported['src/excel/read-right.ts']).toEqual([]);
  });

  it('refuses Office.js globals outside src/excel', () => {
    expect(reported['src/taskpane/ready.ts']).toEqual(['no-restricted-globals']);
    expect(reported['src/app/ready.ts']).toEqual(['no-restricted-globals']);
    expect(reported['src/excel/ready.ts']).toEqual([]);
  });

  it('keeps the catalogue’s renderers out of the pane but for src/taskpane/messages.ts', () => {
    expect(reported['src/taskpane/validate/raw-message.ts']).toEqual(['no-restricted-imports']);
    expect(reported['src/taskpane/files/raw-reader-message.ts']).toEqual(['no-restricted-imports']);
    expect(reported['src/taskpane/messages.ts']).toEqual([]);
    expect(reported['src/cli/raw-message.ts']).toEqual([]);
  });

  it('applies the React hooks rules to the task pane', () => {
    expect(reported['src/taskpane/Counter.tsx']).toContain('react-hooks/rules-of-hooks');
  });
});
