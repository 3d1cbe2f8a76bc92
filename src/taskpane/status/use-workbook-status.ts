import { useEffect, useState } from 'react';
import type { WorkbookAccess } from '../workbook-access';
import { workbookStatusOf, type WorkbookStatus } from './workbook-status';

export type StatusReading =
  { phase: 'loading' } | { phase: 'read'; status: WorkbookStatus } | { phase: 'failed'; error: unknown };

/**
 * The open workbook's status, read again whenever `version` changes (after a generation, on request). While a
 * read is under way the previous version's answer is not shown.
 */
export function useWorkbookStatus(workbook: WorkbookAccess | null, version: number): StatusReading {
  const [answer, setAnswer] = useState<{ version: number; reading: StatusReading } | null>(null);
  useEffect(() => {
    if (!workbook) return;
    let current = true;
    workbook
      .read()
      .then(workbookStatusOf)
      .then(
        (status) => current && setAnswer({ version, reading: { phase: 'read', status } }),
        (error: unknown) => current && setAnswer({ version, reading: { phase: 'failed', error } }),
      );
    return () => {
      current = false;
    };
  }, [workbook, version]);
  return answer && answer.version === version ? answer.reading : { phase: 'loading' };
}
