import { Body1, Button, Field, makeStyles, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import { generateWorkbook, type GenerateSummary, type Plan } from '../../app';
import { ExcelErrorBar } from '../common/excel-error-bar';
import { LiveStatus } from '../common/live-status';
import { Section } from '../common/section';
import { useTask } from '../common/use-task';
import { workbookStatusOf } from '../status/workbook-status';
import { texts } from '../texts';
import type { WorkbookAccess } from '../workbook-access';
import { GenerateSummaryBar } from './generate-summary';
import { RegenerateDialog } from './regenerate-dialog';

/** Rebuilds a tracking workbook from a plan keeping the entered values by key (a use case of src/app). */
export type RegenerateUseCase = (
  plan: Plan,
  port: WorkbookAccess,
  options: { today: Date },
) => Promise<GenerateSummary>;

type Outcome = { kind: 'written'; summary: GenerateSummary; notes: readonly string[] } | { kind: 'existing' };

const useStyles = makeStyles({ action: { alignSelf: 'flex-start', maxWidth: '100%' } });

interface GeneratePanelProps {
  plan: Plan | null;
  workbook: WorkbookAccess | null;
  today: () => Date;
  /** Absent until src/app has the regenerate use case: generating over a tracking workbook is then refused. */
  regenerate?: RegenerateUseCase;
  onWritten: () => void;
}

/** Step 2: one button that writes the tracking workbook into the open workbook, with progress and a summary. */
export function GeneratePanel({ plan, workbook, today, regenerate, onWritten }: GeneratePanelProps) {
  const styles = useStyles();
  const [state, run, reset] = useTask<Outcome>();
  const running = state.phase === 'running';

  const written = (summary: GenerateSummary): Outcome => {
    onWritten();
    return { kind: 'written', summary, notes: workbook?.notes?.() ?? [] };
  };

  const create = () => {
    if (!plan || !workbook) return;
    void run(async () => {
      // Asked again at the click: the workbook may have changed since the pane opened.
      const status = await workbookStatusOf(await workbook.read());
      if (status.kind !== 'none') return { kind: 'existing' };
      return written(await generateWorkbook(plan, workbook, { today: today() }));
    });
  };

  const rebuild = () => {
    if (!plan || !workbook || !regenerate) return;
    void run(async () => written(await regenerate(plan, workbook, { today: today() })));
  };

  const existing = state.phase === 'done' && state.result.kind === 'existing';
  return (
    <Section title={texts.generate.heading}>
      {!plan && <Body1>{texts.generate.needPlan}</Body1>}
      <Button className={styles.action} appearance="primary" disabled={!plan || !workbook || running} onClick={create}>
        {texts.generate.button}
      </Button>
      <LiveStatus>
        {running && (
          <Field validationMessage={texts.generate.running} validationState="none">
            <ProgressBar aria-label={texts.generate.running} />
          </Field>
        )}
        {state.phase === 'done' && state.result.kind === 'written' && (
          <GenerateSummaryBar summary={state.result.summary} notes={state.result.notes} />
        )}
        {existing && !regenerate && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{texts.generate.regenerateUnavailable}</MessageBarBody>
          </MessageBar>
        )}
        {state.phase === 'failed' && <ExcelErrorBar error={state.error} />}
      </LiveStatus>
      <RegenerateDialog open={existing && regenerate !== undefined} onConfirm={rebuild} onCancel={reset} />
    </Section>
  );
}
