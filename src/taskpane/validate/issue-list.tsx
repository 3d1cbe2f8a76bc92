import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1Strong,
  Button,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Issue } from '../../app';
import { useAccordionListStyles } from '../common/accordion-list-styles';
import { texts } from '../texts';
import { groupIssues, type SheetIssues } from './group-issues';
import { IssueItem } from './issue-item';
import { issueTarget } from './issue-target';
import { QuarterGaps } from './quarter-gaps';

/** Warnings of one kind about the current quarter, one per fiche: summed up in one line rather than listed. */
const summedUpCodes: ReadonlySet<string> = new Set(['incomplete-current-quarter']);

/**
 * Up to this many issues (or a single sheet's), every sheet is shown open; beyond, each sheet is one line with its
 * counts, opened at will: hundreds of issues are not one long scroll.
 */
const SHOWN_OPEN_UP_TO = 30;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, minWidth: 0 },
  fiche: { marginTop: tokens.spacingVerticalXS },
  heading: { overflowWrap: 'anywhere' },
  toggleAll: { alignSelf: 'flex-start' },
});

const groupId = (group: SheetIssues) => group.sheet ?? '';

/**
 * The validation's issues: the current quarter's missing values in one line that opens, then the others by sheet and
 * by fiche, each sheet a fold whose header says how many problems and errors it holds (open when the list is short).
 * In the open workbook, every issue with a place in it (`presentSheets`: the sheets it had when checked) has a link
 * that shows it in Excel; in a file (`onSelect` absent), each says its sheet and cell. `headingLevel`: the level of
 * the sheets' headings (the fiches' one below), under the heading the list sits in.
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
  const folds = useAccordionListStyles();
  const present = new Set(presentSheets);
  const gaps = issues.filter((issue) => summedUpCodes.has(issue.code));
  const others = issues.filter((issue) => !summedUpCodes.has(issue.code));
  const groups = groupIssues(others);
  const allIds = groups.map(groupId);
  const openByDefault = others.length <= SHOWN_OPEN_UP_TO || groups.length === 1 ? allIds : [];
  // The folds opened belong to the list they were opened in: a new check starts from its own default.
  const [opened, setOpened] = useState<{ of: readonly Issue[]; items: string[] } | null>(null);
  const openItems = opened?.of === issues ? opened.items : openByDefault;
  const setOpen = (items: string[]) => setOpened({ of: issues, items });
  const allOpen = allIds.every((id) => openItems.includes(id));
  const sheetHeading = headingLevel === 3 ? 'h3' : 'h4';
  const ficheHeading = headingLevel === 3 ? 'h4' : 'h5';
  return (
    <nav aria-label={label} className={folds.column}>
      {gaps.length > 0 && <QuarterGaps issues={gaps} presentSheets={present} onSelect={onSelect} />}
      {groups.length > 1 && (
        <Button
          className={styles.toggleAll}
          appearance="subtle"
          size="small"
          onClick={() => setOpen(allOpen ? [] : allIds)}
        >
          {allOpen ? texts.validate.collapseAll : texts.validate.expandAll}
        </Button>
      )}
      {groups.length > 0 && (
        <Accordion
          multiple
          collapsible
          openItems={openItems}
          onToggle={(_, data) => setOpen(data.openItems.map(String))}
        >
          {groups.map((sheet) => (
            <AccordionItem key={groupId(sheet)} value={groupId(sheet)}>
              <AccordionHeader
                as={sheetHeading}
                className={folds.header}
                button={{ className: folds.headerButton }}
                size="small"
              >
                {texts.validate.sheetGroup(sheet.sheet ?? texts.validate.noSheet, sheet.count, sheet.errors)}
              </AccordionHeader>
              <AccordionPanel>
                {sheet.fiches.map((fiche) => (
                  <div key={fiche.ficheKey ?? ''} className={styles.fiche}>
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
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </nav>
  );
}
