import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { afterColon } from '../../app';
import { explainExcelError } from '../../excel';
import { texts } from '../texts';

/**
 * An error met while talking to Excel, explained in French with what to do (src/excel's catalogue), then what it
 * left in the open workbook when the back end can tell: nothing changed, put back as it was, or maybe changed; a task
 * that wrote before the failing request says so first (`before`), and what the failure left is then said of the rest
 * (`rest`: « Pour la suite de la fusion : le classeur a été remis… »), or not at all when it is not known.
 */
export function ExcelErrorBar({
  error,
  before,
  rest,
}: {
  error: unknown;
  /** What the task had written before the request that failed, said before what the failure left. */
  before?: string;
  /** What the task's part that failed is called, to lead what the failure left of it. */
  rest?: string;
}) {
  const explained = explainExcelError(error);
  const { message } = explained;
  const workbook = explained.workbook && rest ? `${rest}\u00a0: ${afterColon(explained.workbook)}` : explained.workbook;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{texts.excelErrorTitle}</MessageBarTitle>
        {message}
        {before && ` ${before}`}
        {workbook && ` ${workbook}`}
      </MessageBarBody>
    </MessageBar>
  );
}
