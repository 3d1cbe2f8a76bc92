import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  tokens,
} from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import {
  distinctExtractFileNames,
  extractWorkbook,
  extractWarnings,
  loadValidState,
  recipientsOfWorkbook,
  type Issue,
  type Recipient,
  type WorkbookExtract,
} from '../../app';
import type { ExcelFileActions } from '../../excel';
import { ExcelErrorBar } from '../common/excel-error-bar';
import { useCellSelection } from '../common/cell-selection';
import { LiveStatus } from '../common/live-status';
import { Section } from '../common/section';
import { useWorkbookBusy, useWorkbookTask } from '../common/workbook-busy';
import type { ProducedFile } from '../files/file-output';
import { loadXlsxWriter } from '../files/xlsx-modules';
import { texts } from '../texts';
import { IssueList } from '../validate/issue-list';
import { RefusalBar } from '../validate/refusal-bar';
import type { WorkbookAccess } from '../workbook-access';
import { ExtractOutput } from './extract-output';
import { IssueBar } from '../common/issue-bar';
import { RecipientChoice, recipientId } from './recipient-choice';

const useStyles = makeStyles({
  action: { alignSelf: 'flex-start', maxWidth: '100%' },
  extracts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

type Listing = { ok: true; recipients: Recipient[]; warnings: Issue[] } | { ok: false; issues: Issue[] };

interface Made {
  extracts: { extract: WorkbookExtract; file: ProducedFile }[];
  refused: Issue[];
  /** The ticked recipients the workbook no longer has (changed since the list was shown), by name. */
  gone: string[];
  serial: number;
}

/** The extract's workbook as .xlsx bytes, by the writer of `ctg-suivi extract`. */
async function extractFile(extract: WorkbookExtract): Promise<ProducedFile> {
  const { createXlsxWriterPort } = await loadXlsxWriter();
  let bytes: Uint8Array | null = null;
  await createXlsxWriterPort((written) => void (bytes = written)).write(extract.spec);
  if (!bytes) throw new Error('The writer produced no extract');
  return { name: extract.fileName, bytes };
}

/**
 * Extracts for the partners (`ctg-suivi extract`): the open workbook's recipients listed on demand (the workbook is
 * read whole and checked), ticked, then one file each, with the text of its e-mail. The open workbook is not
 * written.
 */
export function ExtractPanel({
  workbook,
  sheets,
  today,
  files,
}: {
  workbook: WorkbookAccess;
  /** The open workbook's sheets: a refusal's problems link to those still there. */
  sheets: readonly string[];
  today: () => Date;
  files: ExcelFileActions;
}) {
  const styles = useStyles();
  const introId = useId();
  const [listing, runListing] = useWorkbookTask<Listing>();
  const [made, runMaking] = useWorkbookTask<Made>();
  const workbookBusy = useWorkbookBusy();
  const { select, status: selectionStatus } = useCellSelection(workbook);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [asked, setAsked] = useState(false);
  const serial = useRef(0);

  const list = () =>
    void runListing(async () => {
      const now = today();
      const loaded = await loadValidState(workbook, now);
      if (!loaded.ok) return { ok: false, issues: loaded.outcome.issues };
      return { ok: true, recipients: recipientsOfWorkbook(loaded.state), warnings: extractWarnings(loaded.state, now) };
    });

  const make = () => {
    const shown = listing.phase === 'done' && listing.result.ok ? listing.result.recipients : [];
    setAsked(true);
    if (ticked.size === 0) return;
    void runMaking(async () => {
      const now = today();
      // Read again: the extracts hold the workbook as it is now, not as it was when the list was shown.
      const loaded = await loadValidState(workbook, now);
      serial.current += 1;
      if (!loaded.ok) return { extracts: [], refused: loaded.outcome.issues, gone: [], serial: serial.current };
      const wanted = recipientsOfWorkbook(loaded.state).filter((recipient) => ticked.has(recipientId(recipient)));
      const found = new Set(wanted.map(recipientId));
      // Ticked in the list shown, gone from the workbook since: said, not silently skipped.
      const gone = shown.filter(
        (recipient) => ticked.has(recipientId(recipient)) && !found.has(recipientId(recipient)),
      );
      const result: Made = {
        extracts: [],
        refused: [],
        gone: gone.map((recipient) => recipient.name),
        serial: serial.current,
      };
      for (const recipient of wanted) {
        const outcome = await extractWorkbook(loaded.state, recipient, { now });
        if (!outcome.ok) result.refused.push(...outcome.issues);
        else result.extracts.push({ extract: outcome.extract, file: await extractFile(outcome.extract) });
      }
      const names = distinctExtractFileNames(result.extracts.map(({ file }) => file.name));
      // Two recipients whose names differ only by what a file name leaves out still get a file each.
      result.extracts = result.extracts.map((made, index) => ({ ...made, file: { ...made.file, name: names[index] } }));
      return result;
    });
  };

  const found = listing.phase === 'done' ? listing.result : null;
  const ready = made.phase === 'done' ? made.result : null;
  const busy = listing.phase === 'running' || made.phase === 'running' || workbookBusy;
  // The refusal shown last: the extracts' once asked for, else the list's.
  const refused = ready ? ready.refused : found && !found.ok ? found.issues : [];
  return (
    <Section title={texts.extract.heading}>
      <Body1 id={introId}>{texts.extract.intro}</Body1>
      <Button
        className={styles.action}
        appearance={found?.ok ? 'secondary' : 'primary'}
        disabledFocusable={busy}
        aria-describedby={introId}
        onClick={list}
      >
        {texts.extract.list}
      </Button>
      <LiveStatus>
        {listing.phase === 'running' && (
          <Field validationMessage={texts.extract.listing} validationState="none">
            <ProgressBar aria-label={texts.extract.listing} />
          </Field>
        )}
        {listing.phase === 'failed' && <ExcelErrorBar error={listing.error} />}
        {found && !found.ok && <RefusalBar title={texts.extract.refused} issues={found.issues} />}
        {found?.ok && found.recipients.length === 0 && <Body1>{texts.extract.none}</Body1>}
      </LiveStatus>
      {found?.ok && found.warnings.length > 0 && (
        <IssueBar intent="warning" title={texts.extract.warnings} issues={found.warnings} />
      )}
      {found?.ok && found.recipients.length > 0 && (
        <>
          <RecipientChoice recipients={found.recipients} ticked={ticked} onChange={setTicked} disabled={busy} />
          <Button
            className={styles.action}
            appearance={ready ? 'secondary' : 'primary'}
            disabledFocusable={busy}
            onClick={make}
          >
            {texts.extract.make}
          </Button>
        </>
      )}
      <LiveStatus>
        {asked && ticked.size === 0 && made.phase !== 'running' && <Body1>{texts.extract.needOne}</Body1>}
        {made.phase === 'running' && (
          <Field validationMessage={texts.extract.making} validationState="none">
            <ProgressBar aria-label={texts.extract.making} />
          </Field>
        )}
        {made.phase === 'failed' && <ExcelErrorBar error={made.error} />}
        {ready && ready.extracts.length > 0 && <Body1>{texts.extract.made(ready.extracts.length)}</Body1>}
        {ready && ready.gone.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{texts.extract.gone(ready.gone)}</MessageBarBody>
          </MessageBar>
        )}
        {ready && ready.refused.length > 0 && <RefusalBar title={texts.extract.refused} issues={ready.refused} />}
        {selectionStatus}
      </LiveStatus>
      {/* What refused the extracts, listed and linked as « Vérifier le classeur » lists it. */}
      {refused.length > 0 && (
        <IssueList issues={refused} presentSheets={sheets} onSelect={select} label={texts.extract.refusedListLabel} />
      )}
      {ready && ready.extracts.length > 0 && (
        <div className={styles.extracts} key={ready.serial}>
          {ready.extracts.map(({ extract, file }) => (
            <ExtractOutput key={recipientId(extract.recipient)} extract={extract} file={file} actions={files} />
          ))}
        </div>
      )}
    </Section>
  );
}
