import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ValidationReport } from '../app';
import { BilanPanel } from './bilan/bilan-panel';
import { Section } from './common/section';
import { ConsolidationPanel } from './consolidation/consolidation-panel';
import { FollowUpPanel } from './follow-up/follow-up-panel';
import type { ExcelFileActions } from '../excel';
import { browserFileActions } from './files/browser-file-actions';
import { FileGeneratePanel } from './generate/file-generate-panel';
import { GeneratePanel, type RegenerateUseCase } from './generate/generate-panel';
import { PartnersTask } from './partners/partners-task';
import { PlanSection } from './plan/plan-section';
import type { PlanChoice } from './plan/plan-source-picker';
import { loadLastValidation, memoryStore, saveLastValidation, type KeyValueStore } from './status/last-validation';
import { useWorkbookStatus } from './status/use-workbook-status';
import { WorkbookBusyProvider } from './common/workbook-busy';
import type { WorkbookStatus } from './status/workbook-status';
import { WorkbookStatusCard } from './status/workbook-status-card';
import { taskOrder, type TaskId } from './tasks/pane-tasks';
import { TaskTabs } from './tasks/task-tabs';
import { texts } from './texts';
import { FileCheckPanel } from './validate/file-check-panel';
import { ValidatePanel } from './validate/validate-panel';
import type { WorkbookAccess } from './workbook-access';

export interface PaneProps {
  /**
   * The open workbook: the Office.js port (the add-in), a port on the fake Excel (tests), or null when the pane
   * runs in a plain browser, without Excel around it.
   */
  workbook: WorkbookAccess | null;
  /** The clock (the current quarter at generation, the lag warning of validation). */
  today?: () => Date;
  /** Where the last validation is remembered; default in memory. */
  store?: KeyValueStore;
  regenerate?: RegenerateUseCase;
  /**
   * What the host lets the pane do with a file it produced (open it in Excel, whether downloads work): src/excel's
   * in the add-in; by default a plain browser's (downloads, no Excel).
   */
  files?: ExcelFileActions;
}

const systemClock = () => new Date();

/**
 * The working part of the task pane: the open workbook's state, then its tasks as tabs — this quarter's work first
 * when a tracking workbook is open, creating one from a plan first otherwise (tasks/pane-tasks.ts). Loaded after the
 * pane's frame (App), with the use cases it calls.
 */
export default function Pane({
  workbook,
  today = systemClock,
  store: givenStore,
  regenerate,
  files = browserFileActions,
}: PaneProps) {
  const store = useMemo(() => givenStore ?? memoryStore(), [givenStore]);
  const [choice, setChoice] = useState<PlanChoice>(null);
  const [statusVersion, setStatusVersion] = useState(0);
  const [validationsSaved, setValidationsSaved] = useState(0);
  const { reading: statusReading, lastRead } = useWorkbookStatus(workbook, statusVersion);
  const refreshStatus = useCallback(() => setStatusVersion((version) => version + 1), []);
  // Writes made by the pane: the validation shown before one of them is marked out of date.
  const [writes, setWrites] = useState(0);
  const onWritten = useCallback(() => {
    setWrites((count) => count + 1);
    refreshStatus();
  }, [refreshStatus]);

  const tracking = lastRead?.kind === 'tracking' ? lastRead : null;
  const fingerprint = tracking?.fingerprint ?? null;
  // `validationsSaved` makes the memo read the store again after a validation.
  const lastValidation = useMemo(
    () => (fingerprint && validationsSaved >= 0 ? loadLastValidation(store, fingerprint) : null),
    [store, fingerprint, validationsSaved],
  );
  const onValidated = useCallback(
    (report: ValidationReport, status: WorkbookStatus) => {
      if (status.kind === 'tracking') {
        const { errors, warnings } = report;
        saveLastValidation(store, status.fingerprint, { at: today().toISOString(), errors, warnings });
        setValidationsSaved((count) => count + 1);
      }
      refreshStatus();
    },
    [store, today, refreshStatus],
  );

  const plan = choice?.kind === 'result' && choice.result.ok ? choice.result.reading.plan : null;
  const order = taskOrder(
    workbook ? (lastRead ?? (statusReading.phase === 'failed' ? 'unknown' : null)) : 'outside-excel',
  );
  // The task the open workbook calls for, until the person picks a tab; creating a tracking workbook keeps them on
  // its summary rather than moving them to the quarter's tab that it makes first.
  const [chosen, setChosen] = useState<TaskId | null>(null);
  const selected = order && chosen && order.includes(chosen) ? chosen : (order?.[0] ?? null);
  // One primary button in the creation tab: creating in the open workbook while it is not a tracking workbook, unless
  // a file was just made (then saving it) or there is no workbook (then making the file).
  const [fileReady, setFileReady] = useState(false);
  const fileIsMain = !workbook || fileReady;
  const onCreated = useCallback(() => {
    setChosen('create');
    onWritten();
  }, [onWritten]);

  const content: Record<TaskId, ReactNode> = {
    quarter: workbook && tracking && (
      <FollowUpPanel
        workbook={workbook}
        quarter={tracking.currentQuarter}
        periodStart={tracking.periodStart}
        periodEnd={tracking.periodEnd}
        sheets={tracking.sheets}
        today={today}
        onWritten={onWritten}
      />
    ),
    partners: workbook && tracking && (
      <PartnersTask workbook={workbook} sheets={tracking.sheets} today={today} files={files} onWritten={onWritten} />
    ),
    bilan: workbook && tracking && (
      <BilanPanel
        workbook={workbook}
        sheets={tracking.sheets}
        periodStart={tracking.periodStart}
        periodEnd={tracking.periodEnd}
        quarter={tracking.currentQuarter}
        today={today}
        files={files}
      />
    ),
    check: (
      <>
        <ValidatePanel workbook={workbook} today={today} onValidated={onValidated} writes={writes} />
        <FileCheckPanel today={today} primary={!workbook} />
      </>
    ),
    create: (
      <>
        <PlanSection choice={choice} onChoice={setChoice} />
        <GeneratePanel
          plan={plan}
          workbook={workbook}
          today={today}
          regenerate={regenerate}
          onWritten={onCreated}
          primary={!tracking && !fileIsMain}
        />
        <FileGeneratePanel plan={plan} today={today} files={files} primary={fileIsMain} onReady={setFileReady} />
      </>
    ),
    consolidate: <ConsolidationPanel today={today} files={files} />,
  };
  return (
    <WorkbookBusyProvider>
      {workbook ? (
        <Section title={texts.status.heading}>
          <WorkbookStatusCard
            reading={statusReading}
            lastRead={lastRead}
            lastValidation={lastValidation}
            onRefresh={refreshStatus}
          />
        </Section>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{texts.outsideOffice}</MessageBarBody>
        </MessageBar>
      )}
      {order && selected && (
        <TaskTabs
          tasks={order.map((id) => ({ id, label: texts.tasks[id], content: content[id] }))}
          selected={selected}
          onSelect={setChosen}
        />
      )}
    </WorkbookBusyProvider>
  );
}
