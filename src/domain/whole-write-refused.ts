/**
 * Thrown by a back end told `patchOnly` (src/app/port.ts, `WriteContext`) when it could only have written the
 * workbook whole: nothing was written. Declared here, not in src/app, so that the back ends, which take only types
 * from src/app, can throw it; src/app/port.ts re-exports it.
 */
export class WholeWriteRefused extends Error {}
