import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { WorkbookGrids } from '../../../src/domain/grid';
import { cellAddress } from '../../../src/layout/a1';
import { samplePlan } from '../../layout/helpers/sample-plan';
import { editXlsx } from '../../excel-backend/helpers/xlsx-side';
import { filledWorkbook, gridsOf } from '../../xlsx-patch/helpers';
import { locate, sheet, valueAt, type Entry } from '../../rewrite/helpers';
import { runCli } from '../../cli/run-cli';
import { fillExtract, type KeyedEdit } from './returned-extract';

/** The two partners of the sample plan's rounds: the centre social and a commune's town hall. */
export const ROUND_PARTNERS = ['Centre social', 'Mairie de Marlhes'] as const;
export type RoundPartner = (typeof ROUND_PARTNERS)[number];

export interface PartnerRound {
  path(name: string): string;
  /** The master's file, put back as first written before each test. */
  master: string;
  masterGrids(): WorkbookGrids;
  masterValue(key: string, header: string): unknown;
  /** Puts the master back as first written, as before each test. */
  restoreMaster(): void;
  /** The officer's typing in the master's `Axe 1` (null: the cell emptied, as Suppr does). */
  typeInMaster(key: string, header: string, value: string | number | null): Promise<void>;
  /** A partner's extract returned with `edits`, written as `name`; its `_ctg` recipient (B9) retyped if given. */
  returned(partner: RoundPartner, name: string, edits: KeyedEdit[], recipient?: string): Promise<string>;
}

/**
 * A round of partners on the sample plan, for a test file: the master (its « Partenaires » filled by `partners`)
 * written in a temporary folder and each partner's extract made by the command line, once (beforeAll); the master
 * put back before each test (beforeEach).
 */
export function partnerRound(prefix: string, partners: readonly Entry[]): PartnerRound {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const path = (name: string) => join(folder, name);
  const master = path('suivi.xlsx');
  const masterGrids = () => gridsOf(new Uint8Array(readFileSync(master)));
  const extracts = new Map<RoundPartner, Uint8Array>();
  let masterBytes: Uint8Array;

  beforeAll(async () => {
    masterBytes = await filledWorkbook(samplePlan(), partners, new Date('2026-08-10T10:00:00Z'));
    writeFileSync(master, masterBytes);
    for (const partner of ROUND_PARTNERS) {
      const out = path(`extrait-${partner}.xlsx`);
      const run = await runCli(['extract', master, '--partenaire', partner, '-o', out]);
      if (run.code !== 0) throw new Error(run.stderr);
      extracts.set(partner, new Uint8Array(readFileSync(out)));
    }
  }, 60_000);

  const restoreMaster = () => writeFileSync(master, masterBytes);
  beforeEach(restoreMaster);

  return {
    path,
    master,
    masterGrids,
    masterValue: (key, header) => valueAt(masterGrids(), key, header)?.value ?? null,
    restoreMaster,
    async typeInMaster(key, header, value) {
      const bytes = new Uint8Array(readFileSync(master));
      const at = locate(sheet(gridsOf(bytes), 'Axe 1'), key, header)!;
      const edit = { sheet: 'Axe 1', cell: cellAddress(at.row + 1, at.column + 1), value: value as string | number };
      writeFileSync(master, await editXlsx(bytes, [edit]));
    },
    async returned(partner, name, edits, recipient) {
      let bytes = await fillExtract(extracts.get(partner)!, edits);
      if (recipient !== undefined) bytes = await editXlsx(bytes, [{ sheet: '_ctg', cell: 'B9', value: recipient }]);
      writeFileSync(path(name), bytes);
      return path(name);
    },
  };
}
