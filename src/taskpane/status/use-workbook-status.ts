import { useEffect, useState } from 'react';
import type { WorkbookAccess } from '../workbook-access';
import { readWorkbookStatus, type WorkbookStatus } from './workbook-status';

export type StatusReading =
  { phase: 'loading' } | { phase: 'read'; status: WorkbookStatus } | { phase: 'failed'; error: unknown };

/**
 * The open workbook's status, read again whenever `version` changes (after a generation, on request). While a
 * read is under way `reading` is loading; `lastRead` keeps the previous answer.
 */
export function useWorkbookStatus(
  workbook: WorkbookAccess | null,
  version: number,
): { reading: StatusReading; lastRead: WorkbookStatus | null } {
  const [answer, setAnswer] = useState<{ version: number; reading: StatusReading } | null>(null);
  useEffect(() => {
    if (!workbook) return;
    let current = true;
    readWorkbookStatus(workbook).then(
      (status) => current && setAnswer({ version, reading: { phase: 'read', status } }),
      (error: unknown) => current && setAnswer({ version, reading: { phase: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [workbook, version]);
  const reading: StatusReading = answer && answer.version === version ? answer.reading : { phase: 'loading' };
  // The last status read, kept while the next read is under way (the steps that depend on it stay in place).
  const lastRead = answer?.reading.phase === 'read' ? answer.reading.status : null;
  return { reading, lastRead };
}
