/**
 * End to end: the production build of the task pane, served over http on 127.0.0.1, in headless Chromium at the
 * width of a narrow task pane (320 px), with the fake Excel bundled and served in place of office.js (Microsoft's
 * CDN request is intercepted). Plan → generate → validate → choose a quarter and compute, then the fake workbook,
 * the issue list and the bars are checked, and screenshots are left in test-output/ (git-ignored) for a person to
 * look at.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import webpack from 'webpack';
import { embeddedPlan } from '../../src/app';
import { initialCurrentQuarter, quarterLabel } from '../../src/domain/periods';
import { repoRoot, scratchDir, sharedProductionBuild } from '../helpers/build-taskpane';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';

const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PANE_WIDTH = 320;

/** The fake Excel's browser entry, bundled for the page (test-only: never part of dist/). */
function bundleFakeExcel(outDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'development',
        devtool: false,
        target: 'web',
        entry: path.join(repoRoot, 'tests', 'fake-excel', 'browser-entry.ts'),
        output: { path: outDir, filename: 'fake-office.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: 'ts-loader',
              options: { transpileOnly: true, configFile: path.join(repoRoot, 'tsconfig.json') },
            },
          ],
        },
        performance: { hints: false },
      },
      (error, stats) => {
        if (error || !stats || stats.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
        else resolve(fs.readFileSync(path.join(outDir, 'fake-office.js'), 'utf8'));
      },
    );
  });
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.xml': 'application/xml',
  '.png': 'image/png',
};

/** Serves a folder's files on 127.0.0.1 at a free port. */
function serve(folder: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(folder, path.normalize(name).replace(/^([/\\])+/, ''));
    if (!file.startsWith(folder) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * The fake Excel of the page, as its browser entry exposes it. Functions given to page.evaluate run in the page:
 * there `fakeOf` is the global that `definePageHelpers` installs (this declaration only gives it its type).
 */
type PageFake = import('../fake-excel').FakeExcel;
const fakeOf = (): PageFake => (window as unknown as { __fakeExcel: PageFake }).__fakeExcel;
const definePageHelpers = `window.fakeOf = () => window.__fakeExcel;`;

describe('task pane in headless Chromium', () => {
  itWhenAvailable({ chromium: hasBinary(CHROMIUM) })(
    'plan → generate → validate → compute on the fake Excel, readable at 320 px',
    async () => {
      const work = scratchDir('taskpane-e2e');
      // The bundle's test looks at the same build: made once per run (tests/global-setup.ts).
      const [build, fakeScript] = await Promise.all([
        Promise.resolve(sharedProductionBuild()),
        bundleFakeExcel(path.join(work, 'fake')),
      ]);
      if (build.status !== 0) throw new Error(`webpack failed:\n${build.output}`);
      const dist = build.outDir;
      // The fake is not in what is hosted.
      expect(fs.readdirSync(dist).some((file) => file.includes('fake'))).toBe(false);

      const server = await serve(dist);
      // Chromium's profile and caches under .scratch, not HOME or /tmp (playwright takes os.tmpdir()).
      const home = path.join(work, 'home');
      fs.mkdirSync(home, { recursive: true });
      const savedTmpdir = process.env.TMPDIR;
      process.env.TMPDIR = home;
      let context: BrowserContext | null = null;
      try {
        context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
          executablePath: CHROMIUM,
          headless: true,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
          ],
          env: { ...process.env, HOME: home, TMPDIR: home },
          viewport: { width: PANE_WIDTH, height: 900 },
          locale: 'fr-FR',
        });
        const page = await context.newPage();
        await page.addInitScript(definePageHelpers);
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(error.message));
        // office.js from the CDN → the fake; anything else outside 127.0.0.1 is refused (no network in tests).
        await page.route('**/*', (route) => {
          const url = route.request().url();
          if (url === OFFICE_JS)
            return route.fulfill({ status: 200, contentType: 'application/javascript', body: fakeScript });
          if (url.startsWith(server.url)) return route.continue();
          return route.abort();
        });
        await runScenario(page, `${server.url}/taskpane.html`);
        await page.screenshot({ path: screenshotPath('taskpane-320-full.png'), fullPage: true });
        expect(pageErrors).toEqual([]);
      } finally {
        if (savedTmpdir === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = savedTmpdir;
        await context?.close();
        await server.close();
        fs.rmSync(work, { recursive: true, force: true });
      }
    },
    300_000,
  );
});

/** Screenshots go to test-output/ (git-ignored), for a person to look at. */
function screenshotPath(name: string): string {
  const folder = path.join(repoRoot, 'test-output');
  fs.mkdirSync(folder, { recursive: true });
  return path.join(folder, name);
}

