import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Issue } from '../../app';
import { texts } from '../texts';

const countOf = (issues: readonly Issue[], severity: Issue['severity']) =>
  issues.filter((issue) => issue.severity === severity).length;

/**
 * Why an action did nothing, in a live region: its title and how many problems, which an `IssueList` beside it lists
 * with their links. A screen reader announces the counts, not hundreds of problems.
 */
export function RefusalBar({ title, issues }: { title: string; issues: readonly Issue[] }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {texts.followUp.refusedCounts(countOf(issues, 'error'), countOf(issues, 'warning'))}
      </MessageBarBody>
    </MessageBar>
  );
}
