import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Subtitle2,
} from '@fluentui/react-components';
import { planWarningDescriptions, type PlanWarning } from '../../app';
import { useAccordionListStyles } from '../common/accordion-list-styles';
import { texts } from '../texts';
import { messageText } from '../messages';

/** Warnings by code, in order of first appearance. */
function groupByCode(warnings: readonly PlanWarning[]): [string, PlanWarning[]][] {
  const groups = new Map<string, PlanWarning[]>();
  for (const warning of warnings) groups.set(warning.code, [...(groups.get(warning.code) ?? []), warning]);
  return [...groups];
}

function describe(code: string): string {
  return (planWarningDescriptions as Record<string, string>)[code] ?? texts.warnings.otherGroup;
}

/** The parser's warnings, grouped by kind, each with its line and French message; shown before anything is written. */
export function PlanWarnings({ warnings }: { warnings: readonly PlanWarning[] }) {
  const styles = useAccordionListStyles();
  if (warnings.length === 0) return <Body1>{texts.warnings.none}</Body1>;
  return (
    <div className={styles.column}>
      <Subtitle2 as="h3">{texts.warnings.heading(warnings.length)}</Subtitle2>
      <Body1>{texts.warnings.intro}</Body1>
      <Accordion multiple collapsible>
        {groupByCode(warnings).map(([code, group]) => (
          <AccordionItem key={code} value={code}>
            <AccordionHeader className={styles.header} button={{ className: styles.headerButton }} size="small">
              {texts.warnings.groupTitle(describe(code), group.length)}
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {group.map((warning, index) => (
                  <li key={index}>{texts.warnings.line(warning.line, messageText(warning.code, warning.params))}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
