import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Subtitle2,
} from '@fluentui/react-components';
import type { Plan } from '../../app';
import { useAccordionListStyles } from '../common/accordion-list-styles';
import { texts } from '../texts';
import { axisCounts, planTotals } from './plan-counts';

/** The plan before anything is written: territory, period, and per axis its fiches and criteria (expandable). */
export function PlanPreview({ plan }: { plan: Plan }) {
  const styles = useAccordionListStyles();
  const totals = planTotals(plan);
  const counts = axisCounts(plan);
  return (
    <div className={styles.column}>
      <Subtitle2 as="h3">{texts.preview.heading}</Subtitle2>
      <Body1>{texts.preview.territory(plan.territory)}</Body1>
      <Body1>{texts.preview.period(plan.period.start, plan.period.end)}</Body1>
      <Body1>{texts.preview.summary(totals.axes, totals.fiches, totals.criteria)}</Body1>
      <Accordion multiple collapsible>
        {plan.axes.map((axis, index) => (
          <AccordionItem key={axis.number} value={axis.number}>
            <AccordionHeader className={styles.header} button={{ className: styles.headerButton }} size="small">
              <span className={styles.headerText}>
                <span>{texts.preview.axisTitle(axis.number, axis.title)}</span>
                <Caption1>{texts.preview.axisCounts(counts[index].fiches, counts[index].criteria)}</Caption1>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {axis.fiches.map((fiche) => (
                  <li key={fiche.key}>{texts.preview.ficheLine(fiche.key, fiche.title, fiche.criteria.length)}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
