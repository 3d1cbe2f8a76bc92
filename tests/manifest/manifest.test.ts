/**
 * manifest.xml is what an administrator deploys: it must follow Microsoft's schema, ask for the right rights and
 * API level, speak French, and point only at files the build puts in dist/taskpane/ — also once moved to an
 * organisation's address with `--env baseUrl=…`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  buildTaskpane,
  ORGANISATION_BASE_URL,
  repoRoot,
  scratchDir,
  sharedProductionBuild,
} from '../helpers/build-taskpane';
import { hasBinary, itWhenAvailable, manifestSchema } from '../helpers/external-tools';
import { ManifestElement, manifestUrls, readManifestElements } from './manifest-elements';

const manifestFile = path.join(repoRoot, 'manifest.xml');
const schema = manifestSchema();
const itWithXmllint = itWhenAvailable({
  xmllint: hasBinary('xmllint'),
  [`schemas (${schema.file})`]: schema.available,
});
const DEV_BASE = 'https://localhost:3000/';
const scratch = scratchDir('manifest-test');

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function xmllint(file: string) {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema.file, file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const only = (elements: ManifestElement[], name: string) => {
  const found = elements.filter((e) => e.name === name);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('manifest.xml as written', () => {
  const elements = readManifestElements(manifestFile);

  itWithXmllint('follows the Office add-in manifest schema', () => {
    const result = xmllint(manifestFile);
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);
  });

  itWithXmllint('is checked by the schema: a wrong permission is refused', () => {
    const broken = path.join(scratch, 'broken-manifest.xml');
    fs.writeFileSync(broken, fs.readFileSync(manifestFile, 'utf8').replace('ReadWriteDocument', 'ReadWriteAll'));
    expect(xmllint(broken).status).not.toBe(0);
  });

  it('is a French task-pane add-in for Excel workbooks', () => {
    expect(elements[0].name).toBe('OfficeApp');
    expect(elements[0].attributes['xsi:type']).toBe('TaskPaneApp');
    expect(only(elements, 'DefaultLocale').text).toBe('fr-FR');
    expect(only(elements, 'DisplayName').attributes.DefaultValue).toBe('Suivi CTG');
    expect(only(elements, 'ProviderName').text).toBe('Suivi CTG');
    expect(only(elements, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const hosts = elements.filter((e) => e.name === 'Host' && e.path.length === 3);
    expect(hosts.map((h) => h.attributes.Name)).toEqual(['Workbook']);
  });

  it('asks to read and write the document and needs ExcelApi 1.8', () => {
    expect(only(elements, 'Permissions').text).toBe('ReadWriteDocument');
    const sets = elements.filter((e) => e.name === 'Set').map((e) => e.attributes);
    expect(sets).toEqual([{ Name: 'ExcelApi', MinVersion: '1.8' }]);
  });

  it('puts a button opening the task pane in the Home tab', () => {
    const tab = only(elements, 'OfficeTab');
    expect(tab.attributes.id).toBe('TabHome');
    const action = only(elements, 'Action');
    expect(action.attributes['xsi:type']).toBe('ShowTaskpane');
    expect(action.path).toEqual(expect.arrayContaining(['OfficeTab', 'Group', 'Control']));
  });

  it('serves everything from the development server', () => {
    const urls = manifestUrls(elements);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith('https://localhost:3000')).toBe(true);
  });
});

describe('manifest.xml as built for an organisation (--env baseUrl)', () => {
  const baseUrl = ORGANISATION_BASE_URL;
  let outDir: string;
  let elements: ManifestElement[];

  beforeAll(() => {
    // The run's production build is made for that address (given without its trailing slash: the build adds it).
    const build = sharedProductionBuild();
    if (build.status !== 0) throw new Error(`webpack failed:\n${build.output}`);
    outDir = build.outDir;
    elements = readManifestElements(path.join(outDir, 'manifest.xml'));
  }, 600_000);

  it('points every file URL at a file the build emitted', () => {
    const fileUrls = manifestUrls(elements).filter((url) => url !== new URL(baseUrl).origin);
    expect(fileUrls.length).toBeGreaterThan(5);
    const files = new Set(fileUrls.map((url) => url.slice(baseUrl.length)));
    expect([...files].sort()).toEqual([
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-80.png',
      'taskpane.html',
    ]);
    for (const url of fileUrls) {
      expect(url.startsWith(baseUrl)).toBe(true);
      expect(fs.existsSync(path.join(outDir, url.slice(baseUrl.length)))).toBe(true);
    }
  });

  it('leaves no development address and trusts the organisation origin', () => {
    expect(fs.readFileSync(path.join(outDir, 'manifest.xml'), 'utf8')).not.toMatch(/https?:\/\/localhost/);
    expect(only(elements, 'AppDomain').text).toBe('https://intranet.caf.example');
  });

  it('keeps the source manifest pointing at the development server', () => {
    expect(fs.readFileSync(manifestFile, 'utf8')).toContain(`${DEV_BASE}taskpane.html`);
  });

  itWithXmllint('still follows the schema', () => {
    expect(xmllint(path.join(outDir, 'manifest.xml')).status).toBe(0);
  });
});

describe('the build refuses an address Office cannot load', () => {
  it('stops with a French message on an http:// baseUrl', () => {
    const build = buildTaskpane(path.join(scratch, 'http-build'), {
      mode: 'development',
      env: ['baseUrl=http://intranet.example/'],
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('baseUrl doit commencer par https://');
  });
});
