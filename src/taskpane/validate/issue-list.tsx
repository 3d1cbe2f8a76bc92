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
 * by fiche. In the open workbook, every issue with a place in it (`presentSheets`: the sheets it had when checked)
 * has a link that shows it in Excel; in a file (`onSelect` absent), each says its sheet and cell. `headingLevel`: the
 * level of the sheets' headings (the fiches' one below), under the heading the list sits in.
 */
export function IssueList({
  issues,
  presentSheets,
  onSelect,
  label = texts.validate.listLabel,
  headingLevel = 3,
}: {
  issues: readonly Issue[];
  presentSheets: readonly string[];
  onSelect?: (sheet: string, cell: string) => void;
  label?: string;
  headingLevel?: 3 | 4;
}) {
  const styles = useStyles();
  const present = new Set(presentSheets);
  const gaps = issues.filter((issue) => summedUpCodes.has(issue.code));
  const others = issues.filter((issue) => !summedUpCodes.has(issue.code));
  const sheetHeading = headingLevel === 3 ? 'h3' : 'h4';
  const ficheHeading = headingLevel === 3 ? 'h4' : 'h5';
  return (
    <nav aria-label={label}>
      {gaps.length > 0 && <QuarterGaps issues={gaps} presentSheets={present} onSelect={onSelect} />}
      {groupIssues(others).map((sheet) => (
        <div key={sheet.sheet ?? ''} className={styles.sheet}>
          <Subtitle2 as={sheetHeading} className={styles.heading}>
            {texts.validate.sheetGroup(sheet.sheet ?? texts.validate.noSheet, sheet.count)}
          </Subtitle2>
          {sheet.fiches.map((fiche) => (
            <div key={fiche.ficheKey ?? ''}>
              {(fiche.ficheKey || sheet.fiches.length > 1) && (
                <Body1Strong as={ficheHeading} className={styles.heading}>
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
