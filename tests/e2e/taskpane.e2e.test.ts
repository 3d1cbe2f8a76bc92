/**
 * End to end: the production build of the task pane, served over http on 127.0.0.1, in headless Chromium at the
 * width of a narrow task pane (320 px), with the fake Excel bundled and served in place of office.js (Microsoft's
 * CDN request is intercepted). Plan → generate → validate → choose a quarter and compute → close the quarter, by
 * keyboard where a person would use it; the fake workbook, the issue list, the bars, where focus lands and what the
 * live regions said are checked; every state passes axe-core's WCAG 2.1 AA rules; screenshots are left in
 * test-output/ (git-ignored) for a person to look at.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import webpack from 'webpack';
import { zipSync } from 'fflate';
import { defaultWorkbookFileName, embeddedPlan } from '../../src/app';
import { initialCurrentQuarter, quarterLabel } from '../../src/domain/periods';
import { quarterText } from '../../src/taskpane/texts';
import { readXlsx } from '../../src/xlsx/reader';
import { repoRoot, scratchDir, sharedProductionBuild } from '../helpers/build-taskpane';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';

const CHROMIUM = '/usr/bin/chromium';
// The pane's font (Segoe UI) is missing here: Liberation Sans has Arial's widths, near enough to check the layout at
// 320 px; with DejaVu Sans alone, a wider font, the six tabs take three lines.
const PANE_LIKE_FONT = '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PANE_WIDTH = 320;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
        // Kept between runs beside the task pane's (tests/helpers/build-taskpane.ts): unchanged modules are reused.
        cache: {
          type: 'filesystem',
          cacheDirectory: path.join(repoRoot, '.cache', 'webpack'),
          name: 'e2e-fake-excel',
          buildDependencies: { config: [__filename] },
        },
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

/**
 * Logs what the live regions say: each time the text of an element with aria-live or role=status changes, its new
 * text is pushed to window.__announcements (read with `announcements`), as a screen reader would announce it.
 */
const logLiveRegions = `
  window.__announcements = [];
  const watch = () => {
    const last = new Map();
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[aria-live], [role="status"], [role="alert"]')) {
        const text = (region.textContent || '').trim();
        if (text && last.get(region) !== text) window.__announcements.push(text);
        last.set(region, text);
      }
    }).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  };
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', watch) : watch();
`;

async function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __announcements: string[] }).__announcements);
}

const AXE_SCRIPT = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

/** axe-core's WCAG 2.0 and 2.1 A and AA rules on the page as it is: no violation allowed. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  // The state as it settles: a button just enabled fades to its colours (a transition), and its contrast is
  // measured once it has.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => {
      const finite = animation.effect?.getTiming().iterations !== Infinity;
      return !finite || animation.playState !== 'running';
    }),
  );
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    // Excluded: Fluent UI's focus manager (tabster) puts `<i data-tabster-dummy aria-hidden="true" tabindex>`
    // elements around the dialog's focus trap and the tab list: they pass focus on to the next real control and
    // never keep it, so what axe reports on them (aria-hidden-focus) is a known false positive. Nothing else is.
    const result = await axe.run(
      { exclude: [['[data-tabster-dummy]']] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      },
    );
    return result.violations.map((violation) => ({
      rule: violation.id,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  });
  expect({ state, violations }).toEqual({ state, violations: [] });
}

/** The visible buttons drawn as primary (filled with the brand colour of Fluent's light theme, #0f6cbd). */
async function primaryButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((button) => button.offsetParent !== null)
      .filter((button) => getComputedStyle(button).backgroundColor === 'rgb(15, 108, 189)')
      .map((button) => button.textContent?.trim() ?? ''),
  );
}

