import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  tokens,
} from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Consolidation } from '../../app/consolidate';
import { parseTypedQuarter, type Quarter } from '../../app';
import type { ExcelFileActions } from '../../excel';
import { LiveStatus } from '../common/live-status';
import { LoadFailedBar } from '../common/load-failed-bar';
import { Section } from '../common/section';
import { useTask } from '../common/use-task';
import { FileOutput, type ProducedFile } from '../files/file-output';
import { XlsxFilePicker } from '../files/xlsx-file-picker';
import { texts } from '../texts';
import { consolidatePicked } from './consolidate-picked';
import { consolidationFile } from './consolidation-file';
import { ConsolidationSummary } from './consolidation-summary';

const useStyles = makeStyles({
  action: { alignSelf: 'flex-start', maxWidth: '100%' },
  picked: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** How many picked names are listed before « et N autres ». */
const SHOWN_NAMES = 5;

/** The same file picked twice (two dialogs) is consolidated once. */
const fileId = (file: File) => `${file.name}\u0000${file.size}\u0000${file.lastModified}`;

/** The quarter typed: empty (each file at its own), a quarter, or not one. Dashes copied from a text are hyphens. */
function typedQuarter(text: string): { ok: true; quarter: Quarter | null } | { ok: false } {
  const cleaned = text.trim().replace(/[\u2010\u2011\u2013\u2212]/g, '-');
  if (cleaned === '') return { ok: true, quarter: null };
  const quarter = parseTypedQuarter(cleaned);
  return quarter ? { ok: true, quarter } : { ok: false };
}

interface Outcome {
  consolidation: Consolidation;
  /** null when the workbook could not be made (the summary still stands). */
  file: ProducedFile | null;
  serial: number;
}

/**
 * « Consolidation »: territories' tracking workbooks picked as files (several at once, from several dialogs), read
 * one at a time with a progress line, summed up as `ctg-suivi consolidate` prints them, and the consolidation
 * workbook offered to save or to open in Excel. Nothing open in Excel is read or changed.
 */
export function ConsolidationPanel({ today, files }: { today: () => Date; files: ExcelFileActions }) {
  const styles = useStyles();
  const introId = useId();
  const [picked, setPicked] = useState<File[]>([]);
  const [quarterTyped, setQuarterTyped] = useState('');
  const [quarterRefused, setQuarterRefused] = useState(false);
  const [needFiles, setNeedFiles] = useState(false);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [state, run] = useTask<Outcome>();
  const made = useRef(0);
  const pickButton = useRef<HTMLButtonElement>(null);
  const running = state.phase === 'running';
  const ready = state.phase === 'done' ? state.result : null;

  const pick = (chosen: File[]) => {
    setNeedFiles(false);
    setPicked((before) => {
      const known = new Set(before.map(fileId));
      return [...before, ...chosen.filter((file) => !known.has(fileId(file)))];
    });
  };

  const start = () => {
    if (running) return;
    const quarter = typedQuarter(quarterTyped);
    setQuarterRefused(!quarter.ok);
    setNeedFiles(picked.length === 0);
    if (!quarter.ok || picked.length === 0) return;
    const chosen = picked;
    setProgress({ done: 0, total: chosen.length });
    void run(async () => {
      const now = today();
      const consolidation = await consolidatePicked(chosen, {
        quarter: quarter.quarter,
        today: now,
        // Drawn now, before the next file: React would otherwise batch the steps of files read quickly, and skip them.
        onRead: (done, total) => flushSync(() => setProgress({ done, total })),
      });
      let file: ProducedFile | null = null;
      try {
        // Every file left out: a workbook of no territory would only be saved over a good consolidation.
        if (consolidation.territories.length > 0) file = await consolidationFile(consolidation, now);
      } catch (error) {
        // Logged for whoever opens the developer tools; the pane says the workbook is missing, the summary stays.
        console.error(error);
      }
      made.current += 1;
      return { consolidation, file, serial: made.current };
    });
  };

  const c = texts.consolidation;
  const shown = picked.slice(0, SHOWN_NAMES).map((file) => file.name);
  return (
    <Section title={c.heading}>
      <Body1 id={introId}>{c.intro}</Body1>
      <XlsxFilePicker
        label={c.pick}
        multiple
        busy={running}
        describedBy={introId}
        buttonRef={pickButton}
        onPick={pick}
      />
      {picked.length > 0 && (
        <div className={styles.picked}>
          <Body1>{c.picked(picked.length, shown)}</Body1>
          <Button
            size="small"
            disabledFocusable={running}
            onClick={() => {
              setPicked([]);
              // The button goes with the list: focus, else lost, comes to picking files again.
              pickButton.current?.focus();
            }}
          >
            {c.clear}
          </Button>
        </div>
      )}
      <Field
        label={c.quarterLabel}
        hint={c.quarterHint}
        validationState={quarterRefused ? 'error' : 'none'}
        validationMessage={quarterRefused ? c.badQuarter(quarterTyped.trim()) : undefined}
      >
        <Input
          value={quarterTyped}
          placeholder="AAAA-Tn"
          onChange={(_, data) => {
            setQuarterTyped(data.value);
            setQuarterRefused(false);
          }}
        />
      </Field>
      <Button
        className={styles.action}
        appearance={ready?.file ? 'secondary' : 'primary'}
        disabledFocusable={running}
        aria-describedby={introId}
        onClick={start}
      >
        {c.button}
      </Button>
      <LiveStatus className={styles.status}>
        {needFiles && <Body1>{c.needFiles}</Body1>}
        {running && (
          <Field
            validationMessage={progress.done < progress.total ? c.progress(progress.done, progress.total) : c.writing}
            validationState="none"
          >
            <ProgressBar
              aria-label={c.progress(progress.done, progress.total)}
              value={progress.total > 0 ? progress.done / progress.total : 0}
              max={1}
            />
          </Field>
        )}
        {state.phase === 'failed' && <LoadFailedBar />}
        {ready && <Body1>{c.done(ready.consolidation.territories.length, ready.consolidation.rejected.length)}</Body1>}
        {ready && !ready.file && ready.consolidation.territories.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{c.fileFailed}</MessageBarBody>
          </MessageBar>
        )}
      </LiveStatus>
      {/* Outside the live region: a screen reader announces the line above, not a thousand territories. */}
      {ready && <ConsolidationSummary consolidation={ready.consolidation} />}
      {/* The file after the summary, beside its actions (the live region has said the consolidation is done). */}
      {ready?.file && <Body1>{texts.files.produced(ready.file.name)}</Body1>}
      {ready?.file && <FileOutput key={ready.serial} file={ready.file} actions={files} primary />}
    </Section>
  );
}
