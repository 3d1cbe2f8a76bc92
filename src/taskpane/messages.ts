import { renderIssueMessageFor, renderMessage, type Issue, type MessageCode, type MessageParams } from '../app';

/**
 * The shared catalogue's messages as the pane shows them: where the pane and the command line do a thing differently,
 * the advice names the pane's buttons and fields, never an option of the command line. The pane renders a message only
 * through these (an ESLint rule keeps `renderMessage` and `renderIssueMessage` out of the rest of src/taskpane).
 */

export function issueText(issue: Issue): string {
  return renderIssueMessageFor('task-pane', issue);
}

export function messageText(code: MessageCode, params: MessageParams = {}): string {
  return renderMessage(code, params, 'task-pane');
}
