import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from '@fluentui/react-components';
import type { Issue } from '../../app';
import { useAccordionListStyles } from '../common/accordion-list-styles';
import { texts } from '../texts';
import { IssueItem } from './issue-item';
import { issueTarget } from './issue-target';

/**
 * The warnings « valeurs manquent » of the current quarter, one per fiche: a check early in a quarter gives one for
 * almost every fiche. One line says how many fiches; it opens on the list, each with the link to its cells.
 */
export function QuarterGaps({
  issues,
  presentSheets,
  onSelect,
}: {
  issues: readonly Issue[];
  presentSheets: ReadonlySet<string>;
  /** Absent for a file that is not open: the places are said, not linked. */
  onSelect?: (sheet: string, cell: string) => void;
}) {
  const styles = useAccordionListStyles();
  const quarter = String(issues[0]?.params.quarter ?? '');
  return (
    <Accordion collapsible>
      <AccordionItem value="quarter-gaps">
        <AccordionHeader className={styles.header} button={{ className: styles.headerButton }} size="small">
          {texts.validate.quarterGaps(quarter, issues.length)}
        </AccordionHeader>
        <AccordionPanel>
          <ul className={styles.list}>
            {issues.map((issue, index) => (
              <li key={index}>
                <IssueItem issue={issue} target={issueTarget(issue, presentSheets)} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