async function runScenario(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Suivi CTG' }).waitFor();
  await page.getByText('Ce classeur ne contient pas encore de tableau de suivi CTG', { exact: false }).waitFor();

  // Plan: the embedded one, previewed before anything is written.
  const { plan } = embeddedPlan();
  const fiches = plan.axes.flatMap((axis) => axis.fiches);
  const criteria = fiches.reduce((sum, fiche) => sum + fiche.criteria.length, 0);
  await page.getByRole('radio', { name: /Plan intégré/ }).check();
  await page.getByText(`${plan.axes.length} axes, ${fiches.length} fiches, ${criteria} critères`).waitFor();
  expect(await page.evaluate(() => fakeOf().inspect.sheetNames())).toEqual(['Feuil1']);

  // Generate.
  await page.getByRole('button', { name: 'Créer le classeur de suivi' }).click();
  const generateRegion = page.getByRole('region', { name: '2. Tableau de suivi' });
  await generateRegion.getByText('Tableau de suivi créé.').waitFor({ timeout: 60_000 });
  const quarter = quarterLabel(initialCurrentQuarter(plan.period, new Date()));
  await expect(generateRegion.getByRole('status').textContent()).resolves.toContain(`Trimestre en cours : ${quarter}`);

  const workbook = await page.evaluate(() => ({
    sheets: fakeOf().inspect.sheetNames(),
    axis1Title: fakeOf().inspect.values('Axe 1', 'A1')[0][0],
    ctgHidden: fakeOf().inspect.hidden('_ctg'),
  }));
  expect(workbook.sheets).toEqual(
    expect.arrayContaining(['Paramètres', ...plan.axes.map((axis) => `Axe ${axis.number}`), '_ctg']),
  );
  expect(workbook.axis1Title).toBe(`Axe 1 – ${plan.axes[0].title}`);
  const status = page.getByRole('region', { name: 'Classeur ouvert' });
  await status.getByText(plan.territory).waitFor();
  await status.getByText(quarter, { exact: true }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('taskpane-320-start.png') });
  await generateRegion.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('taskpane-320-generated.png') });

  // An officer types a progress of 150 % on the first fiche: validation must point at it.
  const firstKey = plan.axes[0].fiches[0].key;
  const badCell = await page.evaluate((key) => {
    const fake = fakeOf();
    const grid = fake.inspect.snapshotGrid('Axe 1');
    const text = (row: number, column: number) => String(grid.rows[row]?.[column]?.value ?? '');
    const headerRow = grid.rows.findIndex((row) => row.some((cell) => cell?.value === 'Clé'));
    const keyColumn = grid.rows[headerRow].findIndex((cell) => cell?.value === 'Clé');
    const column = grid.rows[headerRow].findIndex((cell) => cell?.value === 'Avancement (%)');
    const row = grid.rows.findIndex((_, index) => text(index, keyColumn) === key);
    const cell = `${String.fromCharCode(65 + column)}${row + 1}`;
    fake.seed.sheet('Axe 1', [[150]], cell);
    return cell;
  }, firstKey);

  await page.getByRole('button', { name: 'Vérifier le classeur' }).click();
  const issues = page.getByRole('navigation', { name: 'Problèmes trouvés, par feuille et par fiche' });
  await issues.waitFor({ timeout: 60_000 });
  const validateStatus = page.getByRole('region', { name: '3. Vérification' }).getByRole('status');
  await expect(validateStatus.textContent()).resolves.toMatch(/^1 erreur, \d+ avertissements?$/);
  await issues.getByRole('heading', { name: /^Axe 1 \(\d+ problèmes?\)$/ }).waitFor();
  await issues.getByRole('heading', { name: `Fiche ${firstKey}`, exact: true }).waitFor();
  const errorButton = issues.getByRole('button', { name: new RegExp(`^Erreur.*Aller à Axe 1!${badCell}$`) });
  // Keyboard: the issue is a button reached by focus and pressed with Enter; Excel then shows its cell.
  await errorButton.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((cell) => fakeOf().inspect.selection()?.address === cell, badCell);
  expect(await page.evaluate(() => fakeOf().inspect.selection())).toEqual({ sheet: 'Axe 1', address: badCell });
  expect(await page.evaluate(() => fakeOf().inspect.activeSheet())).toBe('Axe 1');
  await status.getByText(/^\d\d\/\d\d\/\d{4} à \d\d:\d\d : 1 erreur/).waitFor();

  // Readable at 320 px: nothing wider than the pane, so no horizontal scrolling.
  await page.getByRole('region', { name: '3. Vérification' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('taskpane-320-issues.png') });
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  expect(widths.client).toBeLessThanOrEqual(PANE_WIDTH);

  await followUp(page, badCell, quarter);
}

/** Step 4: the error fixed, another quarter chosen in the list, « Calculer » makes it current and shows the bars. */
async function followUp(page: Page, badCell: string, quarter: string): Promise<void> {
  await page.evaluate((cell) => fakeOf().seed.sheet('Axe 1', [[50]], cell), badCell);
  const region = page.getByRole('region', { name: '4. Suivi du trimestre' });
  await region.scrollIntoViewIfNeeded();
  const list = region.getByRole('combobox', { name: 'Trimestre en cours' });
  await expect(list.inputValue()).resolves.toBe(quarter);
  const next = await list.evaluate((select: HTMLSelectElement, current) => {
    const values = [...select.options].map((option) => option.value);
    return values[values.indexOf(current) + 1];
  }, quarter);
  await list.selectOption(next);
  await region.getByText(`Le trimestre en cours passera de ${quarter} à ${next}`, { exact: false }).waitFor();
  await expect(region.getByRole('button', { name: 'Clôturer le trimestre' }).isDisabled()).resolves.toBe(true);

  await region.getByRole('button', { name: 'Calculer' }).click();
  await region.getByText(`Taux de renseignement cumulés à ${next}, par axe :`).waitFor({ timeout: 60_000 });
  expect(await page.evaluate(() => fakeOf().inspect.values('Paramètres', 'B9')[0][0])).toBe(next);
  const { plan } = embeddedPlan();
  await expect(region.getByRole('progressbar').count()).resolves.toBe(plan.axes.length + 1);
  // The list follows the workbook once its status is read again; closing is then offered for that quarter.
  await page.waitForFunction(
    (expected) => (document.querySelector('select') as HTMLSelectElement | null)?.value === expected,
    next,
  );
  await expect(region.getByRole('button', { name: 'Clôturer le trimestre' }).isDisabled()).resolves.toBe(false);
  await page.screenshot({ path: screenshotPath('taskpane-320-follow-up.png') });
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}
