import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { texts } from '../texts';
import { useTask, type TaskState } from './use-task';

/**
 * One action on the open workbook at a time, across the tabs. Excel does not lock the workbook while the add-in
 * reads and writes it: a merge undone, a workbook rebuilt or checked while « Calculer » writes would read it half
 * written. So an action that reads or writes it (`useWorkbookTask`) holds the pane while it runs, and the buttons of
 * the others are unavailable meanwhile (`useWorkbookBusy`); actions on files alone stay free.
 */
interface WorkbookBusy {
  /** The tab whose action holds the workbook, or null. */
  holder: string | null;
  /** Takes the workbook for `owner`'s action; false when another holds it (nothing may start). */
  take: (owner: string) => boolean;
  release: () => void;
}

/** Without a provider (a panel rendered alone), nothing is held: each action only waits for its own. */
const BusyContext = createContext<WorkbookBusy>({ holder: null, take: () => true, release: () => undefined });
/** The tab a panel is in (tasks/task-tabs.tsx sets it), named in the line of the tabs that wait. */
const OwnerContext = createContext<string>('');

export function WorkbookBusyProvider({ children }: { children: ReactNode }) {
  const [holder, setHolder] = useState<string | null>(null);
  // Read and set at once: two clicks before React draws again still start one action.
  const held = useRef(false);
  const take = useCallback((owner: string) => {
    if (held.current) return false;
    held.current = true;
    setHolder(owner);
    return true;
  }, []);
  const release = useCallback(() => {
    held.current = false;
    setHolder(null);
  }, []);
  const value = useMemo(() => ({ holder, take, release }), [holder, take, release]);
  return <BusyContext.Provider value={value}>{children}</BusyContext.Provider>;
}

/** Names the tab the panels below are in. */
export function TaskOwner({ task, children }: { task: string; children: ReactNode }) {
  return <OwnerContext.Provider value={task}>{children}</OwnerContext.Provider>;
}

/** Whether an action holds the open workbook (this panel's or another's): start no other meanwhile. */
export function useWorkbookBusy(): boolean {
  return useContext(BusyContext).holder !== null;
}

/** `useTask` for an action that reads or writes the open workbook: it starts only when no other runs. */
export function useWorkbookTask<T>(): [TaskState<T>, (work: () => Promise<T>) => Promise<void>, () => void] {
  const [state, run, reset] = useTask<T>();
  const { take, release } = useContext(BusyContext);
  const owner = useContext(OwnerContext);
  const guarded = useCallback(
    async (work: () => Promise<T>) => {
      if (!take(owner)) return;
      try {
        await run(work);
      } finally {
        release();
      }
    },
    [take, release, owner, run],
  );
  return [state, guarded, reset];
}

/** In a tab other than the one whose action holds the workbook: which tab works, and to wait for it. */
export function BusyElsewhereBar({ task, label }: { task: string; label: (task: string) => string }) {
  const { holder } = useContext(BusyContext);
  if (holder === null || holder === task) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{texts.busyElsewhere(label(holder))}</MessageBarBody>
    </MessageBar>
  );
}
