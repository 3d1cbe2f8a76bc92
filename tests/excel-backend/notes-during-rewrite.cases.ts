import { regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { explainExcelError } from '../../src/excel';
import type { FakeExcel } from '../fake-excel';
import type { ExcelPort } from '../../src/excel';
import { samplePlan, samplePlanWithFicheBeforeG2 } from '../layout/helpers/sample-plan';
import { generateOnFake, WITHOUT_PAYLOAD_LIMITS } from './helpers/run-on-fake';

/**
 * A regeneration that rebuilds the axis sheets writes back, on the new sheets, the notes and comments its read found;
 * the old sheets go, and Excel deletes theirs with them. One a person adds (or rewrites) between the read and the
 * switch would go unseen with them: the rewrite stops before the switch, names the sheet, and keeps the workbook as
 * the person left it (tests/excel-backend/edits-during-rewrite.cases.ts does the same for cells).
 */
const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const AXIS = 'Axe 1';
/** Difficultés of G2-QN2, a row the amended plan moves two rows down. */
const CELL = 'O10';

let fake: FakeExcel;
let port: ExcelPort;
let restore: () => void;

describe('notes-during-rewrite', () => {
  beforeAll(async () => {
    ({ fake, port } = await generateOnFake(samplePlan(), today, { ...WITHOUT_PAYLOAD_LIMITS, apiVersion: '1.18' }));
    restore = fake.checkpoint();
  }, 60_000);

  afterEach(() => {
    fake.personEdits.clear();
    fake.setResponsePayloadLimit(Number.POSITIVE_INFINITY);
  });

  /** The regeneration; `onWrite` is called when its read is done and its write starts. */
  async function regeneration(
    onWrite: () => void = () => undefined,
  ): Promise<{ error: unknown; status: string | null }> {
    const writing: ExcelPort = {
      ...port,
      write: (spec, context) => {
        onWrite();
        return port.write(spec, context);
      },
    };
    try {
      return {
        error: null,
        status: (await regenerateAndWrite(writing, samplePlanWithFicheBeforeG2(), { now: later })).status,
      };
    } catch (error) {
      return { error, status: null };
    }
  }

  const notesOn = (sheet: string) => fake.inspect.notes(sheet).map((note) => `${note.address} ${note.content}`);
  const newSheetsLeft = () => fake.inspect.sheetNames().filter((name) => name.startsWith('ctg-nouvelle-'));

  /** The rewrite stopped before the switch, saying which sheet and that what the person wrote is kept. */
  function expectStoppedNaming(outcome: { error: unknown }, sheet: string): void {
    expect(outcome.error).toMatchObject({ code: 'EditedDuringRewrite' });
    const { message } = explainExcelError(outcome.error);
    expect(message).toContain(`feuille «\u00a0${sheet}\u00a0»`);
    expect(message).toContain('note ou un commentaire');
    expect(message).toContain('votre saisie est conservée');
    expect(newSheetsLeft()).toEqual([]);
    // Nothing was rebuilt: G2-QN2 is still in its row.
    expect(fake.inspect.values(AXIS, 'A10')).toEqual([['G2-QN2']]);
  }

  describe('a note or a comment a person adds while a regeneration rebuilds the sheets', () => {
    test('a note added between the read and the write: the rewrite stops, naming the sheet; the note is kept', async () => {
      restore();
      // The read is one round trip (no notes to locate): the note lands before the write's first request.
      fake.personEdits.beforeRoundTrip(2, () => fake.seed.note(AXIS, CELL, 'Chiffre de la mairie'));
      const outcome = await regeneration();
      expect(fake.personEdits.pending()).toBe(0);
      expectStoppedNaming(outcome, AXIS);
      expect(notesOn(AXIS)).toEqual([`${CELL} Chiffre de la mairie`]);
    }, 60_000);

    test('a comment added on another sheet the rewrite replaces: the same, naming that sheet', async () => {
      restore();
      fake.personEdits.beforeRoundTrip(2, () => fake.seed.comment('Journal', 'F2', 'À revoir', ['Vu en comité']));
      const outcome = await regeneration();
      expectStoppedNaming(outcome, 'Journal');
      expect(fake.inspect.comments('Journal')).toEqual([
        { address: 'F2', content: 'À revoir', replies: ['Vu en comité'] },
      ]);
    }, 60_000);

    test('a note the read found, its text changed since: the same, the new text kept', async () => {
      restore();
      fake.seed.note(AXIS, CELL, 'Chiffre de la mairie');
      // The read, then the round trip that locates its notes: the edit lands before the write's first request.
      fake.personEdits.beforeRoundTrip(3, () => fake.seed.noteText(AXIS, CELL, 'Chiffre corrigé par la mairie'));
      const outcome = await regeneration();
      expect(fake.personEdits.pending()).toBe(0);
      expectStoppedNaming(outcome, AXIS);
      expect(notesOn(AXIS)).toEqual([`${CELL} Chiffre corrigé par la mairie`]);
    }, 60_000);

    test('the notes the read found, unchanged: the regeneration goes through, each note where its cell went', async () => {
      restore();
      fake.seed.note(AXIS, CELL, 'Chiffre de la mairie');
      fake.stats.reset();
      expect((await regeneration()).status).toBe('done');
      expect(notesOn(AXIS)).toEqual(['O12 Chiffre de la mairie']);
      // The read, its notes' cells, the new sheets with the look at the old ones, the switch: the look at the notes
      // rides in the request that looks at the cells.
      expect(fake.stats.roundTrips).toBe(4);
    }, 60_000);

    test('in a workbook read in bands (Excel on the web, answers too large), the notes looked at on their own', async () => {
      restore();
      // An answer limit below the workbook's size: the read and the look at the old sheets go by bands of rows.
      fake.setResponsePayloadLimit(24 * 1024);
      const outcome = await regeneration(() =>
        fake.personEdits.beforeRoundTrip(1, () => fake.seed.note(AXIS, CELL, 'Chiffre de la mairie')),
      );
      expect(fake.personEdits.pending()).toBe(0);
      expectStoppedNaming(outcome, AXIS);
      expect(notesOn(AXIS)).toEqual([`${CELL} Chiffre de la mairie`]);
      expect(fake.stats.history.some((request) => !request.ok)).toBe(true);
    }, 60_000);

    test('a thread the read found, unchanged, replies and all: the regeneration goes through and keeps them', async () => {
      restore();
      fake.seed.comment(AXIS, CELL, 'À revoir', ['Vu en comité', 'Chiffre confirmé']);
      fake.stats.reset();
      expect((await regeneration()).status).toBe('done');
      expect(fake.inspect.comments(AXIS)).toEqual([
        { address: 'O12', content: 'À revoir', replies: ['Vu en comité', 'Chiffre confirmé'] },
      ]);
      // The read, its notes' cells and replies, the new sheets with the look at the old ones, the look at the threads'
      // replies (one round trip more, only where an old sheet has threads), the switch.
      expect(fake.stats.roundTrips).toBe(5);
    }, 60_000);

    test('a reply added to a thread the read found: the rewrite stops, naming the sheet; the reply is kept', async () => {
      restore();
      fake.seed.comment(AXIS, CELL, 'À revoir', ['Vu en comité']);
      fake.personEdits.beforeRoundTrip(3, () => fake.seed.reply(AXIS, CELL, 'Chiffre corrigé par la mairie'));
      const outcome = await regeneration();
      expect(fake.personEdits.pending()).toBe(0);
      expectStoppedNaming(outcome, AXIS);
      expect(fake.inspect.comments(AXIS)[0].replies).toEqual(['Vu en comité', 'Chiffre corrigé par la mairie']);
    }, 60_000);

    test('a reply rewritten in a thread the read found: the same, the new text kept', async () => {
      restore();
      fake.seed.comment(AXIS, CELL, 'À revoir', ['Vu en comité']);
      fake.personEdits.beforeRoundTrip(3, () => fake.seed.replyText(AXIS, CELL, 0, 'Vu en comité du 3 juin'));
      const outcome = await regeneration();
      expectStoppedNaming(outcome, AXIS);
      expect(fake.inspect.comments(AXIS)[0].replies).toEqual(['Vu en comité du 3 juin']);
    }, 60_000);
  });
});
