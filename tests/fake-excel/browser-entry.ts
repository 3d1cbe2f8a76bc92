import { createFakeExcel, FakeExcelOptions } from './index';

/**
 * Entry for a browser bundle that stands in for office.js in the end-to-end test: served in place of Microsoft's
 * CDN script, it installs `Excel`, `Office` and `OfficeExtension` on `window` and exposes the fake as
 * `window.__fakeExcel` for the test to inspect (`page.evaluate(() => window.__fakeExcel.inspect.snapshotGrid(…))`).
 * Options can be set beforehand in `window.__fakeExcelOptions`.
 */
const host = window as unknown as Record<string, unknown>;
const fake = createFakeExcel((host.__fakeExcelOptions as FakeExcelOptions | undefined) ?? {});
fake.install(host);
host.__fakeExcel = fake;
