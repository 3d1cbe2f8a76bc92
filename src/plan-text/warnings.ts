import type { PlanWarning } from '../domain/plan';
import type { PlanWarningCode } from '../domain/messages/plan';

type WarningParams = PlanWarning['params'];

/** Collects the defects met while reading; each reader pushes here instead of fixing silently. */
export class WarningSink {
  readonly warnings: PlanWarning[] = [];

  add(code: PlanWarningCode, line: number, params: WarningParams = {}): void {
    this.warnings.push({ code, line, params });
  }

  /** In document order (line 0, not tied to a line, last), stable for equal lines. */
  sorted(): PlanWarning[] {
    return this.warnings
      .map((warning, index) => ({ warning, index }))
      .sort((a, b) => {
        const la = a.warning.line === 0 ? Number.MAX_SAFE_INTEGER : a.warning.line;
        const lb = b.warning.line === 0 ? Number.MAX_SAFE_INTEGER : b.warning.line;
        return la - lb || a.index - b.index;
      })
      .map((entry) => entry.warning);
  }
}