/** The accessible name (or text) of the focused element. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
  });
}

describe('task pane in headless Chromium', () => {
  itWhenAvailable({ chromium: hasBinary(CHROMIUM), 'fonts-liberation': fs.existsSync(PANE_LIKE_FONT) })(
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
        await page.addInitScript(logLiveRegions);
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
        await runScenario(page, `${server.url}/taskpane.html`).catch(async (error: unknown) => {
          // Where it stopped, for a person to look at.
          await page.screenshot({ path: screenshotPath('taskpane-320-failure.png'), fullPage: true });
          throw error;
        });
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
    600_000,
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
  await page.getByText('Ce classeur n’est pas encore un classeur de suivi CTG', { exact: false }).waitFor();
  // No tracking workbook open: creating one comes first; the consolidation (other files) is offered last.
  const tabs = page.getByRole('tablist', { name: 'Tâches' });
  await expect(tabs.getByRole('tab').allInnerTexts()).resolves.toEqual(['Création', 'Vérification', 'Consolidation']);
  await expect(tabs.getByRole('tab', { selected: true }).innerText()).resolves.toBe('Création');
  await expectAccessible(page, 'start, no tracking workbook');

  // Plan: the embedded one, previewed before anything is written.
  const { plan } = embeddedPlan();
  const fiches = plan.axes.flatMap((axis) => axis.fiches);
  const criteria = fiches.reduce((sum, fiche) => sum + fiche.criteria.length, 0);
  await page.getByRole('radio', { name: /Plan intégré/ }).check();
  await page.getByText(`${plan.axes.length} axes, ${fiches.length} fiches, ${criteria} critères`).waitFor();
  expect(await page.evaluate(() => fakeOf().inspect.sheetNames())).toEqual(['Feuil1']);
  await expectAccessible(page, 'plan chosen');

  // Generate: « Créer » is the one primary button of this state.
  const create = page.getByRole('button', { name: 'Créer le classeur de suivi' });
  await expect(primaryButtons(page)).resolves.toEqual(['Créer le classeur de suivi']);
  await create.click();
  const generateRegion = page.getByRole('region', { name: 'Classeur de suivi' });
  await generateRegion.getByText('Classeur de suivi créé.').waitFor({ timeout: 60_000 });
  const quarter = quarterLabel(initialCurrentQuarter(plan.period, new Date()));
  await expect(generateRegion.getByRole('status').textContent()).resolves.toContain(
    `Trimestre en cours\u00a0: ${quarterText(quarter)}`,
  );

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
  await status.getByText(quarterText(quarter), { exact: true }).waitFor();
  // The quarter's task is offered first now, but the person stays on the summary of what was created.
  await expect(tabs.getByRole('tab').allInnerTexts()).resolves.toEqual([
    'Trimestre',
    'Partenaires',
    'Vérification',
    'Bilans',
    'Création',
    'Consolidation',
  ]);
  await expect(tabs.getByRole('tab', { selected: true }).innerText()).resolves.toBe('Création');
  // At 320 px the six tabs wrap onto two lines at most rather than widening the pane (task-tabs.tsx).
  const tabTops = await tabs
    .getByRole('tab')
    .evaluateAll((found) => found.map((tab) => tab.getBoundingClientRect().top));
  expect(new Set(tabTops).size).toBeLessThanOrEqual(2);
  await expect(primaryButtons(page)).resolves.toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('taskpane-320-start.png') });
  await generateRegion.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('taskpane-320-generated.png') });
  await expectAccessible(page, 'tracking workbook created');
  const workbookFile = await makeFile(page);

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

  // Keyboard: the tabs are reached with Tab and moved along with the arrow keys.
  await tabs.getByRole('tab', { selected: true }).focus();
  // From « Création », past « Bilans ».
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(tabs.getByRole('tab', { selected: true }).innerText()).resolves.toBe('Vérification');
  await page.getByRole('button', { name: 'Vérifier le classeur' }).click();
  const issues = page.getByRole('navigation', { name: 'Problèmes trouvés, par feuille et par fiche' });
  await issues.waitFor({ timeout: 60_000 });
  const validateStatus = page.getByRole('region', { name: 'Vérification du classeur' }).getByRole('status');
  await expect(validateStatus.textContent()).resolves.toMatch(/^1 erreur, \d+ avertissements?$/);
  // Each sheet a fold whose heading counts its problems and errors (the missing values are one line above them):
  // Axe 1 holds the one error, and a list this short is shown unfolded.
  const axisFold = issues.getByRole('button', { name: 'Axe 1 (1 erreur)', exact: true });
  await axisFold.waitFor();
  await expect(axisFold.getAttribute('aria-expanded')).resolves.toBe('true');
  await issues.getByRole('heading', { name: `Fiche ${firstKey}`, exact: true }).waitFor();
  // The current quarter's missing values: one line, that opens on the list.
  const gaps = issues.getByRole('button', { name: /^Valeurs attendues pour .* manquantes\s: \d+ fiches$/ });
  await expect(gaps.getAttribute('aria-expanded')).resolves.toBe('false');
  await page.getByRole('region', { name: 'Vérification du classeur' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('taskpane-320-issues.png') });
  await expectAccessible(page, 'validation listed');
  await gaps.focus();
  await page.keyboard.press('Enter');
  await expect(gaps.getAttribute('aria-expanded')).resolves.toBe('true');
  await expectAccessible(page, 'missing values opened');
  await page.keyboard.press('Enter');

  const errorLink = issues.getByRole('button', { name: `Aller à Axe 1!${badCell}`, exact: true });
  // Keyboard: the issue's link is reached by focus and pressed with Enter; Excel then shows its cell.
  await errorLink.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((cell) => fakeOf().inspect.selection()?.address === cell, badCell);
  expect(await page.evaluate(() => fakeOf().inspect.selection())).toEqual({ sheet: 'Axe 1', address: badCell });
  expect(await page.evaluate(() => fakeOf().inspect.activeSheet())).toBe('Axe 1');
  await status.getByText(/^\d\d\/\d\d\/\d{4} à \d\d:\d\d\s: 1 erreur/).waitFor();
  // At 320 px no word of the status card is cut in two: each word (between spaces or dashes) sits on one line.
  const cutWords = await status.evaluate((region) => {
    const cut: string[] = [];
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of (node.textContent ?? '').matchAll(/[^\s\u00a0\u202f\-–]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) cut.push(word[0]);
      }
    }
    return cut;
  });
  expect(cutWords).toEqual([]);

  // Readable at 320 px: nothing wider than the pane, so no horizontal scrolling.
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  expect(widths.client).toBeLessThanOrEqual(PANE_WIDTH);

  await checkFiles(page, workbookFile);
  await consolidateFiles(page, workbookFile);
  await followUp(page, badCell, quarter);
  await makeBilan(page);
}

/**
 * « Bilans » in Chromium, after the quarter was closed: the final bilan of the open workbook, its summary, and its
 * workbook downloaded under the command line's name.
 */
