import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { explainExcelError } from '../../excel';
import { texts } from '../texts';

/**
 * An error met while talking to Excel, explained in French with what to do (src/excel's catalogue), then what it
 * left in the open workbook when the back end can tell: nothing changed, put back as it was, or maybe changed; a task
 * that wrote before the failing request says so first (`before`).
 */
export function ExcelErrorBar({
  error,
  before,
}: {
  error: unknown;
  /** What the task had written before the request that failed, said before what the failure left. */
  before?: string;
}) {
  const { message, workbook } = explainExcelError(error);
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
