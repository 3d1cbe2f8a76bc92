import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import {
  givenTwiceAt,
  holdsKeylessTable,
  holdsReturnedTable,
  isToolSheetName,
  mergeAndWrite,
  readExtractMeta,
  type AmbiguousTake,
  type Issue,
  type MergeReport,
} from '../../app';
import { ExcelErrorBar } from '../common/excel-error-bar';
import { useCellSelection } from '../common/cell-selection';
import { LiveStatus } from '../common/live-status';
import { Section } from '../common/section';
import { useTask } from '../common/use-task';
import { useWorkbookBusy, useWorkbookTask } from '../common/workbook-busy';
import { readPickedXlsx } from '../files/read-picked-xlsx';
import { XlsxFilePicker } from '../files/xlsx-file-picker';
import { messageText } from '../messages';
import { texts } from '../texts';
import { IssueList } from '../validate/issue-list';
import { RefusalBar } from '../validate/refusal-bar';
import type { WorkbookAccess } from '../workbook-access';
import { RewriteNotes } from '../common/rewrite-notes';
import { AmbiguousTakesBar } from './ambiguous-takes-bar';
import { MergePreview } from './merge-preview';
import { chosenAs, conflictId, joinReports, mergeRuns, takeOf, type MergeRun, type PickedSource } from './merge-runs';

const useStyles = makeStyles({
  action: { alignSelf: 'flex-start', maxWidth: '100%' },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
});

/** A picked file: read (its grids and what its `_ctg` says), or why not. */
type Picked = { name: string } & ({ ok: true; source: PickedSource } | { ok: false; message: string });

/**
 * A returned file read; an .ods or .xls is refused by the reader, whose message says how to save it as .xlsx; a file
 * with no table (another workbook, an extract whose axis sheets were deleted) is said so, its partner never asked.
 */
async function readReturned(file: File): Promise<Picked> {
  const read = await readPickedXlsx(file);
  if (!read.ok) return read;
  const meta = readExtractMeta(read.grids);
  // A table whose Clé column was deleted is taken: the merge's preview refuses it by name.
  if (!holdsReturnedTable(read.grids) && !holdsKeylessTable(read.grids)) {
    return { name: read.name, ok: false, message: messageText('merge-no-rows', { extract: meta ? 1 : 0 }) };
  }
  const partner = meta?.partner.trim() || null;
  return {
    name: read.name,
    ok: true,
    source: {
      file: { file: read.name, grids: read.grids, bytes: read.bytes },
      extractPartner: partner,
      typedPartner: '',
    },
  };
}

type Preview = { ok: true; report: MergeReport; runs: MergeRun[] } | { ok: false; issues: Issue[] };
/**
 * Excel failed a later merge of several partners' (each written on its own): `written`, the files of those written
 * before it, which stay.
 */
class LaterMergeFailed extends Error {
  constructor(
    readonly failure: unknown,
    readonly written: readonly string[],
    /** How many merges (one per partner) those were: each is undone on its own. */
    readonly merges: number,
  ) {
    super('A later merge failed');
  }
}

/** The merges of several partners' written before a later one stopped: their files, and how many merges. */
type WrittenBefore = { files: string[]; merges: number };

/**
 * A merge written: its report, when, and what the rewrite of the workbook said of it (RewriteNotes). Refused: why
 * (the workbook's issues, or `ambiguous`: cells the values chosen would each replace the others in), and (`before`)
 * the earlier merges of several partners' that were written and stay.
 */
type Applied =
  | { ok: true; report: MergeReport; at: Date; notes: Issue[]; excelNotes: readonly string[] }
  | { ok: false; issues: Issue[]; ambiguous?: AmbiguousTake[]; before?: WrittenBefore };

/**
 * Merging returned rows (`ctg-suivi merge`): files picked (.xlsx; an .ods or .xls is refused, to be saved as .xlsx)
 * or a sheet of the open workbook holding a pasted table, the partner asked for what does not say it, a dry run
 * listing every change, conflict and refusal, the officer's choice per conflict, then the merge written, each
 * conflict taken only when chosen.
 */
