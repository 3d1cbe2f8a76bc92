import { conventionAhead, hasBegun, parseTypedQuarter, quarterFirstDay, quarterLabel } from '../../app';
import { texts } from '../texts';

/**
 * Why the workbook's quarter cannot be closed yet: it begins after today, and its snapshot would be today's fiche
 * states, another quarter's (the same rule and facts as the closing's refusal, `quarter-not-begun`); else null.
 * Before the convention begins, the way back names its first quarter, as the command line does.
 */
export function notBegunWhy(quarter: string, period: { start: string; end: string }, today: Date): string | null {
  const parsed = parseTypedQuarter(quarter);
  if (!parsed || hasBegun(parsed, today)) return null;
  const ahead = conventionAhead(period, today);
  const first = ahead ? { quarter: quarterLabel(ahead), startsOn: quarterFirstDay(ahead) } : null;
  return texts.followUp.closeNotBegun(quarterLabel(parsed), quarterFirstDay(parsed), first);
}