async function makeBilan(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Bilans' }).click();
  const region = page.getByRole('region', { name: 'Bilan de la convention' });
  await expect(primaryButtons(page)).resolves.toEqual(['Créer le bilan']);
  await region.getByRole('radio', { name: 'Final (toute la convention)' }).check();
  await region.getByRole('button', { name: 'Créer le bilan' }).click();
  const said = region.getByRole('status').first();
  await said.getByText(/^Bilan prêt\s: Bilan final – /).waitFor({ timeout: 60_000 });
  await region
    .getByRole('list', { name: 'Chiffres de la période' })
    .getByText(/^Ensemble du plan /)
    .waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    region.getByRole('button', { name: 'Enregistrer' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^bilan-final-.+\.xlsx$/);
  const read = readXlsx(fs.readFileSync(await download.path()));
  expect(read.ok && read.grids.sheets.map((sheet) => sheet.name)).toEqual(['Synthèse', 'Fiches', 'Compétences AO']);
  await region.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('taskpane-320-bilan.png') });
  await expectAccessible(page, 'bilan made');
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/**
 * « Créer le classeur en fichier » by keyboard: the file is then the tab's main action; « Enregistrer » downloads it
 * under the command line's name, « Ouvrir dans Excel » hands the same bytes to Excel.createWorkbook. Returns them.
 */
