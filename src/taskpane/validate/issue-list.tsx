import { Body1Strong, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Issue } from '../../app';
import { texts } from '../texts';
import { groupIssues } from './group-issues';
import { IssueItem } from './issue-item';
import { issueTarget } from './issue-target';
import { QuarterGaps } from './quarter-gaps';

/** Warnings of one kind about the current quarter, one per fiche: summed up in one line rather than listed. */
const summedUpCodes: ReadonlySet<string> = new Set(['incomplete-current-quarter']);

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, minWidth: 0 },
  sheet: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalS,
  },
  heading: { overflowWrap: 'anywhere' },
});

/**
 * The validation's issues: the current quarter's missing values in one line that opens, then the others by sheet and
 * by fiche; every issue with a place in the workbook (`presentSheets`: the sheets it had when checked) has a link that
 * shows it in Excel.
 */
export function IssueList({
  issues,
  presentSheets,
  onSelect,
}: {
  issues: readonly Issue[];
  presentSheets: readonly string[];
  onSelect: (sheet: string, cell: string) => void;
}) {
  const styles = useStyles();
  const present = new Set(presentSheets);
  const gaps = issues.filter((issue) => summedUpCodes.has(issue.code));
  const others = issues.filter((issue) => !summedUpCodes.has(issue.code));
  return (
    <nav aria-label={texts.validate.listLabel}>
      {gaps.length > 0 && <QuarterGaps issues={gaps} presentSheets={present} onSelect={onSelect} />}
      {groupIssues(others).map((sheet) => (
        <div key={sheet.sheet ?? ''} className={styles.sheet}>
          <Subtitle2 as="h3" className={styles.heading}>
            {texts.validate.sheetGroup(sheet.sheet ?? texts.validate.noSheet, sheet.count)}
          </Subtitle2>
          {sheet.fiches.map((fiche) => (
            <div key={fiche.ficheKey ?? ''}>
              {(fiche.ficheKey || sheet.fiches.length > 1) && (
                <Body1Strong as="h4" className={styles.heading}>
                  {fiche.ficheKey ? texts.validate.ficheGroup(fiche.ficheKey) : texts.validate.otherRows}
                </Body1Strong>
              )}
              <ul className={styles.list}>
                {fiche.issues.map((issue, index) => (
                  <li key={index}>
                    <IssueItem issue={issue} target={issueTarget(issue, present)} onSelect={onSelect} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </nav>
  );
}
