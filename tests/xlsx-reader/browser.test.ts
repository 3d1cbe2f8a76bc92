/**
 * The reader runs in a browser (the task pane reads partner files there): bundled by webpack for the web and
 * run in headless Chromium, it gives the same grids and the same error values as in node.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';
import webpack from 'webpack';
import { readXlsx } from '../../src/xlsx/reader';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { buildXlsx } from './support/package-builder';

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(__dirname, '..', '..');

function bundleReader(outDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        // Unminified: the reader's behaviour is what is compared, and minifying was most of this suite's time.
        mode: 'development',
        devtool: false,
        target: 'web',
        entry: path.join(__dirname, 'browser', 'entry.ts'),
        output: { path: outDir, filename: 'reader.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: 'ts-loader',
              options: { transpileOnly: true, configFile: path.join(root, 'tsconfig.json') },
            },
          ],
        },
        performance: { hints: false },
        // Kept between runs beside the task pane's (tests/helpers/build-taskpane.ts): unchanged modules are reused.
        cache: {
          type: 'filesystem',
          cacheDirectory: path.join(root, '.cache', 'webpack'),
          name: 'xlsx-reader-browser',
          buildDependencies: { config: [__filename] },
        },
      },
      (error, stats) => {
        if (error || !stats || stats.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
        else resolve(fs.readFileSync(path.join(outDir, 'reader.js'), 'utf8'));
      },
    );
  });
}

const workbook = buildXlsx({
  sheets: [
    {
      name: 'Axe 1',
      xml:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46023</v></c><c r="C1"><f>B1+1</f><v>46024</v></c></row>' +
        '<row><c t="inlineStr"><is><t>ligne_x000D_</t></is></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>',
    },
    { name: '_ctg', xml: '<row r="1"><c r="A1"><v>1</v></c></row>', state: 'hidden' },
  ],
  sharedStrings: ['<si><r><t>Cl</t></r><r><t>é</t></r></si>'],
  styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
});
const cfb = new Uint8Array(1024);
cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const inputs = { workbook, cut: workbook.subarray(0, workbook.length - 40), cfb, empty: new Uint8Array(0) };

describe('in a browser', () => {
  itWhenAvailable({ chromium: hasBinary(CHROMIUM) })(
    'the bundled reader gives what it gives in node',
    async () => {
      const outDir = path.join(root, '.scratch', `xlsx-reader-browser-${process.pid}`);
      const script = await bundleReader(outDir);
      // Chromium's profile and caches go under .scratch, not the user's HOME or /tmp (playwright takes os.tmpdir()).
      const home = path.join(outDir, 'home');
      fs.mkdirSync(home, { recursive: true });
      const savedTmpdir = process.env.TMPDIR;
      process.env.TMPDIR = home;
      const browser = await chromium
        .launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], env: { ...process.env, HOME: home, TMPDIR: home } })
        .finally(() => {
          if (savedTmpdir === undefined) delete process.env.TMPDIR;
          else process.env.TMPDIR = savedTmpdir;
        });
      try {
        const page = await browser.newPage();
        await page.setContent('<!doctype html><html><body></body></html>');
        await page.addScriptTag({ content: script });
        const inBrowser = await page.evaluate(
          (files) => {
            const read = (window as unknown as { readXlsx: typeof readXlsx }).readXlsx;
            return Object.fromEntries(
              Object.entries(files).map(([name, bytes]) => [name, read(new Uint8Array(bytes))]),
            );
          },
          Object.fromEntries(Object.entries(inputs).map(([name, bytes]) => [name, Array.from(bytes)])),
        );
        const inNode = Object.fromEntries(Object.entries(inputs).map(([name, bytes]) => [name, readXlsx(bytes)]));
        expect(inBrowser).toEqual(inNode);
        expect(inNode.workbook.ok && inNode.workbook.grids.sheets[0].rows[1][0]).toEqual({ value: 'ligne\r' });
      } finally {
        await browser.close();
        fs.rmSync(outDir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
