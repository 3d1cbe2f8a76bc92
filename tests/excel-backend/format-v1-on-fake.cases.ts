import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import {
  expectMigratedKeepingEverything,
  fixtureBytes,
  FORMAT_V1_FILES,
  FIXTURE_DAY,
  gridsOfBytes,
  issueCounts,
  ISSUES_OF_PREVIOUS_MAIN,
  MIGRATION_SOURCE,
} from '../rewrite/format-v1';
import { portOnFake, WITHOUT_PAYLOAD_LIMITS } from './helpers/run-on-fake';
import { seedFromGrids } from './helpers/seed-from-grids';

/** A format-1 workbook opened in Excel: the add-in's compute migrates it as the command line does. */
describe.each(FORMAT_V1_FILES)('%s open in Excel (fake)', (file) => {
  it('validates as before, and compute migrates it to format 2 with one Journal line, nothing lost', async () => {
    const before = gridsOfBytes(fixtureBytes(file));
    const { fake, port } = portOnFake(WITHOUT_PAYLOAD_LIMITS);
    seedFromGrids(fake, before);
    const seeded = await port.read();
    expect(seeded.sheets.map((sheet) => sheet.name)).toEqual(before.sheets.map((sheet) => sheet.name));
    expect(await issueCounts(seeded)).toEqual({ readable: true, counts: ISSUES_OF_PREVIOUS_MAIN });

    const outcome = await computeAndWrite(port, { now: FIXTURE_DAY });
    expect(outcome.status).toBe('done');
    const after = await port.read();
    const added = expectMigratedKeepingEverything(before, after);
    expect(added.map((line) => line[1])).toEqual([MIGRATION_SOURCE]);
    expect(await issueCounts(after)).toEqual({ readable: true, counts: ISSUES_OF_PREVIOUS_MAIN });
  }, 180_000);
});
