import { Body1, Button, Field, makeStyles, ProgressBar, useRestoreFocusTarget } from '@fluentui/react-components';
import { generateWorkbook, regenerateAndWrite, type GenerateSummary, type Plan } from '../../app';
import { ExcelErrorBar } from '../common/excel-error-bar';
import { LiveStatus } from '../common/live-status';
import { Section } from '../common/section';
import { useWorkbookBusy, useWorkbookTask } from '../common/workbook-busy';
import { readWorkbookStatus } from '../status/workbook-status';
import { texts } from '../texts';
import type { WorkbookAccess } from '../workbook-access';
import { GenerateSummaryBar } from './generate-summary';
import { RegenerateDialog } from './regenerate-dialog';
import { RegenerateOutcomeBar } from './regenerate-outcome';

/** Rebuilds a tracking workbook from a plan keeping the entered values by key (src/app's regenerateAndWrite). */
export type RegenerateUseCase = typeof regenerateAndWrite;
type RegenerateOutcome = Awaited<ReturnType<RegenerateUseCase>>;

type Outcome =
  | { kind: 'written'; summary: GenerateSummary; notes: readonly string[] }
  | { kind: 'existing' }
  | { kind: 'rebuilt'; outcome: RegenerateOutcome; notes: readonly string[] };

const useStyles = makeStyles({ action: { alignSelf: 'flex-start', maxWidth: '100%' } });

interface GeneratePanelProps {
  plan: Plan | null;
  workbook: WorkbookAccess | null;
  today: () => Date;
  /** Generating over a tracking workbook; default src/app's regenerateAndWrite (given in tests to watch it). */
  regenerate?: RegenerateUseCase;
  onWritten: () => void;
  /** Whether « Créer » is the pane's main action: not when a tracking workbook is open (then it rebuilds). */
  primary: boolean;
}

/** Step 2: one button that writes the tracking workbook into the open workbook, with progress and a summary. */
export function GeneratePanel({
  plan,
  workbook,
  today,
  regenerate = regenerateAndWrite,
  onWritten,
  primary,
}: GeneratePanelProps) {
  const styles = useStyles();
  const [state, run, reset] = useWorkbookTask<Outcome>();
  const busy = useWorkbookBusy();
  const running = state.phase === 'running';
  // Focus comes back to « Créer » when the dialog it opens (rebuild) closes.
  const restoreFocusHere = useRestoreFocusTarget();

  const written = (summary: GenerateSummary): Outcome => {
    onWritten();
    return { kind: 'written', summary, notes: workbook?.notes?.() ?? [] };
  };

  const create = () => {
    if (!plan || !workbook) return;
    void run(async () => {
      // Asked again at the click: the workbook may have changed since the pane opened.
      const status = await readWorkbookStatus(workbook);
      if (status.kind !== 'none') return { kind: 'existing' };
      return written(await generateWorkbook(plan, workbook, { today: today() }));
    });
  };

  const rebuild = () => {
    if (!plan || !workbook) return;
    void run(async () => {
      const outcome = await regenerate(workbook, plan, { now: today() });
      if (outcome.status === 'done') onWritten();
      return { kind: 'rebuilt', outcome, notes: outcome.status === 'done' ? (workbook.notes?.() ?? []) : [] };
    });
  };

  const existing = state.phase === 'done' && state.result.kind === 'existing';
  return (
    <Section title={texts.generate.heading}>
      {!plan && <Body1>{texts.generate.needPlan}</Body1>}
      <Button
        className={styles.action}
        appearance={primary ? 'primary' : 'secondary'}
        disabled={!plan || !workbook}
        disabledFocusable={busy}
        {...restoreFocusHere}
        onClick={create}
      >
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
        {state.phase === 'done' && state.result.kind === 'rebuilt' && (
          <RegenerateOutcomeBar outcome={state.result.outcome} notes={state.result.notes} />
        )}
        {state.phase === 'failed' && <ExcelErrorBar error={state.error} />}
      </LiveStatus>
      <RegenerateDialog open={existing} onConfirm={rebuild} onCancel={reset} />
    </Section>
  );
}
