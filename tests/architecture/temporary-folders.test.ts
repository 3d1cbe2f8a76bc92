/**
 * A test run leaves nothing in the system's temporary folder: the suites' folders (`os.tmpdir()`) are made inside
 * the run's own folder, which global-teardown.ts removes (tests/global-setup.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

describe('temporary folders of a test run', () => {
  it('are made inside the run folder that the teardown removes', () => {
    const runDir = process.env.CTG_TEST_RUN_DIR;
    expect(runDir).toBeDefined();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ctg-temporary-'));
    expect(path.relative(runDir as string, folder).startsWith('..')).toBe(false);
    expect(fs.existsSync(folder)).toBe(true);
  });
});