export function MergePanel({
  workbook,
  sheets,
  today,
  onMerged,
}: {
  workbook: WorkbookAccess;
  /** The open workbook's sheets, offered for a pasted table (those not the tool's). */
  sheets: readonly string[];
  today: () => Date;
  /** Told after a merge was written: when, and which files. */
  onMerged: (merge: { at: Date; files: string[] }) => void;
}) {
  const styles = useStyles();
  const introId = useId();
  const [picked, setPicked] = useState<Picked[]>([]);
  const [reading, runReading] = useTask<void>();
  const [sheet, setSheet] = useState('');
  const [sheetPartner, setSheetPartner] = useState('');
  const [preview, runPreview, resetPreview] = useWorkbookTask<Preview>();
  const [applied, runApply, resetApplied] = useWorkbookTask<Applied>();
  const workbookBusy = useWorkbookBusy();
  const [choices, setChoices] = useState<Map<string, 'master' | 'incoming'>>(new Map());
  const [missing, setMissing] = useState<'source' | 'partner' | null>(null);
  const { select, status: selectionStatus } = useCellSelection(workbook);

  // Any change of what is merged makes the preview shown out of date: it goes.
  const sourcesChanged = () => {
    resetPreview();
    resetApplied();
    setChoices(new Map());
    setMissing(null);
  };

  // A merge applied took what was chosen: the next one takes only what the officer chooses for it.
  const forgetSources = () => {
    setPicked([]);
    setSheet('');
    setSheetPartner('');
  };

  const pick = (files: File[]) => {
    sourcesChanged();
    void runReading(async () => {
      const read: Picked[] = [];
      // One at a time: a file is read whole into memory.
      for (const file of files) read.push(await readReturned(file));
      setPicked(read);
    });
  };

  const typePartner = (index: number, partner: string) => {
    sourcesChanged();
    setPicked((current) =>
      current.map((entry, at) =>
        at === index && entry.ok ? { ...entry, source: { ...entry.source, typedPartner: partner } } : entry,
      ),
    );
  };

  const sources = picked.flatMap((entry) => (entry.ok ? [entry.source] : []));
  const pasted = sheet === '' ? null : { name: sheet, partner: sheetPartner };
  // A file picked twice, or a pasted sheet of a file's name: the preview could not tell their values apart.
  const twice = givenTwiceAt(picked.map((entry) => entry.name));
  const sourcesRefused =
    twice !== null
      ? messageText('merge-returned-twice', { file: picked[twice].name })
      : picked.some((entry) => entry.name === sheet)
        ? texts.merge.sheetNamedAsFile(sheet)
        : null;
  // A table is pasted in a sheet of its own, never in one the tool writes.
  const pastable = sheets.filter((name) => !isToolSheetName(name));

  const showPreview = () => {
    if (sourcesRefused !== null) return;
    if (sources.length === 0 && !pasted) return setMissing('source');
    const unnamed = sources.some((source) => !source.extractPartner && source.typedPartner.trim() === '');
    if (unnamed || (pasted && pasted.partner.trim() === '')) return setMissing('partner');
    setMissing(null);
    resetApplied();
    const runs = mergeRuns(sources, pasted);
    void runPreview(async () => {
      const reports: MergeReport[] = [];
      for (const run of runs) {
        const outcome = await mergeAndWrite(workbook, run.files, { ...run, now: today(), dryRun: true });
        if (outcome.status !== 'done') return { ok: false, issues: outcome.issues };
        reports.push(outcome.report);
      }
      const report = joinReports(reports);
      setChoices(new Map(report.conflicts.map((conflict) => [conflictId(conflict), 'master'])));
      return { ok: true, report, runs };
    });
  };

  // One value taken per cell: taking a file's value keeps the others' for that cell.
  const choose = (ids: readonly string[], choice: 'master' | 'incoming') => {
    const conflicts = preview.phase === 'done' && preview.result.ok ? preview.result.report.conflicts : [];
    setChoices((current) => chosenAs(current, conflicts, ids, choice));
  };

  const apply = () => {
    if (preview.phase !== 'done' || !preview.result.ok) return;
    const { runs, report: previewed } = preview.result;
    void runApply(async () => {
      const at = today();
      const reports: MergeReport[] = [];
      const notes: Issue[] = [];
      // What this Excel could not do in each write (the port's notes of its last write), each said once.
      const excelNotes = new Set<string>();
      // A later merge that stops leaves the earlier ones written: they are told as merged, and said.
      const writtenBefore = (): WrittenBefore | null => {
        const merges = reports.filter((report) => report.written);
        if (merges.length === 0) return null;
        const files = merges.flatMap(writtenFiles);
        onMerged({ at, files });
        return { files, merges: merges.length };
      };
      for (const run of runs) {
        const take = takeOf(run, previewed.conflicts, choices);
        const outcome = await mergeAndWrite(workbook, run.files, { ...run, now: at, take, prefer: 'master' }).catch(
          (failure: unknown) => {
            const before = writtenBefore();
            if (!before) throw failure;
            throw new LaterMergeFailed(failure, before.files, before.merges);
          },
        );
        if (outcome.status !== 'done') {
          const before = writtenBefore();
          return { ok: false, issues: outcome.issues, ...(before ? { before } : {}) };
        }
        // Values chosen that one cell would take one after the other: the merge wrote none of them, and says which.
        const { ambiguousTakes } = outcome.report;
        if (ambiguousTakes.length > 0) {
          const before = writtenBefore();
          return { ok: false, issues: [], ambiguous: ambiguousTakes, ...(before ? { before } : {}) };
        }
        reports.push(outcome.report);
        notes.push(...outcome.notes);
        if (outcome.report.written) for (const note of workbook.notes?.() ?? []) excelNotes.add(note);
      }
      const report = joinReports(reports);
      resetPreview();
      forgetSources();
      if (report.written) onMerged({ at, files: writtenFiles(report) });
      return { ok: true, report, at, notes, excelNotes: [...excelNotes] };
    });
  };

  const shown = preview.phase === 'done' && preview.result.ok ? preview.result.report : null;
  // What applying the preview would write: nothing when no value changes the workbook and every conflict is kept.
  const nothingToApply =
    shown && !shown.changes && shown.conflicts.every((conflict) => choices.get(conflictId(conflict)) !== 'incoming')
      ? shown.conflicts.length > 0
        ? texts.merge.nothingToApplyUnlessTaken
        : texts.merge.nothingToApply
      : null;
  const nothingToApplyId = useId();
  const done = applied.phase === 'done' ? applied.result : null;
  // « Appliquer la fusion » goes with the preview once the merge is written: focus, lost with it, comes back to
  // picking the next files, just above the line that says what was merged.
  const pickButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (done?.ok && (document.activeElement === null || document.activeElement === document.body)) {
      pickButton.current?.focus();
    }
  }, [done]);
  const busy = reading.phase === 'running' || workbookBusy;
  const refused =
    done && !done.ok ? done.issues : preview.phase === 'done' && !preview.result.ok ? preview.result.issues : [];
  return (
    <Section title={texts.merge.heading}>
      <Body1 id={introId}>{texts.merge.intro}</Body1>
      <XlsxFilePicker
        label={texts.merge.pick}
        multiple
        busy={busy}
        describedBy={introId}
        buttonRef={pickButton}
        onPick={pick}
      />
      <div className={styles.lines}>
        {picked.map((entry, index) =>
          !entry.ok ? (
            <MessageBar key={index} intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle className={styles.name}>{entry.name}</MessageBarTitle> {entry.message}
              </MessageBarBody>
            </MessageBar>
          ) : entry.source.extractPartner ? (
            <Body1 key={index} className={styles.name}>
              {texts.merge.extractOf(entry.name, entry.source.extractPartner)}
            </Body1>
          ) : (
            <Field key={index} label={texts.merge.partnerLabel(entry.name)} hint={texts.merge.partnerHint} required>
              <Input
                value={entry.source.typedPartner}
                disabled={busy}
                onChange={(_, data) => typePartner(index, data.value)}
              />
            </Field>
          ),
        )}
      </div>
      <Field label={texts.merge.sheetLabel} hint={texts.merge.sheetHint}>
        <Select
          value={sheet}
          disabled={busy}
          onChange={(_, data) => {
            sourcesChanged();
            setSheet(data.value);
          }}
        >
          <option value="">{texts.merge.noSheet}</option>
          {pastable.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      {sheet !== '' && (
        <Field label={texts.merge.partnerLabel(sheet)} required>
          <Input
            value={sheetPartner}
            disabled={busy}
            onChange={(_, data) => {
              sourcesChanged();
              setSheetPartner(data.value);
            }}
          />
        </Field>
      )}
      <Button
        className={styles.action}
        appearance={shown ? 'secondary' : 'primary'}
        disabledFocusable={busy}
        onClick={showPreview}
      >
        {texts.merge.preview}
      </Button>
      <LiveStatus className={styles.lines}>
        {reading.phase === 'running' && (
          <Field validationMessage={texts.merge.reading} validationState="none">
            <ProgressBar aria-label={texts.merge.reading} />
          </Field>
        )}
        {sourcesRefused !== null && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{sourcesRefused}</MessageBarBody>
          </MessageBar>
        )}
        {missing === 'source' && <Body1>{texts.merge.needSource}</Body1>}
        {missing === 'partner' && <Body1>{texts.merge.needPartner}</Body1>}
        {preview.phase === 'running' && (
          <Field validationMessage={texts.merge.previewing} validationState="none">
            <ProgressBar aria-label={texts.merge.previewing} />
          </Field>
        )}
        {preview.phase === 'failed' && <ExcelErrorBar error={preview.error} />}
        {preview.phase === 'done' && !preview.result.ok && (
          <RefusalBar title={texts.merge.refused} issues={preview.result.issues} />
        )}
        {shown && (
          <Body1>
            {texts.merge.counts(
              shown.applied.length,
              shown.contributed.length,
              shown.conflicts.length,
              shown.rejected.length,
              shown.unchanged,
              shown.confirmed,
            )}
          </Body1>
        )}
        {applied.phase === 'running' && (
          <Field validationMessage={texts.merge.applying} validationState="none">
            <ProgressBar aria-label={texts.merge.applying} />
          </Field>
        )}
        {applied.phase === 'failed' &&
          (applied.error instanceof LaterMergeFailed ? (
            <ExcelErrorBar
              error={applied.error.failure}
              before={texts.merge.partlyWritten(applied.error.written, applied.error.merges)}
              rest={texts.merge.restOfMerge}
            />
          ) : (
            <ExcelErrorBar error={applied.error} />
          ))}
        {done && !done.ok && !done.ambiguous && <RefusalBar title={refusalTitle(done.before)} issues={done.issues} />}
        {done && !done.ok && done.ambiguous && (
          <AmbiguousTakesBar title={refusalTitle(done.before)} cells={done.ambiguous} />
        )}
        {done?.ok && (
          <MessageBar intent={done.report.written ? 'success' : 'info'} layout="multiline">
            <MessageBarBody>
              {!done.report.written
                ? texts.merge.nothing
                : done.report.applied.length > 0
                  ? texts.merge.applied(done.report.applied.length)
                  : texts.merge.keptOnly}
            </MessageBarBody>
          </MessageBar>
        )}
        {done?.ok && <RewriteNotes notes={done.notes} excelNotes={done.excelNotes} />}
        {selectionStatus}
      </LiveStatus>
      {/* What refused the merge, listed and linked as « Vérifier le classeur » lists it. */}
      {refused.length > 0 && (
        <IssueList issues={refused} presentSheets={sheets} onSelect={select} label={texts.followUp.refusedListLabel} />
      )}
      {shown && (
        <>
          <MergePreview report={shown} choices={choices} onChoose={choose} onSelect={select} disabled={busy} />
          {nothingToApply && <Body1 id={nothingToApplyId}>{nothingToApply}</Body1>}
          {/* Kept in the tab order when there is nothing to apply, described by the line that says why. */}
          <Button
            className={styles.action}
            appearance={nothingToApply ? 'secondary' : 'primary'}
            disabledFocusable={busy || nothingToApply !== null}
            aria-describedby={nothingToApply ? nothingToApplyId : undefined}
            onClick={apply}
          >
            {texts.merge.apply}
          </Button>
        </>
      )}
      {done?.ok && done.report.written && <MergePreview report={done.report} onSelect={select} />}
    </Section>
  );
}

/** What leads the reasons a merge was refused: that nothing was written, or which earlier merges were. */
function refusalTitle(before: WrittenBefore | undefined): string {
  return before ? texts.merge.partlyRefused(before.files, before.merges) : texts.merge.refused;
}

/** The files a merge wrote (those it merged for a partner). */
function writtenFiles(report: MergeReport): string[] {
  return report.written ? report.sources.filter((source) => source.partner).map((source) => source.source) : [];
}
