import { Body1, Button, Field, makeStyles, ProgressBar } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import { defaultWorkbookFileName, generateWorkbook, type Plan } from '../../app';
import type { ExcelFileActions } from '../../excel';
import { LiveStatus } from '../common/live-status';
import { LoadFailedBar } from '../common/load-failed-bar';
import { Section } from '../common/section';
import { useTask } from '../common/use-task';
import { FileOutput, type ProducedFile } from '../files/file-output';
import { loadXlsxWriter } from '../files/xlsx-modules';
import { texts } from '../texts';

const useStyles = makeStyles({ action: { alignSelf: 'flex-start', maxWidth: '100%' } });

/** The tracking workbook of a plan as .xlsx bytes, by the use case and the writer of `ctg-suivi generate`. */
async function workbookFile(plan: Plan, today: Date): Promise<ProducedFile> {
  const { createXlsxWriterPort } = await loadXlsxWriter();
  let bytes: Uint8Array | null = null;
  await generateWorkbook(
    plan,
    createXlsxWriterPort((written) => void (bytes = written)),
    { today },
  );
  if (!bytes) throw new Error('The writer produced no file');
  return { name: defaultWorkbookFileName(plan), bytes };
}

/**
 * « Créer le classeur en fichier »: the tracking workbook of the chosen plan as a file, named as the command line
 * names it, offered to save or to open in Excel; the open workbook is not touched. `primary`: this panel holds the
 * tab's main action (no open workbook to create it in, or a file ready): the button until the file is made, then
 * its first offered action.
 */
export function FileGeneratePanel({
  plan,
  today,
  files,
  primary,
  onReady,
}: {
  plan: Plan | null;
  today: () => Date;
  files: ExcelFileActions;
  primary: boolean;
  /** Whether a file is ready, told to the pane (which then gives this panel the main action). */
  onReady: (ready: boolean) => void;
}) {
  const styles = useStyles();
  const introId = useId();
  const [state, run] = useTask<{ file: ProducedFile; serial: number }>();
  const ready = state.phase === 'done' ? state.result : null;
  // Each file made gets its output afresh (what was said of the previous one does not stay).
  const made = useRef(0);

  const create = () => {
    if (!plan) return;
    onReady(false);
    void run(async () => {
      const file = await workbookFile(plan, today());
      onReady(true);
      made.current += 1;
      return { file, serial: made.current };
    });
  };

  return (
    <Section title={texts.fileGenerate.heading}>
      <Body1 id={introId}>{texts.fileGenerate.intro}</Body1>
      <Button
        className={styles.action}
        appearance={primary && !ready ? 'primary' : 'secondary'}
        disabled={!plan}
        disabledFocusable={state.phase === 'running'}
        aria-describedby={introId}
        onClick={create}
      >
        {texts.fileGenerate.button}
      </Button>
      <LiveStatus>
        {state.phase === 'running' && (
          <Field validationMessage={texts.fileGenerate.running} validationState="none">
            <ProgressBar aria-label={texts.fileGenerate.running} />
          </Field>
        )}
        {ready && <Body1>{texts.files.produced(ready.file.name)}</Body1>}
        {state.phase === 'failed' && <LoadFailedBar />}
      </LiveStatus>
      {ready && <FileOutput key={ready.serial} file={ready.file} actions={files} primary={primary} />}
    </Section>
  );
}