async function makeFile(page: Page): Promise<Buffer> {
  const region = page.getByRole('region', { name: 'Classeur en fichier' });
  await region.getByRole('button', { name: 'Créer le classeur en fichier' }).focus();
  await page.keyboard.press('Enter');
  const name = defaultWorkbookFileName(embeddedPlan().plan);
  const ready = region.getByRole('status').getByText(/^Fichier prêt\s:/);
  await ready.waitFor({ timeout: 60_000 });
  await expect(ready.innerText()).resolves.toContain(name);
  await expect(primaryButtons(page)).resolves.toEqual(['Enregistrer']);
  const save = region.getByRole('button', { name: 'Enregistrer' });
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  expect(download.suggestedFilename()).toBe(name);
  const bytes = fs.readFileSync(await download.path());
  const read = readXlsx(bytes);
  expect(read.ok && read.grids.sheets.map((sheet) => sheet.name)).toEqual(
    expect.arrayContaining(['Paramètres', 'Axe 1', '_ctg']),
  );
  await region.getByRole('button', { name: 'Ouvrir dans Excel' }).click();
  await region.getByText(/nouvelle fenêtre d’Excel/).waitFor();
  expect(await page.evaluate(() => fakeOf().createdWorkbooks())).toEqual([bytes.toString('base64')]);
  await region.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('taskpane-320-file.png') });
  await expectAccessible(page, 'file made, saved and opened in Excel');
  return bytes;
}

/**
 * « Vérifier un fichier… » by keyboard opens the system's dialog for several .xlsx files: the file just made and an
 * .ods are checked, one report each, without a link (they are not open).
 */
