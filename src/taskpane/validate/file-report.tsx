import { Body1, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from '@fluentui/react-components';
import type { CheckedExtract, ValidationReport } from '../../app';
import { texts } from '../texts';
import { IssueList } from './issue-list';
import { issueText } from '../messages';
import { CheckedExtractLines } from './checked-extract-lines';

/**
 * One picked file and what its check found: why it could not be read, or the validation's report, with what its
 * `_ctg` says when it is a partner's extract.
 */
export type FileCheck = { name: string } & (
  { ok: false; message: string } | { ok: true; report: ValidationReport; extract: CheckedExtract | null }
);

const useStyles = makeStyles({
  report: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
});

/** The one line said of a file's check (in the panel's live region, one per file). */
export function fileCheckLine(check: FileCheck): string {
  if (!check.ok || !check.report.readable) return texts.fileCheck.unreadable(check.name);
  const { errors, warnings, issues } = check.report;
  return issues.length === 0 ? texts.fileCheck.clean(check.name) : texts.fileCheck.counts(check.name, errors, warnings);
}

/**
 * A file's report, as the pane shows the open workbook's: why it could not be read or checked, or the counts and
 * the issues by sheet and fiche, each saying its sheet and cell (the file is not open: nothing to select). A partner's
 * extract is said to be one first, in the words `ctg-suivi validate` prints (the catalogue's, for the pane).
 */
export function FileReport({ check }: { check: FileCheck }) {
  const styles = useStyles();
  const failure = !check.ok
    ? check.message
    : !check.report.readable
      ? `${texts.validate.unreadable} ${check.report.issues.map((issue) => issueText(issue)).join(' ')}`
      : null;
  return (
    <article className={styles.report} aria-label={check.name}>
      <Subtitle2 as="h3" className={styles.name}>
        {check.name}
      </Subtitle2>
      {check.ok && check.extract && <CheckedExtractLines extract={check.extract} openWorkbook={false} />}
      {failure !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {check.ok && check.report.readable && check.report.issues.length === 0 && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{texts.validate.clean}</MessageBarBody>
        </MessageBar>
      )}
      {check.ok && check.report.readable && check.report.issues.length > 0 && (
        <>
          <Body1>{texts.validate.counts(check.report.errors, check.report.warnings)}</Body1>
          <IssueList
            issues={check.report.issues}
            presentSheets={[]}
            label={texts.fileCheck.listLabel(check.name)}
            headingLevel={4}
          />
        </>
      )}
    </article>
  );
}
