import { useCallback, useState } from 'react';

/** Where an asynchronous action of the pane stands (generate, validate, read a file…). */
export type TaskState<T> =
  { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; result: T } | { phase: 'failed'; error: unknown };

/**
 * Runs one action at a time and keeps its outcome for display. A failure is kept as a value (the pane explains
 * it), never rethrown into React.
 */
export function useTask<T>(): [TaskState<T>, (work: () => Promise<T>) => Promise<void>, () => void] {
  const [state, setState] = useState<TaskState<T>>({ phase: 'idle' });
  const run = useCallback(async (work: () => Promise<T>) => {
    setState({ phase: 'running' });
    try {
      const result = await work();
      setState({ phase: 'done', result });
    } catch (error) {
      // Logged for whoever opens the developer tools; the user reads the French explanation.
      console.error(error);
      setState({ phase: 'failed', error });
    }
  }, []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return [state, run, reset];
}