async function checkFiles(page: Page, workbookFile: Buffer): Promise<void> {
  const region = page.getByRole('region', { name: 'Vérification d’un fichier' });
  const button = region.getByRole('button', { name: 'Vérifier un fichier…' });
  // The wait starts first, and round trips pass before the key: Playwright turns on the dialog's interception
  // without waiting for Chromium to take it, so a key sent at once can open the dialog before it is intercepted
  // (seen once on a loaded machine, the event never came).
  const chooserOpened = page.waitForEvent('filechooser');
  await button.focus();
  await expect(button.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press('Enter');
  const chooser = await chooserOpened;
  expect(chooser.isMultiple()).toBe(true);
  const ods = Buffer.from(
    zipSync({ mimetype: new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet') }),
  );
  await chooser.setFiles([
    { name: 'retour-partenaire.xlsx', mimeType: XLSX_TYPE, buffer: workbookFile },
    { name: 'tableau.ods', mimeType: 'application/vnd.oasis.opendocument.spreadsheet', buffer: ods },
  ]);
  const report = region.getByRole('article', { name: 'retour-partenaire.xlsx' });
  await region.getByRole('article', { name: 'tableau.ods' }).waitFor({ timeout: 60_000 });
  // One line said per file: the fresh workbook has no error (the quarter's missing values are warnings).
  await expect(region.getByRole('status').innerText()).resolves.toMatch(
    /^retour-partenaire\.xlsx\s: (0 erreur, \d+ avertissements?|aucun problème trouvé, le classeur est conforme\.)\ntableau\.ods\s: le fichier ne peut pas être vérifié\.$/,
  );
  await expect(report.getByRole('button', { name: /^Aller à/ }).count()).resolves.toBe(0);
  await region
    .getByRole('article', { name: 'tableau.ods' })
    .getByText(/pas un classeur Excel \(\.xlsx\)/)
    .waitFor();
  await region.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('taskpane-320-files-checked.png') });
  await expectAccessible(page, 'files checked');
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/**
 * « Consolidation » in Chromium, on the production build: the workbook just made picked under two names (one
 * territory twice) with a damaged copy, the bar while they are read, the summary, and the consolidation workbook
 * downloaded under the day's name.
 */
async function consolidateFiles(page: Page, workbookFile: Buffer): Promise<void> {
  await page.getByRole('tab', { name: 'Consolidation' }).click();
  const region = page.getByRole('region', { name: 'Consolidation des territoires' });
  await expect(primaryButtons(page)).resolves.toEqual(['Consolider']);
  const chooserOpened = page.waitForEvent('filechooser');
  await region.getByRole('button', { name: 'Choisir les classeurs…' }).click();
  const chooser = await chooserOpened;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles([
    { name: 'territoire-a.xlsx', mimeType: XLSX_TYPE, buffer: workbookFile },
    { name: 'territoire-b.xlsx', mimeType: XLSX_TYPE, buffer: workbookFile },
    { name: 'abime.xlsx', mimeType: XLSX_TYPE, buffer: workbookFile.subarray(0, 600) },
  ]);
  await region.getByText(/^3 fichiers choisis\s:/).waitFor();
  await region.getByRole('button', { name: 'Consolider' }).click();
  const said = region.getByRole('status').first();
  await said.getByText(/^Consolidation terminée\s: 1 territoire, 1 fichier écarté\.$/).waitFor({ timeout: 60_000 });
  await region.getByRole('list', { name: 'Doublons (1)' }).waitFor();
  await region
    .getByRole('list', { name: 'Fichiers écartés (1)' })
    .getByText(/^abime\.xlsx\s:/)
    .waitFor();
  const save = region.getByRole('button', { name: 'Enregistrer' });
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  expect(download.suggestedFilename()).toMatch(/^consolidation-ctg-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const read = readXlsx(fs.readFileSync(await download.path()));
  expect(read.ok && read.grids.sheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Territoires']));
  await region.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('taskpane-320-consolidation.png') });
  await expectAccessible(page, 'files consolidated');
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/**
 * The quarter's task: the error fixed, another quarter chosen in the list, « Calculer » makes it current, says the
 * figures and shows the bars; that quarter, after today's, is not offered to close; today's put back, « Relire le
 * classeur » and the closing dialog leave focus where it was, and closing it before its end says so.
 */
async function followUp(page: Page, badCell: string, quarter: string): Promise<void> {
  // Nothing returned: the seeder holds the whole workbook, which Playwright would copy out of the page (half a minute).
  await page.evaluate((cell) => {
    fakeOf().seed.sheet('Axe 1', [[50]], cell);
  }, badCell);
  await page.getByRole('tab', { name: 'Trimestre' }).click();
  const region = page.getByRole('region', { name: 'Suivi du trimestre' });
  await region.scrollIntoViewIfNeeded();
  const list = region.getByRole('combobox', { name: 'Trimestre en cours' });
  await expect(list.inputValue()).resolves.toBe(quarter);
  const next = await list.evaluate((select: HTMLSelectElement, current) => {
    const values = [...select.options].map((option) => option.value);
    return values[values.indexOf(current) + 1];
  }, quarter);
  await list.selectOption(next);
  await region
    .getByText(`Le trimestre en cours passera de ${quarterText(quarter)} à ${quarterText(next)}`, { exact: false })
    .waitFor();
  const closeButton = region.getByRole('button', { name: 'Clôturer le trimestre' });
  await expect(closeButton.getAttribute('aria-disabled')).resolves.toBe('true');
  await expect(primaryButtons(page)).resolves.toEqual(['Calculer']);
  await expectAccessible(page, 'quarter chosen');

  const said = (await announcements(page)).length;
  await region.getByRole('button', { name: 'Calculer' }).focus();
  await page.keyboard.press('Enter');
  const sentence = region.getByRole('status').getByText(/ensemble du plan/);
  await sentence.waitFor({ timeout: 60_000 });
  expect(await page.evaluate(() => fakeOf().inspect.values('Paramètres', 'B9')[0][0])).toBe(next);
  const { plan } = embeddedPlan();
  await expect(region.getByRole('progressbar').count()).resolves.toBe(plan.axes.length + 1);
  // What the live regions said, in order: « Calcul en cours… », then the figures in a sentence.
  const log = (await announcements(page)).slice(said);
  const running = log.findIndex((text) => text.includes('Calcul en cours…'));
  const figures = log.findIndex((text) =>
    /Taux de renseignement cumulés à .*ensemble du plan à \d+(,\d)?\s%.*axe 13 à \d+(,\d)?\s%/.test(text),
  );
  expect({ log, running: running >= 0, after: figures > running }).toEqual({ log, running: true, after: true });
  // Focus stayed on « Calculer ».
  await expect(focused(page)).resolves.toBe('Calculer');
  // Each axis's % beside its name, each bar with its value as text.
  await region.getByText(new RegExp(`^Axe 13 – .*\\s: \\d+(,\\d)?\\s%$`)).waitFor();
  const valueTexts = await region
    .getByRole('progressbar')
    .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('aria-valuetext')));
  expect(valueTexts.every((text) => /^Renseignement cumulé (\d+(,\d)?\s%|non calculé)$/.test(text ?? ''))).toBe(true);
  // The list follows the workbook once its status is read again; closing is then offered for that quarter.
  await page.waitForFunction(
    (expected) => (document.querySelector('select') as HTMLSelectElement | null)?.value === expected,
    next,
  );
  // That quarter begins after today: closing it would keep today's fiche states as its own, so it is not offered,
  // and the why beside the button says when it begins.
  await expect(closeButton.getAttribute('aria-disabled')).resolves.toBe('true');
  const why = await closeButton.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${why}"]`).textContent()).resolves.toContain(
    `${quarterText(next)} ne commence que le`,
  );
  await page.screenshot({ path: screenshotPath('taskpane-320-follow-up.png') });
  await expectAccessible(page, 'figures computed');
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);

  // Today's quarter put back in the list and made current again by « Calculer »: a quarter under way, which closing
  // is offered for once the list and the workbook agree.
  await list.selectOption(quarter);
  await region.getByRole('button', { name: 'Calculer' }).click();
  await region
    .getByRole('status')
    .getByText(new RegExp(`cumulés à ${quarterText(quarter)}.*ensemble du plan`))
    .waitFor({ timeout: 60_000 });
  expect(await page.evaluate(() => fakeOf().inspect.values('Paramètres', 'B9')[0][0])).toBe(quarter);

  // « Relire le classeur »: focus stays on it while and after the workbook is read again.
  const refresh = page.getByRole('button', { name: 'Relire le classeur' });
  await refresh.focus();
  await page.keyboard.press('Enter');
  await page
    .getByRole('region', { name: 'Classeur ouvert' })
    .getByText(quarterText(quarter), { exact: true })
    .waitFor();
  await page.waitForFunction(() => !document.body.textContent?.includes('Lecture du classeur…'));
  await expect(focused(page)).resolves.toBe('Relire le classeur');
  await expect(closeButton.getAttribute('aria-disabled')).resolves.toBe(null);

  // The closing dialog: opens on « Annuler », described by its text; Escape brings focus back to the button.
  await closeButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', {
    name: new RegExp(`^Clôturer le trimestre ${quarterText(quarter)}\\s\\?$`),
  });
  await dialog.waitFor();
  await expect(focused(page)).resolves.toBe('Annuler');
  const describedBy = await dialog.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toContain('Historique');
  // The dialog fades in: its picture is taken once it is opaque, as a person sees it.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  await page.screenshot({ path: screenshotPath('taskpane-320-close-dialog.png') });
  await expectAccessible(page, 'closing dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await expect(focused(page)).resolves.toBe('Clôturer le trimestre');

  // Confirmed by keyboard: the quarter is closed and focus is back on « Clôturer le trimestre ».
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.keyboard.press('Tab');
  // Today's quarter has not ended: the action says it closes before its end.
  await expect(focused(page)).resolves.toBe('Clôturer avant la fin');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await region
    .getByRole('status')
    .getByText(/^Trimestre .* clôturé/)
    .waitFor({ timeout: 60_000 });
  // Closed before its end: the note after it says so, as the dialog did.
  await region
    .getByRole('status')
    .getByText(/ne se termine que le .* il est clôturé avant sa fin/)
    .waitFor();
  await expect(focused(page)).resolves.toBe('Clôturer le trimestre');
  await expectAccessible(page, 'quarter closed');
}
